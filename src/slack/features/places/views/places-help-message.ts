import type { TLocale } from "../../../../i18n/translate.ts";
import { escapeMrkdwn, header, section } from "../../../ui/blocks.ts";
import { placesCopy } from "../copy.ts";
import type { TPlacesMessage } from "./places-catalogue-message.ts";

/** `/lugares ayuda`: what the catalogue offers, ending with the service desk's contact. */
export function placesHelpMessage(locale: TLocale, supportContact: string | undefined): TPlacesMessage {
  const copy = placesCopy(locale);
  const contact =
    supportContact === undefined
      ? copy("help.contact_default")
      : copy("help.contact", { contact: escapeMrkdwn(supportContact) });
  return {
    text: copy("help.title"),
    blocks: [header(copy("help.title")), section(copy("help.body")), section(contact)],
  };
}
