// Every help text of the bot has one shape: a title, what the command does, and — as the
// PremiumOne help page ends with "Medios de contacto" — the service desk's contact.

import type { TLocale } from "../../i18n/locale.ts";
import { escapeMrkdwn, header, section } from "../ui/blocks.ts";
import type { TMessageContent } from "../ui/message-content.ts";
import { helpCopy } from "./copy.ts";

export function contactLine(locale: TLocale, supportContact: string | undefined): string {
  const copy = helpCopy(locale);
  return supportContact === undefined
    ? copy("contact_default")
    : copy("contact", { contact: escapeMrkdwn(supportContact) });
}

export function helpMessage(options: {
  title: string;
  body: string;
  locale: TLocale;
  supportContact: string | undefined;
}): TMessageContent {
  return {
    text: options.title,
    blocks: [
      header(options.title),
      section(options.body),
      section(contactLine(options.locale, options.supportContact)),
    ],
  };
}
