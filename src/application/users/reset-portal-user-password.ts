// An admin's "Restablecer contraseña" (after Sí): the current password stops working at once and a
// new temporary one is emailed. Pending credential emails for the account are superseded.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { Permission } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import { useConfirmation } from "../confirmations.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import { directMessageOwner } from "./direct-message-owner.ts";
import { findPortalUser, portalUserTarget, type TPortalUserReference } from "./find-portal-user.ts";
import {
  portalUserDetailsSelect,
  type TPortalUserDetails,
  toPortalUserDetails,
} from "./portal-user-details.ts";

export async function resetPortalUserPassword(
  dependencies: TUseCaseDependencies,
  options: {
    context: TRequestContext;
    user: TPortalUserReference;
    /** The Sí button's id: a question resets once, however often Sí is pressed. */
    confirmationId?: string;
  },
): Promise<TPortalUserDetails> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.USERS_WRITE, {
    action: AuditAction.USER_PASSWORD_RESET,
    target: portalUserTarget(options.user),
  });
  const locale = dependencies.settings.locale;
  return runAuditedChange(dependencies, context, authority, async (transaction, audit, now) => {
    if (options.confirmationId !== undefined) {
      await useConfirmation(transaction, {
        confirmationId: options.confirmationId,
        action: AuditAction.USER_PASSWORD_RESET,
        now,
      });
    }
    const before = await findPortalUser(transaction, options.user, now);
    await transaction.outboxMessage.updateMany({
      where: {
        status: "PENDING",
        kind: OutboxKind.CREDENTIALS_EMAIL,
        payload: { path: ["userId"], equals: before.id },
      },
      data: { status: "CANCELLED", lastError: "superseded by a newer reset", sealedSecret: null },
    });
    const row = await transaction.portalUser.update({
      where: { id: before.id },
      data: {
        passwordHash: null,
        passwordIsTemporary: true,
        passwordExpiresAt: null,
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
      target: { type: "portal_user", id: user.id, label: user.username },
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
  });
}
