// Who holds which role now (revoked assignments are left out), for the roles screen.
import type { TRequestContext } from "../../domain/actor.ts";
import { Permission, type TRole } from "../../domain/roles.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { roleHolderSelect, type TRoleHolder, toRoleHolder } from "./role-holder.ts";

/** The active holders of each role, oldest grant first. */
export async function listRoleHolders(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext },
): Promise<Record<TRole, TRoleHolder[]>> {
  await requirePermission(dependencies, options.context, Permission.USERS_READ, { action: "role.list" });
  const rows = await dependencies.database.prisma.roleAssignment.findMany({
    where: { revokedAt: null },
    orderBy: [{ grantedAt: "asc" }, { slackUserId: "asc" }],
    select: roleHolderSelect,
  });
  const holders: Record<TRole, TRoleHolder[]> = { ADMIN: [], SUPPORT: [] };
  for (const row of rows) holders[row.role].push(toRoleHolder(row));
  return holders;
}
