// An admin revokes a Slack user's role. The row is kept, marked revoked, so that a restart does not
// re-grant it from the environment. The last active admin cannot be removed, even when two admins
// revoke each other at the same moment: the active admin rows are locked before they are counted,
// so the second revoke waits for the first and then counts what it left.
import { actorIdOf, type TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode, ValidationError } from "../../domain/errors.ts";
import { slackUserIdProblem } from "../../domain/portal-user-rules.ts";
import { Permission, Role, type TRole } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { forgetRoles, requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import type { TTransaction } from "../ports/database.ts";
import { activeRolesOf, normalizeSlackUserId } from "./role-holder.ts";

/** Locks the active ADMIN rows until the transaction ends and returns whose they are. */
async function lockActiveAdmins(transaction: TTransaction): Promise<string[]> {
  const rows = await transaction.$queryRaw<{ slack_user_id: string }[]>`
    SELECT slack_user_id FROM role_assignments
    WHERE role = 'ADMIN' AND revoked_at IS NULL
    ORDER BY slack_user_id
    FOR UPDATE`;
  return rows.map((row) => row.slack_user_id);
}

export async function revokeRole(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; slackUserId: string; role: TRole },
): Promise<void> {
  const { context, role } = options;
  const slackUserId = normalizeSlackUserId(options.slackUserId);
  const target = { type: "slack_user", id: slackUserId, label: slackUserId };
  const authority = await requirePermission(dependencies, context, Permission.ROLES_WRITE, {
    action: AuditAction.ROLE_REVOKED,
    target,
  });
  const problem = slackUserIdProblem(slackUserId);
  if (problem !== undefined) throw new ValidationError([problem]);
  await runAuditedChange(dependencies, context, authority, async (transaction, audit, now) => {
    if (role === Role.ADMIN) {
      const activeAdmins = await lockActiveAdmins(transaction);
      if (activeAdmins.includes(slackUserId) && activeAdmins.length <= 1) {
        throw new DomainError(ErrorCode.LAST_ADMIN, { parameters: { slackUserId } });
      }
    }
    const rolesBefore = await activeRolesOf(transaction, slackUserId);
    const revoked = await transaction.roleAssignment.updateMany({
      where: { slackUserId, role, revokedAt: null },
      data: { revokedAt: now, revokedBy: actorIdOf(context.actor) },
    });
    if (revoked.count === 0) {
      throw new DomainError(ErrorCode.ROLE_NOT_GRANTED, { parameters: { slackUserId, role } });
    }
    await audit({
      action: AuditAction.ROLE_REVOKED,
      target,
      changes: { roles: { before: rolesBefore, after: rolesBefore.filter((held) => held !== role) } },
    });
  });
  // The actor may have taken away a role of their own: the rest of the request asks again.
  forgetRoles(context);
}
