// The notice sent to an account's OLD address when its email changes: it names the new one masked,
// so that an owner who did not ask for it learns where their notices now go, without revealing it.
import { emailCopy } from "./copy.ts";
import { renderEmail, type TAccountNoticeInput, type TRenderedEmail } from "./email-layout.ts";
import { formatEmailTime } from "./email-time.ts";

export interface TEmailChangedEmailInput extends TAccountNoticeInput {
  /** e.g. "j***@example.com". */
  readonly maskedNewEmail: string;
  readonly changedAt: Date;
}

export function emailChangedEmail(input: TEmailChangedEmailInput): TRenderedEmail {
  const words = emailCopy(input.locale);
  const when = formatEmailTime(input.changedAt, input.locale);
  return renderEmail({
    locale: input.locale,
    subject: words("email_changed.subject"),
    greetingName: input.fullName,
    blocks: [
      {
        kind: "paragraph",
        text: words("email_changed.changed", {
          username: input.username,
          maskedNewEmail: input.maskedNewEmail,
          when,
        }),
      },
      { kind: "paragraph", text: words("email_changed.from_now_on") },
      { kind: "paragraph", text: words("common.not_you") },
    ],
    supportContact: input.supportContact,
  });
}
