// The notice that an account locked after repeated wrong passwords, and until when.
import type { TLocale } from "../../../i18n/locale.ts";
import { formatEmailTime } from "./common-copy.ts";
import { renderEmail, type TRenderedEmail } from "./email-layout.ts";

export interface TAccountLockedEmailInput {
  readonly locale: TLocale;
  readonly fullName: string;
  readonly username: string;
  /** Unknown when the lock's end was not recorded: the email then says "temporarily". */
  readonly lockedUntil: Date | undefined;
  readonly supportContact?: string | undefined;
}

interface TAccountLockedCopy {
  readonly subject: string;
  readonly lockedUntil: (username: string, until: string) => string;
  readonly lockedForNow: (username: string) => string;
  readonly whatNext: string;
}

const copy: Record<TLocale, TAccountLockedCopy> = {
  es: {
    subject: "Tu cuenta PremiumOne está bloqueada temporalmente",
    lockedUntil: (username, until) =>
      `Por varios intentos seguidos con una contraseña incorrecta, la cuenta ${username} del portal PremiumOne quedó bloqueada hasta el ${until}.`,
    lockedForNow: (username) =>
      `Por varios intentos seguidos con una contraseña incorrecta, la cuenta ${username} del portal PremiumOne quedó bloqueada temporalmente.`,
    whatNext:
      "Mientras tanto no se puede entrar al portal ni cambiar la contraseña. Después podrás volver a intentarlo; un administrador también puede desbloquear la cuenta. Si no fuiste tú, comunícate con la mesa de ayuda.",
  },
  en: {
    subject: "Your PremiumOne account is temporarily locked",
    lockedUntil: (username, until) =>
      `After several wrong passwords in a row, the PremiumOne portal account ${username} is locked until ${until}.`,
    lockedForNow: (username) =>
      `After several wrong passwords in a row, the PremiumOne portal account ${username} is temporarily locked.`,
    whatNext:
      "Meanwhile, nobody can sign in to the portal or change the password. You can try again afterwards; an administrator can also unlock the account. If it was not you, contact the service desk.",
  },
};

export function accountLockedEmail(input: TAccountLockedEmailInput): TRenderedEmail {
  const words = copy[input.locale];
  const locked =
    input.lockedUntil === undefined
      ? words.lockedForNow(input.username)
      : words.lockedUntil(input.username, formatEmailTime(input.lockedUntil, input.locale));
  return renderEmail({
    locale: input.locale,
    subject: words.subject,
    greetingName: input.fullName,
    blocks: [
      { kind: "paragraph", text: locked },
      { kind: "paragraph", text: words.whatNext },
    ],
    supportContact: input.supportContact,
  });
}
