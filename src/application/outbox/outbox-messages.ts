// The messages the outbox carries, by kind. Payloads never hold a secret: a credential email names
// the account, and the worker makes the password when it sends it.
import type { TLocale } from "../../i18n/locale.ts";
import type { TTransaction } from "../ports/database.ts";

export const OutboxKind = {
  CREDENTIALS_EMAIL: "email.credentials",
  NOTICE_EMAIL: "email.notice",
  AUDIT_CHANNEL_POST: "slack.audit_post",
  SLACK_DIRECT_MESSAGE: "slack.direct_message",
  SLACK_ADMIN_NOTICE: "slack.admin_notice",
} as const;
export type TOutboxKind = (typeof OutboxKind)[keyof typeof OutboxKind];

export type TCredentialsReason = "welcome" | "password_reset";

export interface TCredentialsEmailPayload {
  readonly reason: TCredentialsReason;
  readonly userId: string;
  readonly locale: TLocale;
  /** The Slack user (an admin) who created or reset the account: told if the email is refused for good. */
  readonly requestedBy?: string;
}

export type TNoticeTemplate = "password_changed" | "email_changed" | "account_locked";

export interface TNoticeEmailPayload {
  readonly template: TNoticeTemplate;
  readonly to: string;
  readonly locale: TLocale;
  readonly username: string;
  readonly fullName: string;
  /** ISO time of the event the notice is about. */
  readonly occurredAt: string;
  /** email_changed: the new address, masked. account_locked: when the lock ends (ISO). */
  readonly detail?: string;
}

export interface TAuditChannelPostPayload {
  readonly auditEventId: string;
  readonly channelId: string;
}

export interface TSlackDirectMessagePayload {
  readonly slackUserId: string;
  readonly message: "welcome" | "credentials_changed" | "account_locked";
  readonly userId: string;
  readonly locale: TLocale;
}

/** A DM to the admin who acted on an account, about that account (not to its owner). */
export interface TAdminNoticePayload {
  readonly slackUserId: string;
  readonly notice: "credentials_email_failed";
  readonly userId: string;
  readonly username: string;
  readonly email: string;
  readonly reason: string;
  readonly locale: TLocale;
}

interface TPayloadByKind {
  [OutboxKind.CREDENTIALS_EMAIL]: TCredentialsEmailPayload;
  [OutboxKind.NOTICE_EMAIL]: TNoticeEmailPayload;
  [OutboxKind.AUDIT_CHANNEL_POST]: TAuditChannelPostPayload;
  [OutboxKind.SLACK_DIRECT_MESSAGE]: TSlackDirectMessagePayload;
  [OutboxKind.SLACK_ADMIN_NOTICE]: TAdminNoticePayload;
}

export type TOutboxPayload<TKind extends TOutboxKind> = TPayloadByKind[TKind];

/** Queues a message in the caller's transaction: it is delivered only if the change commits. */
export async function enqueueOutboxMessage<TKind extends TOutboxKind>(
  transaction: TTransaction,
  kind: TKind,
  payload: TOutboxPayload<TKind>,
  options: { auditEventId?: bigint } = {},
): Promise<void> {
  await transaction.outboxMessage.create({
    data: { kind, payload: { ...payload }, auditEventId: options.auditEventId ?? null },
  });
}
