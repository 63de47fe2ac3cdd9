// An admin's "Restablecer contraseña" (after Sí): the current password stops working at once and a
// new temporary one is emailed. Pending credential emails for the account are superseded.
import { AuditAction } from "../../domain/audit-actions.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import {
  cancelPendingCredentialEmails,
  runConfirmedPortalUserChange,
  type TConfirmedPortalUserChangeOptions,
} from "./confirmed-portal-user-change.ts";
import { directMessageOwner } from "./direct-message-owner.ts";
import {
  portalUserAuditTarget,
  portalUserDetailsSelect,
  type TPortalUserDetails,
  toPortalUserDetails,
} from "./portal-user-details.ts";

export async function resetPortalUserPassword(
  dependencies: TUseCaseDependencies,
  options: TConfirmedPortalUserChangeOptions,
): Promise<TPortalUserDetails> {
  const { context } = options;
  const locale = dependencies.settings.locale;
  return runConfirmedPortalUserChange(
    dependencies,
    { ...options, action: AuditAction.USER_PASSWORD_RESET },
    async (transaction, audit, before, now) => {
      await cancelPendingCredentialEmails(transaction, {
        userId: before.id,
        reason: "superseded by a newer reset",
      });
      const row = await transaction.portalUser.update({
        where: { id: before.id },
        data: {
          passwordHash: null,
          passwordIsTemporary: true,
          passwordExpiresAt: null,
          // A reset voids the earlier invitation link at once, before the new email goes.
          invitationTokenHash: null,
          invitationExpiresAt: null,
          failedPasswordAttempts: 0,
          lockedUntil: null,
          credentialEmailFailedAt: null,
          credentialEmailFailure: null,
        },
        select: portalUserDetailsSelect,
      });
      const user = toPortalUserDetails(row, now);
      await audit({
        action: AuditAction.USER_PASSWORD_RESET,
        target: portalUserAuditTarget(user),
        changes: { password: "reset", emailedTo: user.email },
      });
      await enqueueOutboxMessage(transaction, OutboxKind.CREDENTIALS_EMAIL, {
        reason: "password_reset",
        userId: user.id,
        locale,
        ...(context.actor.kind === "slack" ? { requestedBy: context.actor.slackUserId } : {}),
      });
      await directMessageOwner(transaction, user, "credentials_changed", locale);
      return user;
    },
  );
}
