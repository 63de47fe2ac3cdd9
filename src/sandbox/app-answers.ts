// What Slack does with the body of an app's HTTP answer (the "ack") to each kind of request:
// a slash command's immediate message, a view submission's response_action, an options request's
// options. Each function returns the reasons Slack would refuse the answer (empty when it is fine):
// Slack shows the person an error instead and changes nothing.
import { inputBlocksOf } from "./block-kit-reading.ts";
import { problemsInMessageBlocks, problemsInView } from "./block-kit-validation.ts";
import {
  arrayField,
  isJsonObject,
  objectsIn,
  stringField,
  type TJsonObject,
  type TJsonValue,
} from "./json.ts";
import type { TSlackView } from "./slack-records.ts";
import type { TSlackWorkspace } from "./slack-workspace.ts";

/** Slack waits this long for the HTTP answer, then tells the person the app did not respond. */
export const ACKNOWLEDGEMENT_DEADLINE_MILLISECONDS = 3_000;

/** The body of an HTTP answer: parsed JSON, raw text when not JSON, undefined when empty. */
export type TAnswerBody = TJsonValue | string | undefined;

export interface TCommandAnswerContext {
  readonly userId: string;
  readonly channelId: string;
  readonly responseUrlId: string;
}

/** A slash command's ack body: text or `{text, blocks, response_type}` shown at once (ephemeral by default). */
export function showCommandAnswer(
  workspace: TSlackWorkspace,
  context: TCommandAnswerContext,
  body: TAnswerBody,
): string[] {
  if (body === undefined || body === "") return [];
  const content = typeof body === "string" ? { text: body } : body;
  if (!isJsonObject(content)) return ["the answer to a slash command must be text or a JSON object"];
  const text = stringField(content, "text") ?? "";
  const blocks = arrayField(content, "blocks");
  if (text === "" && blocks === undefined) return [];
  const problems = blocks === undefined ? [] : problemsInMessageBlocks(blocks);
  if (problems.length > 0) return problems;
  const inChannel = content.response_type === "in_channel";
  const message = workspace.postMessage({
    channel: context.channelId,
    author: workspace.app.botUserId,
    fromApp: true,
    text,
    blocks: blocks ?? [],
    origin: "command_response",
    ...(inChannel ? {} : { visibleOnlyTo: context.userId }),
  });
  const responseUrl = workspace.responseUrl(context.responseUrlId);
  if (responseUrl !== undefined) responseUrl.originalTs = message.ts;
  return [];
}

function checkedModal(view: TJsonValue | undefined): { view: TJsonObject; problems: string[] } {
  if (!isJsonObject(view)) return { view: {}, problems: ["response_action needs a view object"] };
  const problems = problemsInView(view);
  if (view.type !== "modal") problems.push("[ERROR] must be modal [json-pointer:/view/type]");
  return { view, problems };
}

/**
 * A view_submission's ack body. Empty: the submitted view closes. `errors`: messages beside input
 * blocks, the view stays. `update`/`push`: the new view replaces the submitted one / goes on top.
 * `clear`: every view of the modal closes.
 */
export function applyViewSubmissionAnswer(
  workspace: TSlackWorkspace,
  view: TSlackView,
  body: TAnswerBody,
): string[] {
  if (body === undefined || body === "") {
    workspace.closeView(view.id);
    return [];
  }
  if (!isJsonObject(body)) return ["the answer to a view submission must be empty or a JSON object"];
  const action = stringField(body, "response_action");
  switch (action) {
    case undefined:
      workspace.closeView(view.id);
      return [];
    case "errors": {
      const errors = body.errors;
      if (!isJsonObject(errors)) return ["response_action errors needs an errors object"];
      const inputBlockIds = new Set(inputBlocksOf(view.blocks).map((input) => input.blockId));
      const problems: string[] = [];
      const shown: Record<string, string> = {};
      for (const [blockId, message] of Object.entries(errors)) {
        if (!inputBlockIds.has(blockId))
          problems.push(`errors names ${blockId}, which is not an input block of the view`);
        else if (typeof message !== "string") problems.push(`the error for ${blockId} must be text`);
        else shown[blockId] = message;
      }
      if (problems.length > 0) return problems;
      workspace.setViewErrors(view.id, shown);
      return [];
    }
    case "update": {
      const checked = checkedModal(body.view);
      if (checked.problems.length > 0) return checked.problems;
      const outcome = workspace.updateView(view.id, checked.view);
      return outcome.ok ? [] : [outcome.error];
    }
    case "push": {
      const checked = checkedModal(body.view);
      if (checked.problems.length > 0) return checked.problems;
      const outcome = workspace.pushModal(view.userId, checked.view);
      return outcome.ok ? [] : [outcome.error];
    }
    case "clear":
      workspace.clearModals(view.userId);
      return [];
    default:
      return [`unknown response_action ${action}`];
  }
}

export type TOptionsAnswer =
  | { readonly ok: true; readonly options: readonly TJsonObject[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** An options request's ack body: `{options: [...]}` or `{option_groups: [{label, options}]}`, at most 100. */
export function readOptionsAnswer(body: TAnswerBody): TOptionsAnswer {
  if (!isJsonObject(body))
    return { ok: false, problems: ["the answer to an options request must be a JSON object"] };
  const direct = arrayField(body, "options");
  const groups = arrayField(body, "option_groups");
  if (direct === undefined && groups === undefined) {
    return { ok: false, problems: ["the answer must hold options or option_groups"] };
  }
  if ((direct?.length ?? 0) > 100 || (groups?.length ?? 0) > 100) {
    return { ok: false, problems: ["at most 100 options or option groups"] };
  }
  const options = [
    ...objectsIn(direct),
    ...objectsIn(groups).flatMap((group) => objectsIn(arrayField(group, "options"))),
  ];
  const malformed = options.filter(
    (option) => stringField(option, "value") === undefined || !isJsonObject(option.text),
  );
  if (malformed.length > 0) return { ok: false, problems: ["every option needs a text object and a value"] };
  return { ok: true, options };
}
