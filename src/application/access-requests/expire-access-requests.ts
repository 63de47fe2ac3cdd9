// The periodic job (housekeeping): requests past ACCESS_REQUEST_TTL_DAYS still open are marked
// expired — each with the same conditional claim a decision takes, so an admin deciding at that very
// moment and several replicas running the job decide it once — audited access_request.expired (actor
// the bot), their messages updated, the requester told.
import { randomUUID } from "node:crypto";
import type { TRequestContext } from "../../domain/actor.ts";
import { actorIdOf } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { isDomainError } from "../../domain/errors.ts";
import { runAuditedChange } from "../audited-change.ts";
import { authorityOf } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { accessRequestAuditTarget } from "./access-request-details.ts";
import { announceDecision, claimDecision } from "./decide-access-request.ts";

export const ACCESS_REQUEST_EXPIRY_ACTOR_NAME = "access-request-expiry";

/** Marks every due request expired (at most `limit` a run); how many it expired. */
export async function expireAccessRequests(
  dependencies: TUseCaseDependencies,
  options: { limit?: number } = {},
): Promise<number> {
  const prisma = dependencies.database.prisma;
  const due = await prisma.accessRequest.findMany({
    where: { status: "OPEN", expiresAt: { lte: dependencies.clock() } },
    orderBy: { expiresAt: "asc" },
    take: options.limit ?? 100,
    select: { id: true, fullName: true, slackUserId: true, expiresAt: true },
  });
  let expired = 0;
  for (const request of due) {
    const context: TRequestContext = {
      actor: { kind: "system", name: ACCESS_REQUEST_EXPIRY_ACTOR_NAME },
      requestId: randomUUID(),
    };
    try {
      await runAuditedChange(
        dependencies,
        context,
        await authorityOf(prisma, context),
        async (transaction, audit, now) => {
          await claimDecision(transaction, {
            accessRequestId: request.id,
            decision: "EXPIRED",
            decidedBy: actorIdOf(context.actor),
            now,
          });
          await audit({
            action: AuditAction.ACCESS_REQUEST_EXPIRED,
            target: accessRequestAuditTarget(request),
            changes: { slackUserId: request.slackUserId, expiresAt: request.expiresAt.toISOString() },
          });
          await announceDecision(transaction, request.id, dependencies.settings.locale);
        },
      );
      expired += 1;
    } catch (error) {
      // Decided in the meantime (an admin, another replica): nothing left to expire.
      if (!isDomainError(error)) throw error;
    }
  }
  return expired;
}
