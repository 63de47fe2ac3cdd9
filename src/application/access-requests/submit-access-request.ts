// Solicitar acceso: a Slack person with no portal account asks for one. Refused kindly when they
// hold an account already, or an open request (the unique open marker decides a race between two
// submissions). Stored with its audit event and, in the same transaction, one post for approval:
// to ACCESS_REQUESTS_CHANNEL_ID when set, else to each admin's DM.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { runAuditedChange } from "../audited-change.ts";
import { authorityOf } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import type { TCompanyWithPlaces } from "../places/list-companies-with-places.ts";
import type { TDatabaseClient } from "../ports/database.ts";
import {
  accessRequestAuditTarget,
  accessRequestSelect,
  type TAccessRequestDetails,
  toAccessRequestDetails,
} from "./access-request-details.ts";
import { requireValidAccessRequest, type TAccessRequestFields } from "./access-request-fields.ts";
import { listRequestablePlaces } from "./requestable-places.ts";

export const DEFAULT_ACCESS_REQUEST_TTL_DAYS = 14;

const DAY_MS = 24 * 60 * 60_000;

/** Throws ACCESS_REQUEST_HAS_ACCOUNT or ACCESS_REQUEST_ALREADY_OPEN when the person may not ask now. */
export async function requireMayRequestAccess(client: TDatabaseClient, slackUserId: string): Promise<void> {
  const account = await client.portalUser.findUnique({ where: { slackUserId }, select: { id: true } });
  if (account !== null) throw new DomainError(ErrorCode.ACCESS_REQUEST_HAS_ACCOUNT);
  const open = await client.accessRequest.findUnique({
    where: { openForSlackUserId: slackUserId },
    select: { createdAt: true },
  });
  if (open !== null)
    throw new DomainError(ErrorCode.ACCESS_REQUEST_ALREADY_OPEN, {
      parameters: { createdAt: open.createdAt.toISOString() },
    });
}

export async function submitAccessRequest(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; fields: TAccessRequestFields },
): Promise<TAccessRequestDetails> {
  const { context } = options;
  const { actor } = context;
  if (actor.kind !== "slack") throw new DomainError(ErrorCode.ACCESS_DENIED);
  const prisma = dependencies.database.prisma;
  await requireMayRequestAccess(prisma, actor.slackUserId);
  const authority = await authorityOf(prisma, context);
  const ttlDays = dependencies.settings.accessRequestTtlDays ?? DEFAULT_ACCESS_REQUEST_TTL_DAYS;
  const channelId = dependencies.settings.accessRequestsChannelId;
  return runAuditedChange(
    dependencies,
    context,
    authority,
    async (transaction, audit, now) => {
      const fields = await requireValidAccessRequest(transaction, options.fields);
      const row = await transaction.accessRequest.create({
        data: {
          slackUserId: actor.slackUserId,
          slackTeamId: actor.teamId ?? null,
          openForSlackUserId: actor.slackUserId,
          fullName: fields.fullName,
          email: fields.email,
          placeIds: [...fields.placeIds],
          reason: fields.reason,
          expiresAt: new Date(now.getTime() + ttlDays * DAY_MS),
        },
        select: accessRequestSelect,
      });
      const [request] = await toAccessRequestDetails(transaction, [row]);
      if (request === undefined) throw new Error("the access request just stored was not read back");
      await audit({
        action: AuditAction.ACCESS_REQUEST_CREATED,
        target: accessRequestAuditTarget(request),
        changes: {
          after: {
            fullName: request.fullName,
            email: request.email,
            places: fields.placeIds.length,
            reason: true,
          },
        },
      });
      const destinations =
        channelId !== undefined
          ? [channelId]
          : (
              await transaction.roleAssignment.findMany({
                where: { role: "ADMIN", revokedAt: null },
                orderBy: { slackUserId: "asc" },
                select: { slackUserId: true },
              })
            ).map((admin) => admin.slackUserId);
      if (destinations.length === 0)
        dependencies.logger.warn(
          { requestId: context.requestId },
          "an access request has nobody to be posted to (no ACCESS_REQUESTS_CHANNEL_ID, no admin); /usuarios solicitudes lists it",
        );
      for (const destination of destinations)
        await enqueueOutboxMessage(transaction, OutboxKind.ACCESS_REQUEST_POST, {
          accessRequestId: request.id,
          destination,
        });
      return request;
    },
    // Two submissions at once: the unique open marker let one through; the other is told it is open.
    { recheckAfterUniqueViolation: () => requireMayRequestAccess(prisma, actor.slackUserId) },
  );
}

/**
 * What the Solicitar acceso button opens: the places to choose from, when the caller may ask now;
 * else ACCESS_REQUEST_HAS_ACCOUNT or ACCESS_REQUEST_ALREADY_OPEN (the reason shown instead of the form).
 */
export async function prepareAccessRequest(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext },
): Promise<TCompanyWithPlaces[]> {
  const { actor } = options.context;
  if (actor.kind !== "slack") throw new DomainError(ErrorCode.ACCESS_DENIED);
  await requireMayRequestAccess(dependencies.database.prisma, actor.slackUserId);
  return listRequestablePlaces(dependencies);
}

/** The caller's open request, if any: the Solicitar acceso button opens the form only without one. */
export async function findOwnOpenAccessRequest(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext },
): Promise<{ readonly createdAt: Date } | undefined> {
  if (options.context.actor.kind !== "slack") return undefined;
  const open = await dependencies.database.prisma.accessRequest.findUnique({
    where: { openForSlackUserId: options.context.actor.slackUserId },
    select: { createdAt: true },
  });
  return open ?? undefined;
}
