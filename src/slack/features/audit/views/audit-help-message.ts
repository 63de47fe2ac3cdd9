import type { TLocale } from "../../../../i18n/translate.ts";
import { escapeMrkdwn, header, section } from "../../../ui/blocks.ts";
import { auditCopy } from "../copy.ts";
import type { TAuditMessage } from "./audit-list-message.ts";

/** `/auditoria ayuda`: the command's text forms and what a row shows, ending with the service desk's contact. */
export function auditHelpMessage(locale: TLocale, supportContact: string | undefined): TAuditMessage {
  const copy = auditCopy(locale);
  const contact =
    supportContact === undefined
      ? copy("help.contact_default")
      : copy("help.contact", { contact: escapeMrkdwn(supportContact) });
  return {
    text: copy("help.title"),
    blocks: [header(copy("help.title")), section(copy("help.body")), section(contact)],
  };
}
