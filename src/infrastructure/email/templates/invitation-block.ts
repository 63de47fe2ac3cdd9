// The part the welcome and the reset emails share when CREDENTIAL_DELIVERY=link: the account, the
// one-time link where its owner chooses a password (no password in the email), when the link
// expires, and the portal.
import type { TLocale } from "../../../i18n/locale.ts";
import { emailCopy } from "./copy.ts";
import type { TEmailBlock } from "./email-layout.ts";
import { formatEmailTime } from "./email-time.ts";

export interface TInvitation {
  readonly username: string;
  readonly fullName: string;
  /** `<PUBLIC_URL>/acceso/<token>`: lives only in memory while the email is sent. */
  readonly url: string;
  readonly expiresAt: Date;
}

export interface TInvitationEmailInput {
  readonly locale: TLocale;
  readonly invitation: TInvitation;
  readonly portalUrl: string;
  readonly supportContact?: string | undefined;
}

export function invitationBlocks(input: TInvitationEmailInput): TEmailBlock[] {
  const words = emailCopy(input.locale);
  return [
    {
      kind: "fields",
      fields: [{ label: words("credentials.username_label"), value: input.invitation.username }],
    },
    { kind: "paragraph", text: words("invitation.choose") },
    { kind: "link", label: words("invitation.link_label"), url: input.invitation.url },
    {
      kind: "paragraph",
      text: words("invitation.once", {
        expiresAt: formatEmailTime(input.invitation.expiresAt, input.locale),
      }),
    },
    { kind: "link", label: words("credentials.portal_label"), url: input.portalUrl },
  ];
}
