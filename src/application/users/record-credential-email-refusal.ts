// A welcome or reset email refused for good (the server answered 5xx: no such mailbox, a domain
// that takes no mail…). The account has no password anyone knows, so whoever looks at it must see
// why: the account is marked (the list shows "correo rechazado" beside Restablecer), the failure
// is audited against the account itself (so /auditoria <cuenta> shows it), and the admin who
// created or reset it is told by DM, with the account and the reason. In the outbox's transaction.
import { AuditAction, type TAuditAction } from "../../domain/audit-actions.ts";
import type { TCredentialsEmailPayload } from "../outbox/outbox-messages.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import type { TTransaction } from "../ports/database.ts";
import { portalUserAuditTarget } from "./portal-user-details.ts";

export const CREDENTIAL_EMAIL_FAILURE_MAX_LENGTH = 300;

export interface TRefusalAuditDetails {
  readonly action: TAuditAction;
  readonly target: { readonly type: string; readonly id: string; readonly label: string };
  readonly changes: Readonly<Record<string, unknown>>;
}

/** Undefined when the account no longer exists (nothing to mark, no one to tell). */
export async function recordCredentialEmailRefusal(
  transaction: TTransaction,
  options: { payload: TCredentialsEmailPayload; reason: string; now: Date },
): Promise<TRefusalAuditDetails | undefined> {
  const { payload } = options;
  const reason = options.reason.slice(0, CREDENTIAL_EMAIL_FAILURE_MAX_LENGTH);
  const user = await transaction.portalUser.findUnique({
    where: { id: payload.userId },
    select: { id: true, username: true, email: true },
  });
  if (user === null) return undefined;
  await transaction.portalUser.update({
    where: { id: user.id },
    data: { credentialEmailFailedAt: options.now, credentialEmailFailure: reason },
  });
  if (payload.requestedBy !== undefined) {
    await enqueueOutboxMessage(transaction, OutboxKind.SLACK_ADMIN_NOTICE, {
      slackUserId: payload.requestedBy,
      notice: "credentials_email_failed",
      userId: user.id,
      username: user.username,
      email: user.email,
      reason,
      locale: payload.locale,
    });
  }
  return {
    action: AuditAction.USER_CREDENTIALS_EMAIL_FAILED,
    target: portalUserAuditTarget(user),
    changes: { credentialEmail: payload.reason, emailedTo: user.email },
  };
}
