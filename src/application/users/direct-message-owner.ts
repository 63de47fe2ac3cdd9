// A Slack DM to an account's owner (welcome, credentials changed, account locked), queued in the
// change's transaction — when the account is linked to a Slack person; an unlinked one has nobody to tell.
import type { TLocale } from "../../i18n/locale.ts";
import {
  enqueueOutboxMessage,
  OutboxKind,
  type TSlackDirectMessagePayload,
} from "../outbox/outbox-messages.ts";
import type { TTransaction } from "../ports/database.ts";

export async function directMessageOwner(
  transaction: TTransaction,
  user: { readonly id: string; readonly slackUserId: string | null },
  message: TSlackDirectMessagePayload["message"],
  locale: TLocale,
): Promise<void> {
  if (user.slackUserId === null) return;
  await enqueueOutboxMessage(transaction, OutboxKind.SLACK_DIRECT_MESSAGE, {
    slackUserId: user.slackUserId,
    message,
    userId: user.id,
    locale,
  });
}
