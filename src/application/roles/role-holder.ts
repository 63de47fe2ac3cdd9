// The read model of a role assignment, and the roles a Slack user holds now (for the before/after
// an audit row of a grant or revoke records).
import { ROLES, type TRole } from "../../domain/roles.ts";
import type { Prisma, TDatabaseClient, TTransaction } from "../ports/database.ts";

export const roleHolderSelect = {
  slackUserId: true,
  role: true,
  grantedAt: true,
  grantedBy: true,
} as const satisfies Prisma.RoleAssignmentSelect;

export interface TRoleHolder {
  readonly slackUserId: string;
  readonly role: TRole;
  readonly grantedAt: Date;
  /** A Slack user id, or `system:<name>` for a grant made at start. */
  readonly grantedBy: string;
}

export function toRoleHolder(
  row: Prisma.RoleAssignmentGetPayload<{ select: typeof roleHolderSelect }>,
): TRoleHolder {
  return { slackUserId: row.slackUserId, role: row.role, grantedAt: row.grantedAt, grantedBy: row.grantedBy };
}

/** The active roles of one Slack user, in the order of ROLES. */
export async function activeRolesOf(
  client: TDatabaseClient | TTransaction,
  slackUserId: string,
): Promise<TRole[]> {
  const rows = await client.roleAssignment.findMany({
    where: { slackUserId, revokedAt: null },
    select: { role: true },
  });
  const held = new Set<TRole>(rows.map((row) => row.role));
  return ROLES.filter((role) => held.has(role));
}

/** Slack user ids are upper case; a typed "u0abc" is the same user as "U0ABC". */
export function normalizeSlackUserId(raw: string): string {
  return raw.trim().toUpperCase();
}
