// The shared shape of delete and reset: an admin's Sí on one account. Authorised, then made in one
// audited transaction that first uses the question's id up, so that Sí pressed twice acts once.
import type { TRequestContext } from "../../domain/actor.ts";
import type { TAuditAction } from "../../domain/audit-actions.ts";
import { Permission } from "../../domain/roles.ts";
import { runAuditedChange, type TAuditWriter } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import { useConfirmation } from "../confirmations.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { OutboxKind } from "../outbox/outbox-messages.ts";
import type { TTransaction } from "../ports/database.ts";
import { findPortalUser, portalUserTarget, type TPortalUserReference } from "./find-portal-user.ts";
import type { TPortalUserDetails } from "./portal-user-details.ts";

export interface TConfirmedPortalUserChangeOptions {
  readonly context: TRequestContext;
  readonly user: TPortalUserReference;
  /** The Sí button's id: a question acts once, however often Sí is pressed. */
  readonly confirmationId?: string;
}

export async function runConfirmedPortalUserChange<T>(
  dependencies: TUseCaseDependencies,
  options: TConfirmedPortalUserChangeOptions & { readonly action: TAuditAction },
  work: (transaction: TTransaction, audit: TAuditWriter, user: TPortalUserDetails, now: Date) => Promise<T>,
): Promise<T> {
  const { context, action } = options;
  const authority = await requirePermission(dependencies, context, Permission.USERS_WRITE, {
    action,
    target: portalUserTarget(options.user),
  });
  return runAuditedChange(dependencies, context, authority, async (transaction, audit, now) => {
    if (options.confirmationId !== undefined) {
      await useConfirmation(transaction, { confirmationId: options.confirmationId, action, now });
    }
    const user = await findPortalUser(transaction, options.user, now);
    return work(transaction, audit, user, now);
  });
}

/** Credential emails of the account not yet sent will not be: `reason` is kept on each. */
export async function cancelPendingCredentialEmails(
  transaction: TTransaction,
  options: { userId: string; reason: string },
): Promise<void> {
  await transaction.outboxMessage.updateMany({
    where: {
      status: "PENDING",
      kind: OutboxKind.CREDENTIALS_EMAIL,
      payload: { path: ["userId"], equals: options.userId },
    },
    data: { status: "CANCELLED", lastError: options.reason, sealedSecret: null },
  });
}
