// Every use case asks here first, from who the actor is (never from what a payload claims). A
// refusal is audited in a transaction of its own — the refused change never opens one — and thrown.
import type { TRequestContext } from "../domain/actor.ts";
import { AuditAction } from "../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../domain/errors.ts";
import { auditRoleOf, isRole, rolesAllow, type TPermission, type TRole } from "../domain/roles.ts";
import { recordAuditEvent, type TAuditTarget } from "./audit/record-audit-event.ts";
import type { TUseCaseDependencies } from "./dependencies.ts";
import type { TDatabaseClient, TTransaction } from "./ports/database.ts";

export interface TAuthority {
  readonly roles: readonly TRole[];
  /** The role written in audit rows. */
  readonly auditRole: string;
}

export async function rolesOf(
  client: TDatabaseClient | TTransaction,
  context: TRequestContext,
): Promise<TRole[]> {
  if (context.actor.kind !== "slack") return [];
  const rows = await client.roleAssignment.findMany({
    where: { slackUserId: context.actor.slackUserId, revokedAt: null },
    select: { role: true },
  });
  return rows.map((row) => row.role).filter(isRole);
}

// One read of the actor's roles per request: a list, its buttons and the use cases behind them all
// ask, and they all get the answer of the first. A change of roles forgets it (forgetRoles).
const rolesByRequest = new WeakMap<TRequestContext, Promise<TRole[]>>();

/** The actor's roles for this request, read once. */
export function requestRoles(dependencies: TUseCaseDependencies, context: TRequestContext): Promise<TRole[]> {
  const known = rolesByRequest.get(context);
  if (known !== undefined) return known;
  const reading = rolesOf(dependencies.database.prisma, context);
  rolesByRequest.set(context, reading);
  reading.catch(() => rolesByRequest.delete(context));
  return reading;
}

/** After a grant or a revoke: the request's next question reads the roles again. */
export function forgetRoles(context: TRequestContext): void {
  rolesByRequest.delete(context);
}

function authorityFrom(context: TRequestContext, roles: readonly TRole[]): TAuthority {
  const fallback =
    context.actor.kind === "portal" ? "PORTAL" : context.actor.kind === "system" ? "SYSTEM" : "NONE";
  return { roles, auditRole: auditRoleOf(roles, fallback) };
}

export async function authorityOf(
  client: TDatabaseClient | TTransaction,
  context: TRequestContext,
): Promise<TAuthority> {
  return authorityFrom(context, await rolesOf(client, context));
}

/** A target worked out only when the attempt is refused (e.g. an account's username from its id). */
export type TLazyAuditTarget = (client: TDatabaseClient) => Promise<TAuditTarget>;

export interface TAttempt {
  /** What was attempted, as an audit action code. */
  readonly action: string;
  readonly target?: TAuditTarget | TLazyAuditTarget;
}

/**
 * Returns the actor's authority when it holds the permission (or, given several, any one of them);
 * else audits the refusal and throws ACCESS_DENIED.
 */
export async function requirePermission(
  dependencies: TUseCaseDependencies,
  context: TRequestContext,
  permission: TPermission | readonly TPermission[],
  attempt: TAttempt,
): Promise<TAuthority> {
  const authority = authorityFrom(context, await requestRoles(dependencies, context));
  const permissions: readonly TPermission[] = typeof permission === "string" ? [permission] : permission;
  const allowed =
    context.actor.kind === "system" ||
    permissions.some((candidate) => rolesAllow(authority.roles, candidate));
  if (allowed) return authority;
  const described = permissions.join(" | ");
  await recordAccessDenied(dependencies, context, authority, attempt, `missing permission ${described}`);
  throw new DomainError(ErrorCode.ACCESS_DENIED, { parameters: { permission: described } });
}

// The requests already refused: one request is one attempt, audited once, however many of its
// steps are refused after the first (showing the list after a refused button, for instance).
const refusedRequests = new WeakSet<TRequestContext>();

export async function recordAccessDenied(
  dependencies: TUseCaseDependencies,
  context: TRequestContext,
  authority: TAuthority,
  attempt: TAttempt,
  reason: string,
): Promise<void> {
  if (refusedRequests.has(context)) return;
  refusedRequests.add(context);
  const prisma = dependencies.database.prisma;
  const target = typeof attempt.target === "function" ? await attempt.target(prisma) : attempt.target;
  await prisma.$transaction((transaction) =>
    recordAuditEvent(
      transaction,
      {
        actor: context.actor,
        actorRole: authority.auditRole,
        requestId: context.requestId,
        action: AuditAction.ACCESS_DENIED,
        ...(target === undefined ? {} : { target }),
        changes: { attempted: attempt.action },
        result: "denied",
        reason,
      },
      { occurredAt: dependencies.clock(), auditChannelId: dependencies.settings.auditChannelId },
    ),
  );
  dependencies.logger.warn(
    { requestId: context.requestId, actor: context.actor, attempted: attempt.action },
    "access denied",
  );
}

/** Whether the actor holds a permission — to choose what to show; every action is still authorised when it arrives. */
export async function actorHolds(
  dependencies: TUseCaseDependencies,
  context: TRequestContext,
  permission: TPermission,
): Promise<boolean> {
  if (context.actor.kind === "system") return true;
  return rolesAllow(await requestRoles(dependencies, context), permission);
}
