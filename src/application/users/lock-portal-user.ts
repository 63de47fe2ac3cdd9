// An admin locks an account for the lockout period at once (e.g. a suspected leak), as five
// failures would; the user is told by email.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { LOCKOUT_DURATION_MS } from "../../domain/lockout.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { changeAccountState } from "./change-account-state.ts";
import type { TPortalUserReference } from "./find-portal-user.ts";
import { enqueueLockNotices } from "./lock-notices.ts";
import type { TPortalUserDetails } from "./portal-user-details.ts";

export function lockPortalUser(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; user: TPortalUserReference },
): Promise<TPortalUserDetails> {
  return changeAccountState(dependencies, {
    ...options,
    action: AuditAction.USER_LOCKED,
    data: (now) => ({ lockedUntil: new Date(now.getTime() + LOCKOUT_DURATION_MS) }),
    describe: (user) => ({ locked: user.locked, lockedUntil: user.lockedUntil?.toISOString() ?? null }),
    afterChange: (transaction, user, now) =>
      enqueueLockNotices(transaction, user, dependencies.settings.locale, now),
  });
}
