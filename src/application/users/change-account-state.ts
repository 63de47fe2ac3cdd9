// The shared shape of disable / enable / lock / unlock: an admin flips one state of an account,
// audited with its before and after. Each verb has its own file that says what it flips.
import type { TRequestContext } from "../../domain/actor.ts";
import type { TAuditAction } from "../../domain/audit-actions.ts";
import { Permission } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import type { Prisma, TTransaction } from "../ports/database.ts";
import { findPortalUser, portalUserTarget, type TPortalUserReference } from "./find-portal-user.ts";
import {
  portalUserAuditTarget,
  portalUserDetailsSelect,
  type TPortalUserDetails,
  toPortalUserDetails,
} from "./portal-user-details.ts";

export async function changeAccountState(
  dependencies: TUseCaseDependencies,
  options: {
    context: TRequestContext;
    user: TPortalUserReference;
    action: TAuditAction;
    data: (now: Date) => Prisma.PortalUserUpdateInput;
    describe: (user: TPortalUserDetails) => Record<string, unknown>;
    afterChange?: (transaction: TTransaction, user: TPortalUserDetails, now: Date) => Promise<void>;
    /**
     * Changes the account only while it still matches (checked by the update itself, so two
     * concurrent callers change it once); otherwise nothing is written or audited and the account
     * is returned as it is. afterChange runs only when it changed.
     */
    onlyIf?: Prisma.PortalUserWhereInput;
  },
): Promise<TPortalUserDetails> {
  const authority = await requirePermission(dependencies, options.context, Permission.USERS_WRITE, {
    action: options.action,
    target: portalUserTarget(options.user),
  });
  return runAuditedChange(dependencies, options.context, authority, async (transaction, audit, now) => {
    const before = await findPortalUser(transaction, options.user, now);
    if (options.onlyIf !== undefined) {
      const changed = await transaction.portalUser.updateMany({
        where: { ...options.onlyIf, id: before.id },
        data: options.data(now) as Prisma.PortalUserUpdateManyMutationInput,
      });
      if (changed.count === 0) return before;
    }
    const row =
      options.onlyIf === undefined
        ? await transaction.portalUser.update({
            where: { id: before.id },
            data: options.data(now),
            select: portalUserDetailsSelect,
          })
        : await transaction.portalUser.findUniqueOrThrow({
            where: { id: before.id },
            select: portalUserDetailsSelect,
          });
    const after = toPortalUserDetails(row, now);
    await audit({
      action: options.action,
      target: portalUserAuditTarget(after),
      changes: { before: options.describe(before), after: options.describe(after) },
    });
    await options.afterChange?.(transaction, after, now);
    return after;
  });
}
