import type { TLocale } from "../../../../i18n/locale.ts";
import { helpMessage } from "../../../help/help-message.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { placesCopy } from "../copy.ts";

/** `/lugares ayuda`: what the catalogue offers, ending with the service desk's contact. */
export function placesHelpMessage(locale: TLocale, supportContact: string | undefined): TMessageContent {
  const copy = placesCopy(locale);
  return helpMessage({ title: copy("help.title"), body: copy("help.body"), locale, supportContact });
}
