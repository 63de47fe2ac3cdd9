// The part the welcome and the reset emails share: the account, the temporary password (each on a
// line of its own), when the password expires, that it must be changed at first use, and the portal.
import type { TLocale } from "../../../i18n/locale.ts";
import { emailCopy } from "./copy.ts";
import type { TEmailBlock } from "./email-layout.ts";
import { formatEmailTime } from "./email-time.ts";

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

export function credentialsBlocks(input: TCredentialsEmailInput): TEmailBlock[] {
  const words = emailCopy(input.locale);
  return [
    {
      kind: "fields",
      fields: [
        { label: words("credentials.username_label"), value: input.credentials.username },
        { label: words("credentials.password_label"), value: input.credentials.password, monospace: true },
      ],
    },
    {
      kind: "paragraph",
      text: words("credentials.temporary", {
        expiresAt: formatEmailTime(input.credentials.expiresAt, input.locale),
      }),
    },
    { kind: "paragraph", text: words("credentials.how_to_change") },
    { kind: "link", label: words("credentials.portal_label"), url: input.portalUrl },
  ];
}
