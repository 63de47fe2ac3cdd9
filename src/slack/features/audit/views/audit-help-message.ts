import type { TLocale } from "../../../../i18n/locale.ts";
import { helpMessage } from "../../../help/help-message.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { auditCopy } from "../copy.ts";

/** `/auditoria ayuda`: the command's text forms and what a row shows, ending with the service desk's contact. */
export function auditHelpMessage(locale: TLocale, supportContact: string | undefined): TMessageContent {
  const copy = auditCopy(locale);
  return helpMessage({ title: copy("help.title"), body: copy("help.body"), locale, supportContact });
}
