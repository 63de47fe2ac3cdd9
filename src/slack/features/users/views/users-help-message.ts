import type { TLocale } from "../../../../i18n/translate.ts";
import { escapeMrkdwn, header, section } from "../../../ui/blocks.ts";
import { usersCopy } from "../copy.ts";
import type { TSlackMessage } from "./users-list-message.ts";

/** `/usuarios ayuda`: every text form of the command, ending with the service desk's contact. */
export function usersHelpMessage(locale: TLocale, supportContact: string | undefined): TSlackMessage {
  const copy = usersCopy(locale);
  const contact =
    supportContact === undefined
      ? copy("help.contact_default")
      : copy("help.contact", { contact: escapeMrkdwn(supportContact) });
  return {
    text: copy("help.title"),
    blocks: [header(copy("help.title")), section(copy("help.body")), section(contact)],
  };
}
