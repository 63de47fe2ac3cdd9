// The warning, 3 days before, that an account's Acceso hasta is near: the last day, and whom to ask.
import { formatCalendarDate } from "../../../i18n/format.ts";
import { emailCopy } from "./copy.ts";
import { renderEmail, type TAccountNoticeInput, type TRenderedEmail } from "./email-layout.ts";

export interface TAccessExpiringEmailInput extends TAccountNoticeInput {
  /** The last day of access, YYYY-MM-DD. */
  readonly accessUntil: string;
}

export function accessExpiringEmail(input: TAccessExpiringEmailInput): TRenderedEmail {
  const words = emailCopy(input.locale);
  const date = formatCalendarDate(input.accessUntil, input.locale);
  return renderEmail({
    locale: input.locale,
    subject: words("access_expiring.subject", { date }),
    greetingName: input.fullName,
    blocks: [
      {
        kind: "paragraph",
        text: words("access_expiring.ends", {
          username: input.username,
          date,
          timeZone: words("common.time_zone_name"),
        }),
      },
      { kind: "paragraph", text: words("access_expiring.what_next") },
    ],
    supportContact: input.supportContact,
  });
}
