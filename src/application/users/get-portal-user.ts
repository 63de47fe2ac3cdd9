// One portal account as admins and support agents see it, by username or by id. Shown before a
// change (the Sí / No question of Eliminar or Restablecer), only to those who may make that change:
// a support agent is refused at the question, and the refusal is audited as an attempt at the change.
import type { TRequestContext } from "../../domain/actor.ts";
import type { TAuditAction } from "../../domain/audit-actions.ts";
import { Permission } from "../../domain/roles.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { findPortalUser, portalUserTarget, type TPortalUserReference } from "./find-portal-user.ts";
import type { TPortalUserDetails } from "./portal-user-details.ts";

export async function getPortalUser(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; user: TPortalUserReference; beforeChange?: TAuditAction },
): Promise<TPortalUserDetails> {
  const permission = options.beforeChange === undefined ? Permission.USERS_READ : Permission.USERS_WRITE;
  await requirePermission(dependencies, options.context, permission, {
    action: options.beforeChange ?? "user.view",
    target: portalUserTarget(options.user),
  });
  return findPortalUser(dependencies.database.prisma, options.user, dependencies.clock());
}
