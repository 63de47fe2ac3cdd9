// What went wrong in one entry of the workspace's timeline, named and explained for the developer
// panel: a Web API call or a response_url post Slack refused, a request the app answered with an
// error or too late, an answer whose body Slack would not apply.
import type { TLocale } from "../../i18n/locale.ts";
import { arrayField, isJsonObject, objectField, stringField, stringsIn } from "../json.ts";
import type { TTimelineEntry } from "../slack-records.ts";
import { sandboxPageCopy } from "./copy.ts";

export interface TTimelineProblem {
  /** Slack's error code (`exchanged_trigger_id`), or `operation_timeout`, `http_error`, `answer_refused`. */
  readonly code: string;
  /** What went wrong and why, in the page's language. */
  readonly explanation: string;
  /** Slack's own messages (`response_metadata.messages`) or the reasons an answer was refused. */
  readonly details: readonly string[];
}

/** The error codes the catalogue explains one by one; any other gets `problem.other`. */
const EXPLAINED_CODES = [
  "exchanged_trigger_id",
  "expired_trigger_id",
  "invalid_trigger_id",
  "invalid_blocks",
  "invalid_blocks_format",
  "invalid_arguments",
  "hash_conflict",
  "push_limit_reached",
  "not_found",
  "channel_not_found",
  "message_not_found",
  "users_not_found",
  "user_not_found",
  "user_not_in_channel",
  "no_text",
  "msg_too_long",
  "duplicate_external_id",
  "invalid_auth",
  "not_authed",
  "unknown_method",
  "not_implemented_in_sandbox",
  "used_url",
  "expired_url",
  "no_service",
  "invalid_payload",
] as const;

type TExplainedCode = (typeof EXPLAINED_CODES)[number];

function isExplained(code: string): code is TExplainedCode {
  return (EXPLAINED_CODES as readonly string[]).includes(code);
}

/** The short code Slack would name for one reason it refused an app's answer. */
export function refusalCode(reason: string): string {
  if (/^[a-z_]+$/.test(reason)) return reason;
  if (reason.startsWith("http_error")) return "http_error";
  if (reason.startsWith("[ERROR]")) return "invalid_blocks";
  return "invalid_response";
}

/**
 * The problem of `entry`, undefined when there is none. `answerRefusals` are the reasons Slack did not
 * apply the app's answer to this request (known only to whoever sent it: the page records them).
 */
export function problemOf(
  entry: TTimelineEntry,
  answerRefusals: readonly string[] | undefined,
  locale: TLocale,
): TTimelineProblem | undefined {
  const copy = sandboxPageCopy(locale);
  if (entry.kind === "app_request") {
    const reasons = answerRefusals ?? [];
    const name = entry.name;
    if (entry.status < 200 || entry.status >= 300) {
      return {
        code: "http_error",
        explanation: copy("problem.http_error", { status: entry.status, name }),
        details: reasons,
      };
    }
    if (reasons.includes("operation_timeout"))
      return {
        code: "operation_timeout",
        explanation: copy("problem.operation_timeout", { name }),
        details: [],
      };
    if (reasons.length > 0) {
      return {
        code: "answer_refused",
        explanation: copy("problem.answer_refused", { name, reasons: reasons.join("; ") }),
        details: reasons,
      };
    }
    return undefined;
  }
  const response = entry.response;
  const refused = isJsonObject(response) ? response.ok === false : entry.status >= 400;
  if (!refused) return undefined;
  const code = stringField(isJsonObject(response) ? response : undefined, "error") ?? `http_${entry.status}`;
  const method = entry.name;
  const body = isJsonObject(response) ? response : undefined;
  const details = stringsIn(arrayField(objectField(body, "response_metadata"), "messages"));
  const explanation = isExplained(code)
    ? copy(`problem.${code}`, { method })
    : copy("problem.other", { method, error: code });
  return { code, explanation, details };
}
