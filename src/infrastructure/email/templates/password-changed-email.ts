// The notice that an account's password was changed, so that its owner notices a change not theirs.
import type { TLocale } from "../../../i18n/locale.ts";
import { commonCopy, formatEmailTime } from "./common-copy.ts";
import { renderEmail, type TRenderedEmail } from "./email-layout.ts";

export interface TPasswordChangedEmailInput {
  readonly locale: TLocale;
  readonly fullName: string;
  readonly username: string;
  readonly changedAt: Date;
  readonly supportContact?: string | undefined;
}

const copy: Record<
  TLocale,
  { readonly subject: string; readonly changed: (username: string, when: string) => string }
> = {
  es: {
    subject: "Se cambió la contraseña de tu cuenta PremiumOne",
    changed: (username, when) =>
      `La contraseña de la cuenta ${username} del portal PremiumOne se cambió el ${when}.`,
  },
  en: {
    subject: "The password of your PremiumOne account was changed",
    changed: (username, when) =>
      `The password of the PremiumOne portal account ${username} was changed on ${when}.`,
  },
};

export function passwordChangedEmail(input: TPasswordChangedEmailInput): TRenderedEmail {
  const words = copy[input.locale];
  return renderEmail({
    locale: input.locale,
    subject: words.subject,
    greetingName: input.fullName,
    blocks: [
      {
        kind: "paragraph",
        text: words.changed(input.username, formatEmailTime(input.changedAt, input.locale)),
      },
      { kind: "paragraph", text: commonCopy[input.locale].notYou },
    ],
    supportContact: input.supportContact,
  });
}
