// An admin deletes an account (after Sí). The audit row keeps a snapshot of what was deleted. A
// second Sí finds nothing to delete and says so: the account is deleted once.
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import {
  cancelPendingCredentialEmails,
  runConfirmedPortalUserChange,
  type TConfirmedPortalUserChangeOptions,
} from "./confirmed-portal-user-change.ts";
import { auditSnapshotOf, portalUserAuditTarget, type TPortalUserDetails } from "./portal-user-details.ts";

export async function deletePortalUser(
  dependencies: TUseCaseDependencies,
  options: TConfirmedPortalUserChangeOptions,
): Promise<TPortalUserDetails> {
  return runConfirmedPortalUserChange(
    dependencies,
    { ...options, action: AuditAction.USER_DELETED },
    async (transaction, audit, user) => {
      // deleteMany, not delete: a second Sí racing the first finds nothing and is told so, audit-free.
      const deleted = await transaction.portalUser.deleteMany({ where: { id: user.id } });
      if (deleted.count === 0) {
        throw new DomainError(ErrorCode.USER_NOT_FOUND, { parameters: { account: user.username } });
      }
      // Credential emails not yet sent would make a password for an account that no longer exists.
      await cancelPendingCredentialEmails(transaction, { userId: user.id, reason: "account deleted" });
      await audit({
        action: AuditAction.USER_DELETED,
        target: portalUserAuditTarget(user),
        changes: { before: auditSnapshotOf(user) },
      });
      return user;
    },
  );
}
