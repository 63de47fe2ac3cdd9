// An admin lifts a lock before it ends, and the count of failures starts again from zero.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { changeAccountState } from "./change-account-state.ts";
import type { TPortalUserReference } from "./find-portal-user.ts";
import type { TPortalUserDetails } from "./portal-user-details.ts";

export function unlockPortalUser(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; user: TPortalUserReference },
): Promise<TPortalUserDetails> {
  return changeAccountState(dependencies, {
    ...options,
    action: AuditAction.USER_UNLOCKED,
    data: () => ({ lockedUntil: null, failedPasswordAttempts: 0 }),
    describe: (user) => ({ locked: user.locked }),
  });
}
