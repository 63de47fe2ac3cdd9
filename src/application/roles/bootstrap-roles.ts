// At start, the bot grants the roles named in the environment (ADMIN_SLACK_USER_IDS,
// SUPPORT_SLACK_USER_IDS) — but only to ids that never held that role: a row, active or revoked,
// means an admin already decided in Slack, and a restart must not undo a revoke. Running it again,
// or on several replicas at once, grants nothing twice.
import { randomUUID } from "node:crypto";
import { actorIdOf, type TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { type TFieldError, ValidationError } from "../../domain/errors.ts";
import { slackUserIdProblem } from "../../domain/portal-user-rules.ts";
import { Permission, Role, type TRole } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { activeRolesOf, normalizeSlackUserId, type TRoleHolder } from "./role-holder.ts";

export const BOOTSTRAP_ACTOR_NAME = "bootstrap";

const SOURCE_BY_ROLE: Readonly<Record<TRole, string>> = {
  ADMIN: "ADMIN_SLACK_USER_IDS",
  SUPPORT: "SUPPORT_SLACK_USER_IDS",
};

/** Returns the grants it made (none when every id already has, or had, its role). */
export async function bootstrapRoles(
  dependencies: TUseCaseDependencies,
  options: {
    adminSlackUserIds: readonly string[];
    supportSlackUserIds: readonly string[];
    requestId?: string;
  },
): Promise<TRoleHolder[]> {
  // Always the bot itself: no Slack user can ask for a bootstrap.
  const context: TRequestContext = {
    actor: { kind: "system", name: BOOTSTRAP_ACTOR_NAME },
    requestId: options.requestId ?? randomUUID(),
  };
  const authority = await requirePermission(dependencies, context, Permission.ROLES_WRITE, {
    action: AuditAction.ROLE_GRANTED,
  });
  const wanted = [
    ...[...new Set(options.adminSlackUserIds.map(normalizeSlackUserId))].map(
      (id) => [id, Role.ADMIN] as const,
    ),
    ...[...new Set(options.supportSlackUserIds.map(normalizeSlackUserId))].map(
      (id) => [id, Role.SUPPORT] as const,
    ),
  ];
  const problems: TFieldError[] = wanted.flatMap(([slackUserId, role]) => {
    const problem = slackUserIdProblem(slackUserId);
    return problem === undefined
      ? []
      : [{ ...problem, field: SOURCE_BY_ROLE[role], parameters: { slackUserId } }];
  });
  if (problems.length > 0) throw new ValidationError(problems);
  if (wanted.length === 0) return [];
  const grantedBy = actorIdOf(context.actor);
  return runAuditedChange(dependencies, context, authority, async (transaction, audit, now) => {
    const granted: TRoleHolder[] = [];
    for (const [slackUserId, role] of wanted) {
      const rolesBefore = await activeRolesOf(transaction, slackUserId);
      // Inserts only when no row, active or revoked, exists; a concurrent replica's insert wins quietly.
      const created = await transaction.roleAssignment.createMany({
        data: [{ slackUserId, role, grantedAt: now, grantedBy }],
        skipDuplicates: true,
      });
      if (created.count === 0) continue;
      await audit({
        action: AuditAction.ROLE_GRANTED,
        target: { type: "slack_user", id: slackUserId, label: slackUserId },
        changes: { roles: { before: rolesBefore, after: await activeRolesOf(transaction, slackUserId) } },
        reason: `granted at start from ${SOURCE_BY_ROLE[role]}`,
      });
      granted.push({ slackUserId, role, grantedAt: now, grantedBy });
    }
    return granted;
  });
}
