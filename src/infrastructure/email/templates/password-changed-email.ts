// The notice that an account's password was changed, so that its owner notices a change not theirs.
import { emailCopy } from "./copy.ts";
import { renderEmail, type TAccountNoticeInput, type TRenderedEmail } from "./email-layout.ts";
import { formatEmailTime } from "./email-time.ts";

export interface TPasswordChangedEmailInput extends TAccountNoticeInput {
  readonly changedAt: Date;
}

export function passwordChangedEmail(input: TPasswordChangedEmailInput): TRenderedEmail {
  const words = emailCopy(input.locale);
  return renderEmail({
    locale: input.locale,
    subject: words("password_changed.subject"),
    greetingName: input.fullName,
    blocks: [
      {
        kind: "paragraph",
        text: words("password_changed.changed", {
          username: input.username,
          when: formatEmailTime(input.changedAt, input.locale),
        }),
      },
      { kind: "paragraph", text: words("common.not_you") },
    ],
    supportContact: input.supportContact,
  });
}
