// A disabled account cannot log in to the portal nor change its password, and keeps everything else.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { changeAccountState } from "./change-account-state.ts";
import type { TPortalUserReference } from "./find-portal-user.ts";
import type { TPortalUserDetails } from "./portal-user-details.ts";

export function disablePortalUser(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; user: TPortalUserReference },
): Promise<TPortalUserDetails> {
  return changeAccountState(dependencies, {
    ...options,
    action: AuditAction.USER_DISABLED,
    data: (now) => ({ disabledAt: now }),
    describe: (user) => ({ disabled: user.disabled }),
  });
}
