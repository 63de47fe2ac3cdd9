// Before an admin decides a request (Aprobar opens the create form, Rechazar the reason form): the
// caller's right to change users — refused and audited as an attempt at the decision, so a support
// agent's click or a stranger's forged one is told why and recorded — and the request, still open.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { Permission } from "../../domain/roles.ts";
import { requirePermission, type TAuthority, type TLazyAuditTarget } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { UUID_PATTERN } from "../users/portal-user-input.ts";
import { readAccessRequest, type TAccessRequestDetails } from "./access-request-details.ts";
import { requireDecidable } from "./decide-access-request.ts";

export type TDecisionKind = "approve" | "reject";

/** The request an attempt names, for its audit row: its id and the person's name, when it exists. */
function attemptTarget(accessRequestId: string): TLazyAuditTarget {
  return async (client) => {
    const request = UUID_PATTERN.test(accessRequestId)
      ? await client.accessRequest.findUnique({ where: { id: accessRequestId }, select: { fullName: true } })
      : null;
    return { type: "access_request", id: accessRequestId.slice(0, 64), label: request?.fullName };
  };
}

/** The caller may decide requests (admins): else the refusal is audited and thrown. */
export function requireMayDecide(
  dependencies: TUseCaseDependencies,
  context: TRequestContext,
  accessRequestId: string,
  kind: TDecisionKind,
): Promise<TAuthority> {
  return requirePermission(dependencies, context, Permission.USERS_WRITE, {
    action: kind === "approve" ? AuditAction.ACCESS_REQUEST_APPROVED : AuditAction.ACCESS_REQUEST_REJECTED,
    target: attemptTarget(accessRequestId),
  });
}

export async function prepareAccessRequestDecision(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; accessRequestId: string; kind: TDecisionKind },
): Promise<TAccessRequestDetails> {
  await requireMayDecide(dependencies, options.context, options.accessRequestId, options.kind);
  const prisma = dependencies.database.prisma;
  await requireDecidable(prisma, options.accessRequestId, dependencies.clock());
  const request = await readAccessRequest(prisma, options.accessRequestId);
  if (request === undefined) throw new DomainError(ErrorCode.ACCESS_REQUEST_NOT_FOUND);
  return request;
}
