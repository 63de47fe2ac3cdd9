// The notice that an account locked after repeated wrong passwords, and until when.
import { emailCopy } from "./copy.ts";
import { renderEmail, type TAccountNoticeInput, type TRenderedEmail } from "./email-layout.ts";
import { formatEmailTime } from "./email-time.ts";

export interface TAccountLockedEmailInput extends TAccountNoticeInput {
  /** Unknown when the lock's end was not recorded: the email then says "temporarily". */
  readonly lockedUntil: Date | undefined;
}

export function accountLockedEmail(input: TAccountLockedEmailInput): TRenderedEmail {
  const words = emailCopy(input.locale);
  const locked =
    input.lockedUntil === undefined
      ? words("account_locked.for_now", { username: input.username })
      : words("account_locked.until", {
          username: input.username,
          until: formatEmailTime(input.lockedUntil, input.locale),
        });
  return renderEmail({
    locale: input.locale,
    subject: words("account_locked.subject"),
    greetingName: input.fullName,
    blocks: [
      { kind: "paragraph", text: locked },
      { kind: "paragraph", text: words("account_locked.what_next") },
    ],
    supportContact: input.supportContact,
  });
}
