// The notice sent to an account's OLD address when its email changes: it names the new one masked,
// so that an owner who did not ask for it learns where their notices now go, without revealing it.
import type { TLocale } from "../../../i18n/locale.ts";
import { commonCopy, formatEmailTime } from "./common-copy.ts";
import { renderEmail, type TRenderedEmail } from "./email-layout.ts";

export interface TEmailChangedEmailInput {
  readonly locale: TLocale;
  readonly fullName: string;
  readonly username: string;
  /** e.g. "j***@example.com". */
  readonly maskedNewEmail: string;
  readonly changedAt: Date;
  readonly supportContact?: string | undefined;
}

interface TEmailChangedCopy {
  readonly subject: string;
  readonly changed: (username: string, maskedNewEmail: string, when: string) => string;
  readonly fromNowOn: string;
}

const copy: Record<TLocale, TEmailChangedCopy> = {
  es: {
    subject: "Se cambió el correo de tu cuenta PremiumOne",
    changed: (username, maskedNewEmail, when) =>
      `El correo electrónico de la cuenta ${username} del portal PremiumOne se cambió a ${maskedNewEmail} el ${when}.`,
    fromNowOn:
      "Desde ahora, los avisos y las contraseñas de la cuenta se envían a esa dirección, y no a esta.",
  },
  en: {
    subject: "The email address of your PremiumOne account was changed",
    changed: (username, maskedNewEmail, when) =>
      `The email address of the PremiumOne portal account ${username} was changed to ${maskedNewEmail} on ${when}.`,
    fromNowOn: "From now on, the account's notices and passwords go to that address, not to this one.",
  },
};

export function emailChangedEmail(input: TEmailChangedEmailInput): TRenderedEmail {
  const words = copy[input.locale];
  const when = formatEmailTime(input.changedAt, input.locale);
  return renderEmail({
    locale: input.locale,
    subject: words.subject,
    greetingName: input.fullName,
    blocks: [
      { kind: "paragraph", text: words.changed(input.username, input.maskedNewEmail, when) },
      { kind: "paragraph", text: words.fromNowOn },
      { kind: "paragraph", text: commonCopy[input.locale].notYou },
    ],
    supportContact: input.supportContact,
  });
}
