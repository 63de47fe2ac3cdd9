// The messages the outbox carries, by kind. Payloads never hold a secret: a credential email names
// the account, and the worker makes the password when it sends it.
import { z } from "zod";
import { LOCALES } from "../../i18n/locale.ts";
import type { TTransaction } from "../ports/database.ts";

export const OutboxKind = {
  CREDENTIALS_EMAIL: "email.credentials",
  NOTICE_EMAIL: "email.notice",
  AUDIT_CHANNEL_POST: "slack.audit_post",
  SLACK_DIRECT_MESSAGE: "slack.direct_message",
  SLACK_ADMIN_NOTICE: "slack.admin_notice",
  ACCESS_REQUEST_POST: "slack.access_request_post",
  ACCESS_REQUEST_UPDATE: "slack.access_request_update",
  ACCESS_REQUEST_OUTCOME: "slack.access_request_outcome",
} as const;
export type TOutboxKind = (typeof OutboxKind)[keyof typeof OutboxKind];

const ZLocale = z.enum(LOCALES);

const ZCredentialsReason = z.enum(["welcome", "password_reset"]);
export type TCredentialsReason = z.output<typeof ZCredentialsReason>;

export const ZCredentialsEmailPayload = z.object({
  reason: ZCredentialsReason,
  userId: z.uuid(),
  locale: ZLocale,
  /** The Slack user (an admin) who created or reset the account: told if the email is refused for good. */
  requestedBy: z.string().min(1).optional(),
});
export type TCredentialsEmailPayload = Readonly<z.output<typeof ZCredentialsEmailPayload>>;

const ZNoticeTemplate = z.enum(["password_changed", "email_changed", "account_locked", "access_expiring"]);
export type TNoticeTemplate = z.output<typeof ZNoticeTemplate>;

export const ZNoticeEmailPayload = z.object({
  template: ZNoticeTemplate,
  to: z.string().min(3),
  locale: ZLocale,
  username: z.string().min(1),
  fullName: z.string().min(1),
  /** ISO time of the event the notice is about. */
  occurredAt: z.iso.datetime({ offset: true }),
  /**
   * email_changed: the new address, masked. account_locked: when the lock ends (ISO).
   * access_expiring: the last day of access (YYYY-MM-DD).
   */
  detail: z.string().optional(),
});
export type TNoticeEmailPayload = Readonly<z.output<typeof ZNoticeEmailPayload>>;

export const ZAuditChannelPostPayload = z.object({
  auditEventId: z.string().regex(/^\d+$/),
  channelId: z.string().min(1),
});
export type TAuditChannelPostPayload = Readonly<z.output<typeof ZAuditChannelPostPayload>>;

export const ZSlackDirectMessagePayload = z.object({
  slackUserId: z.string().min(1),
  message: z.enum(["welcome", "credentials_changed", "account_locked", "access_expiring"]),
  userId: z.uuid(),
  locale: ZLocale,
});
export type TSlackDirectMessagePayload = Readonly<z.output<typeof ZSlackDirectMessagePayload>>;

/**
 * A DM to an admin about an account (not to its owner): to the admin who created or reset it when
 * its credentials email was refused; to every admin when Slack reported its person deactivated.
 */
export const ZAdminNoticePayload = z.object({
  slackUserId: z.string().min(1),
  /** access_expired: to the admin who set the account's Acceso hasta (`reason` holds that date). */
  notice: z.enum(["credentials_email_failed", "slack_person_deactivated", "access_expired"]),
  userId: z.uuid(),
  username: z.string().min(1),
  email: z.string().min(1),
  reason: z.string(),
  locale: ZLocale,
});
export type TAdminNoticePayload = Readonly<z.output<typeof ZAdminNoticePayload>>;

/** An access request to post for approval: to the requests channel, or to one admin's DM. */
export const ZAccessRequestPostPayload = z.object({
  accessRequestId: z.uuid(),
  /** A channel id, or an admin's Slack user id (their DM). */
  destination: z.string().min(1),
});
export type TAccessRequestPostPayload = Readonly<z.output<typeof ZAccessRequestPostPayload>>;

/** A decided access request: every message it was posted as is updated to say who decided and when. */
export const ZAccessRequestUpdatePayload = z.object({ accessRequestId: z.uuid() });
export type TAccessRequestUpdatePayload = Readonly<z.output<typeof ZAccessRequestUpdatePayload>>;

/** A DM to the requester: their request was approved, rejected or expired. */
export const ZAccessRequestOutcomePayload = z.object({ accessRequestId: z.uuid(), locale: ZLocale });
export type TAccessRequestOutcomePayload = Readonly<z.output<typeof ZAccessRequestOutcomePayload>>;

interface TPayloadByKind {
  [OutboxKind.CREDENTIALS_EMAIL]: TCredentialsEmailPayload;
  [OutboxKind.NOTICE_EMAIL]: TNoticeEmailPayload;
  [OutboxKind.AUDIT_CHANNEL_POST]: TAuditChannelPostPayload;
  [OutboxKind.SLACK_DIRECT_MESSAGE]: TSlackDirectMessagePayload;
  [OutboxKind.SLACK_ADMIN_NOTICE]: TAdminNoticePayload;
  [OutboxKind.ACCESS_REQUEST_POST]: TAccessRequestPostPayload;
  [OutboxKind.ACCESS_REQUEST_UPDATE]: TAccessRequestUpdatePayload;
  [OutboxKind.ACCESS_REQUEST_OUTCOME]: TAccessRequestOutcomePayload;
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
