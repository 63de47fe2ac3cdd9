// Who is told when an account locks: the account's owner, by email and (when linked) by Slack DM.
import type { TLocale } from "../../i18n/locale.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import type { TTransaction } from "../ports/database.ts";
import { directMessageOwner } from "./direct-message-owner.ts";
import type { TPortalUserDetails } from "./portal-user-details.ts";

export async function enqueueLockNotices(
  transaction: TTransaction,
  user: TPortalUserDetails,
  locale: TLocale,
  now: Date,
): Promise<void> {
  await enqueueOutboxMessage(transaction, OutboxKind.NOTICE_EMAIL, {
    template: "account_locked",
    to: user.email,
    locale,
    username: user.username,
    fullName: user.fullName,
    occurredAt: now.toISOString(),
    detail: user.lockedUntil?.toISOString() ?? "",
  });
  await directMessageOwner(transaction, user, "account_locked", locale);
}
