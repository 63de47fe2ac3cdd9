// An admin deletes an account (after Sí). The audit row keeps a snapshot of what was deleted. A
// second Sí finds nothing to delete and says so: the account is deleted once.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { Permission } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import { useConfirmation } from "../confirmations.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { OutboxKind } from "../outbox/outbox-messages.ts";
import { findPortalUser, portalUserTarget, type TPortalUserReference } from "./find-portal-user.ts";
import { auditSnapshotOf, type TPortalUserDetails } from "./portal-user-details.ts";

export async function deletePortalUser(
  dependencies: TUseCaseDependencies,
  options: {
    context: TRequestContext;
    user: TPortalUserReference;
    /** The Sí button's id: a question deletes once, however often Sí is pressed. */
    confirmationId?: string;
  },
): Promise<TPortalUserDetails> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.USERS_WRITE, {
    action: AuditAction.USER_DELETED,
    target: portalUserTarget(options.user),
  });
  return runAuditedChange(dependencies, context, authority, async (transaction, audit, now) => {
    if (options.confirmationId !== undefined) {
      await useConfirmation(transaction, {
        confirmationId: options.confirmationId,
        action: AuditAction.USER_DELETED,
        now,
      });
    }
    const user = await findPortalUser(transaction, options.user, now);
    // deleteMany, not delete: a second Sí racing the first finds nothing and is told so, audit-free.
    const deleted = await transaction.portalUser.deleteMany({ where: { id: user.id } });
    if (deleted.count === 0) {
      throw new DomainError(ErrorCode.USER_NOT_FOUND, { parameters: { account: user.username } });
    }
    // Credential emails not yet sent would make a password for an account that no longer exists.
    await transaction.outboxMessage.updateMany({
      where: {
        status: "PENDING",
        kind: OutboxKind.CREDENTIALS_EMAIL,
        payload: { path: ["userId"], equals: user.id },
      },
      data: { status: "CANCELLED", lastError: "account deleted", sealedSecret: null },
    });
    await audit({
      action: AuditAction.USER_DELETED,
      target: { type: "portal_user", id: user.id, label: user.username },
      changes: { before: auditSnapshotOf(user) },
    });
    return user;
  });
}
