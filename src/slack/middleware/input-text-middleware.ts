// The edge of the Slack surface: a request carrying text the database cannot hold (a NUL, a lone
// UTF-16 surrogate) anywhere in what a person sent is answered here and goes no further — on the
// modal's field, in the command's reply, as an empty list of options. Only a tampered client sends
// such text; the rules of each field (controls, bidi overrides…) are the use cases', also on the field.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../application/ports/logger.ts";
import { ErrorCode } from "../../domain/errors.ts";
import { isStorableText } from "../../domain/text-rules.ts";
import type { TLocale } from "../../i18n/locale.ts";
import { errorMessage } from "../../i18n/translate.ts";
import { findRequestContext } from "../request-context.ts";

/** The path of the first string the database could not hold, or undefined. */
export function unstorableTextPath(value: unknown, path: readonly string[] = []): string[] | undefined {
  if (typeof value === "string") return isStorableText(value) ? undefined : [...path];
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (!isStorableText(key)) return [...path, key];
    const found = unstorableTextPath(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

interface TSubmissionShape {
  readonly type?: unknown;
  readonly view?: { readonly state?: { readonly values?: Record<string, unknown> } };
}

type TAck = (answer?: object) => Promise<void>;
type TRespond = (message: object) => Promise<unknown>;

export function inputTextMiddleware(locale: TLocale, logger: Logger): Middleware<AnyMiddlewareArgs> {
  const message = errorMessage(locale, ErrorCode.TEXT_CHARACTERS_INVALID);
  return async (args) => {
    const { body, next, context } = args;
    const path = unstorableTextPath(body);
    const kind = (body as TSubmissionShape).type;
    // Events (a DM's text) are never stored: the bot answers them whatever they say.
    if (path === undefined || kind === "event_callback" || kind === "view_closed") {
      await next();
      return;
    }
    logger.warn(
      { requestId: findRequestContext(context)?.requestId, kind, at: path.slice(0, 6).join(".") },
      "refused a Slack request carrying text that cannot be stored",
    );
    const ack = "ack" in args ? (args.ack as TAck) : undefined;
    const respond = "respond" in args ? (args.respond as TRespond) : undefined;
    if (kind === "view_submission") {
      const blockIds = Object.keys((body as TSubmissionShape).view?.state?.values ?? {});
      // values.<block>.<action>…: the block the text is in, else the form's first field.
      const blockId =
        path[0] === "view" && path[1] === "state" && path[2] === "values" ? path[3] : blockIds[0];
      await ack?.(
        blockId === undefined ? undefined : { response_action: "errors", errors: { [blockId]: message } },
      );
      return;
    }
    if (kind === "block_suggestion") {
      await ack?.({ options: [] });
      return;
    }
    if (kind === "block_actions" || kind === "interactive_message") {
      await ack?.();
      await respond?.({ response_type: "ephemeral", replace_original: false, text: message });
      return;
    }
    // A slash command (its body has no type): the reply shows only to the person who typed it.
    await ack?.({ response_type: "ephemeral", text: message });
  };
}
