// How a button answers: the message it was pressed on is replaced with a fresh screen (a list, the
// catalogue, with a notice on top). When the screen cannot be read, the message stays as it was and
// the error is told in an ephemeral line of its own.
import type { Logger } from "../../application/ports/logger.ts";
import type { TRequestContext } from "../../domain/actor.ts";
import type { TLocale } from "../../i18n/locale.ts";
import type { TMessageContent } from "../ui/message-content.ts";
import { errorText } from "./error-responses.ts";

/** Bolt's respond(), as a button's listener gets it. */
export type TRespond = (message: object) => Promise<unknown>;

export async function replaceMessage(
  respond: TRespond,
  screen: () => Promise<TMessageContent>,
  failure: { readonly context: TRequestContext; readonly locale: TLocale; readonly logger: Logger },
): Promise<void> {
  try {
    await respond({ replace_original: true, ...(await screen()) });
  } catch (error) {
    await respond({
      replace_original: false,
      response_type: "ephemeral",
      text: errorText(error, failure.locale, failure.context.requestId, failure.logger),
    });
  }
}
