// An admin grants a Slack user a role. A role revoked earlier is re-activated (its row is kept so
// that a restart does not re-grant from the environment what an admin revoked).
import { actorIdOf, type TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode, ValidationError } from "../../domain/errors.ts";
import { slackUserIdProblem } from "../../domain/portal-user-rules.ts";
import { Permission, type TRole } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { forgetRoles, requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import {
  activeRolesOf,
  normalizeSlackUserId,
  roleHolderSelect,
  type TRoleHolder,
  toRoleHolder,
} from "./role-holder.ts";

export async function grantRole(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; slackUserId: string; role: TRole },
): Promise<TRoleHolder> {
  const { context, role } = options;
  const slackUserId = normalizeSlackUserId(options.slackUserId);
  const target = { type: "slack_user", id: slackUserId, label: slackUserId };
  const authority = await requirePermission(dependencies, context, Permission.ROLES_WRITE, {
    action: AuditAction.ROLE_GRANTED,
    target,
  });
  const problem = slackUserIdProblem(slackUserId);
  if (problem !== undefined) throw new ValidationError([problem]);
  const changed = await runAuditedChange(
    dependencies,
    context,
    authority,
    async (transaction, audit, now) => {
      const rolesBefore = await activeRolesOf(transaction, slackUserId);
      const granted = {
        grantedAt: now,
        grantedBy: actorIdOf(context.actor),
        revokedAt: null,
        revokedBy: null,
      };
      // Each statement changes the row only when it is not active, so of two concurrent grants one wins.
      const reactivated = await transaction.roleAssignment.updateMany({
        where: { slackUserId, role, revokedAt: { not: null } },
        data: granted,
      });
      if (reactivated.count === 0) {
        const created = await transaction.roleAssignment.createMany({
          data: [{ slackUserId, role, ...granted }],
          skipDuplicates: true,
        });
        if (created.count === 0) {
          throw new DomainError(ErrorCode.ROLE_ALREADY_GRANTED, { parameters: { slackUserId, role } });
        }
      }
      const row = await transaction.roleAssignment.findUniqueOrThrow({
        where: { slackUserId_role: { slackUserId, role } },
        select: roleHolderSelect,
      });
      await audit({
        action: AuditAction.ROLE_GRANTED,
        target,
        changes: { roles: { before: rolesBefore, after: await activeRolesOf(transaction, slackUserId) } },
      });
      return toRoleHolder(row);
    },
  );
  // The actor may have given or taken a role of their own: the rest of the request asks again.
  forgetRoles(context);
  return changed;
}
