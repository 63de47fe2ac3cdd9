// The audit trail as /auditoria shows it: newest first, paged, optionally only the events about one
// account. The chain's hashes are for the verifier, not for people: they are left out.
import type { TRequestContext } from "../../domain/actor.ts";
import { ValidationError } from "../../domain/errors.ts";
import { normalizeUsername } from "../../domain/portal-user-rules.ts";
import { Permission } from "../../domain/roles.ts";
import { textProblem } from "../../domain/text-rules.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { pagePosition } from "../paging.ts";
import type { Prisma } from "../ports/database.ts";

export const auditEventListSelect = {
  id: true,
  occurredAt: true,
  actorType: true,
  actorId: true,
  actorTeamId: true,
  actorRole: true,
  action: true,
  targetType: true,
  targetId: true,
  targetLabel: true,
  changes: true,
  result: true,
  reason: true,
  requestId: true,
} as const satisfies Prisma.AuditEventSelect;

export type TAuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof auditEventListSelect }>;

export interface TAuditEventPage {
  readonly events: TAuditEventRow[];
  /** The page shown: the last one when the one asked for is past the end. */
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly pageCount: number;
}

export async function listAuditEvents(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; username?: string; page?: number; pageSize?: number },
): Promise<TAuditEventPage> {
  const username = options.username === undefined ? "" : normalizeUsername(options.username);
  const characters = textProblem("username", username);
  if (characters !== undefined) throw new ValidationError([characters]);
  await requirePermission(dependencies, options.context, Permission.AUDIT_READ, {
    action: "audit.list",
    ...(username === "" ? {} : { target: { type: "portal_user", label: username } }),
  });
  const prisma = dependencies.database.prisma;
  const where: Prisma.AuditEventWhereInput = username === "" ? {} : { targetLabel: username };
  const position = pagePosition(options, await prisma.auditEvent.count({ where }));
  const events = await prisma.auditEvent.findMany({
    where,
    // The id is the chain's order; occurredAt can tie within one request.
    orderBy: { id: "desc" },
    skip: position.skip,
    take: position.pageSize,
    select: auditEventListSelect,
  });
  return {
    events,
    page: position.page,
    pageSize: position.pageSize,
    total: position.total,
    pageCount: position.pageCount,
  };
}
