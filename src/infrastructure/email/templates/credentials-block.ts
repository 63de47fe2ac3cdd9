// The part the welcome and the reset emails share: the account, the temporary password (each on a
// line of its own), when the password expires, that it must be changed at first use, and the portal.
import type { TLocale } from "../../../i18n/locale.ts";
import { formatEmailTime } from "./common-copy.ts";
import type { TEmailBlock } from "./email-layout.ts";

export interface TCredentials {
  readonly username: string;
  readonly fullName: string;
  readonly password: string;
  readonly expiresAt: Date;
}

/** What a credentials email is given; the password lives only in memory while the email is sent. */
export interface TCredentialsEmailInput {
  readonly locale: TLocale;
  readonly credentials: TCredentials;
  readonly portalUrl: string;
  readonly supportContact?: string | undefined;
}

interface TCredentialsCopy {
  readonly usernameLabel: string;
  readonly passwordLabel: string;
  readonly temporary: (expiresAt: string) => string;
  readonly howToChange: string;
  readonly portalLabel: string;
}

const copy: Record<TLocale, TCredentialsCopy> = {
  es: {
    usernameLabel: "Usuario",
    passwordLabel: "Contraseña temporal",
    temporary: (expiresAt) =>
      `Esta contraseña es temporal: vence el ${expiresAt} y debes cambiarla la primera vez que la uses.`,
    howToChange:
      "Al entrar, el portal te pedirá una contraseña nueva (Mi cuenta → Contraseña). Elige una contraseña larga que no uses en ningún otro sitio.",
    portalLabel: "Portal",
  },
  en: {
    usernameLabel: "Username",
    passwordLabel: "Temporary password",
    temporary: (expiresAt) =>
      `This password is temporary: it expires on ${expiresAt} and you must change it the first time you use it.`,
    howToChange:
      "When you sign in, the portal asks for a new password (My account → Password). Choose a long one that you use nowhere else.",
    portalLabel: "Portal",
  },
};

export function credentialsBlocks(input: TCredentialsEmailInput): TEmailBlock[] {
  const words = copy[input.locale];
  return [
    {
      kind: "fields",
      fields: [
        { label: words.usernameLabel, value: input.credentials.username },
        { label: words.passwordLabel, value: input.credentials.password, monospace: true },
      ],
    },
    { kind: "paragraph", text: words.temporary(formatEmailTime(input.credentials.expiresAt, input.locale)) },
    { kind: "paragraph", text: words.howToChange },
    { kind: "link", label: words.portalLabel, url: input.portalUrl },
  ];
}
