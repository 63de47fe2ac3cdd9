import type { TLocale } from "../../../../i18n/locale.ts";
import { helpMessage } from "../../../help/help-message.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { accessRequestsCopy } from "../../access-requests/copy.ts";
import { usersCopy } from "../copy.ts";

/** `/usuarios ayuda`: every text form of the command, ending with the service desk's contact. */
export function usersHelpMessage(locale: TLocale, supportContact: string | undefined): TMessageContent {
  const copy = usersCopy(locale);
  const body = [copy("help.body"), accessRequestsCopy(locale)("help.line")].join("\n");
  return helpMessage({ title: copy("help.title"), body, locale, supportContact });
}
