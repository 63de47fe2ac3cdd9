// What Slack does with a POST to a response_url it handed out: a new message (ephemeral unless
// `response_type: "in_channel"`), or `replace_original` / `delete_original` on the message it came
// from; at most five uses within thirty minutes. Answers `{ ok: true }` like hooks.slack.com.
import { problemsInMessageBlocks } from "./block-kit-validation.ts";
import { isJsonObject, type TJsonObject, type TJsonValue } from "./json.ts";
import type { TSlackWorkspace } from "./slack-workspace.ts";
import {
  RESPONSE_URL_LIFETIME_MILLISECONDS,
  RESPONSE_URL_MAXIMUM_USES,
} from "./workspace/triggers-and-response-urls.ts";

export interface TResponseUrlAnswer {
  readonly status: number;
  readonly body: TJsonObject;
}

function refusal(status: number, error: string, messages?: readonly string[]): TResponseUrlAnswer {
  const body: TJsonObject = { ok: false, error };
  if (messages !== undefined) body.response_metadata = { messages: [...messages] };
  return { status, body };
}

/** `payload` is the parsed JSON body, or undefined when the body was not JSON. */
export function answerResponseUrlPost(
  workspace: TSlackWorkspace,
  responseUrlId: string,
  payload: TJsonValue | undefined,
): TResponseUrlAnswer {
  const record = workspace.responseUrl(responseUrlId);
  if (record === undefined) return refusal(404, "no_service");
  if (workspace.now() - record.issuedAt > RESPONSE_URL_LIFETIME_MILLISECONDS)
    return refusal(404, "expired_url");
  if (record.uses >= RESPONSE_URL_MAXIMUM_USES) return refusal(404, "used_url");
  if (payload === undefined || !isJsonObject(payload)) return refusal(400, "invalid_payload");
  record.uses += 1;

  const original =
    record.originalTs === undefined ? undefined : workspace.message(record.channelId, record.originalTs);
  if (payload.delete_original === true) {
    if (original !== undefined) workspace.deleteMessage(original.channel, original.ts);
    return { status: 200, body: { ok: true } };
  }

  const text = typeof payload.text === "string" ? payload.text : "";
  const blocks = Array.isArray(payload.blocks) ? payload.blocks : undefined;
  if (text === "" && blocks === undefined) return refusal(400, "no_text");
  const problems = blocks === undefined ? [] : problemsInMessageBlocks(blocks);
  if (problems.length > 0) return refusal(400, "invalid_blocks", problems);

  if (payload.replace_original === true && original !== undefined) {
    workspace.editMessage(original.channel, original.ts, { text, blocks: blocks ?? [] });
    return { status: 200, body: { ok: true } };
  }
  const inChannel = payload.response_type === "in_channel";
  const message = workspace.postMessage({
    channel: record.channelId,
    author: workspace.app.botUserId,
    fromApp: true,
    text,
    blocks: blocks ?? [],
    origin: "response_url",
    ...(inChannel ? {} : { visibleOnlyTo: record.userId }),
    ...(typeof payload.thread_ts === "string" ? { threadTs: payload.thread_ts } : {}),
  });
  if (record.source.kind === "command") record.originalTs = message.ts;
  return { status: 200, body: { ok: true } };
}
