// One portal account as admins and support agents see it, by username or by id.
import type { TRequestContext } from "../../domain/actor.ts";
import { Permission } from "../../domain/roles.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { findPortalUser, referenceLabel, type TPortalUserReference } from "./find-portal-user.ts";
import type { TPortalUserDetails } from "./portal-user-details.ts";

export async function getPortalUser(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; user: TPortalUserReference },
): Promise<TPortalUserDetails> {
  await requirePermission(dependencies, options.context, Permission.USERS_READ, {
    action: "user.view",
    target: { type: "portal_user", label: referenceLabel(options.user) },
  });
  return findPortalUser(dependencies.database.prisma, options.user, dependencies.clock());
}
