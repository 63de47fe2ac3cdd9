// One decision per request: approving, rejecting and expiring all claim the request with one
// conditional update (`status = OPEN`, and not past its expiry unless expiring it), so that two
// admins clicking at once, or an admin and the expiry job, decide it once; the loser is told who
// decided and when. The decision then queues, in the same transaction, the update of every message
// the request was posted as and the DM telling the requester.

import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { SLACK_USER_ID_PATTERN } from "../../domain/portal-user-rules.ts";
import type { TLocale } from "../../i18n/locale.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import type { TDatabaseClient, TTransaction } from "../ports/database.ts";
import { UUID_PATTERN } from "../users/portal-user-input.ts";
import type { TAccessRequestDetails } from "./access-request-details.ts";

export type TAccessRequestDecision = "APPROVED" | "REJECTED" | "EXPIRED";

/** Why a request cannot be decided now: gone, decided (by whom, when), or past its expiry. */
export function undecidableError(
  request: Pick<TAccessRequestDetails, "status" | "decidedBy" | "decidedAt" | "expiresAt"> | undefined,
): DomainError {
  if (request === undefined) return new DomainError(ErrorCode.ACCESS_REQUEST_NOT_FOUND);
  if (request.status === "APPROVED" || request.status === "REJECTED") {
    const by = request.decidedBy ?? "";
    return new DomainError(
      request.status === "APPROVED"
        ? ErrorCode.ACCESS_REQUEST_ALREADY_APPROVED
        : ErrorCode.ACCESS_REQUEST_ALREADY_REJECTED,
      {
        parameters: {
          decidedBy: SLACK_USER_ID_PATTERN.test(by) ? `<@${by}>` : by,
          decidedAt: (request.decidedAt ?? new Date(0)).toISOString(),
        },
      },
    );
  }
  return new DomainError(ErrorCode.ACCESS_REQUEST_EXPIRED, {
    parameters: { expiresAt: request.expiresAt.toISOString() },
  });
}

/** The request when it can still be decided at `now`; else the error saying why not. */
export async function requireDecidable(
  client: TDatabaseClient | TTransaction,
  accessRequestId: string,
  now: Date,
): Promise<void> {
  const request = UUID_PATTERN.test(accessRequestId)
    ? await client.accessRequest.findUnique({
        where: { id: accessRequestId },
        select: { status: true, decidedBy: true, decidedAt: true, expiresAt: true },
      })
    : null;
  if (request !== null && request.status === "OPEN" && request.expiresAt > now) return;
  throw undecidableError(request ?? undefined);
}

/**
 * Takes the decision with one conditional update; throws (rolling the caller's transaction back)
 * when the request was decided already, expired, or never existed.
 */
export async function claimDecision(
  transaction: TTransaction,
  options: {
    accessRequestId: string;
    decision: TAccessRequestDecision;
    decidedBy: string;
    now: Date;
    decisionNote?: string | null;
  },
): Promise<void> {
  const { now } = options;
  const claimed = UUID_PATTERN.test(options.accessRequestId)
    ? await transaction.accessRequest.updateMany({
        where: {
          id: options.accessRequestId,
          status: "OPEN",
          expiresAt: options.decision === "EXPIRED" ? { lte: now } : { gt: now },
        },
        data: {
          status: options.decision,
          openForSlackUserId: null,
          decidedAt: now,
          decidedBy: options.decidedBy,
          decisionNote: options.decisionNote ?? null,
        },
      })
    : { count: 0 };
  if (claimed.count === 1) return;
  await requireDecidable(transaction, options.accessRequestId, now);
  // Open and within its life, yet not claimed: only an expiry of a request not yet due gets here.
  throw new DomainError(ErrorCode.CONFLICT);
}

/** Queues what a decision tells: every posted message updated, the requester DM'd. */
export async function announceDecision(
  transaction: TTransaction,
  accessRequestId: string,
  locale: TLocale,
): Promise<void> {
  await enqueueOutboxMessage(transaction, OutboxKind.ACCESS_REQUEST_UPDATE, { accessRequestId });
  await enqueueOutboxMessage(transaction, OutboxKind.ACCESS_REQUEST_OUTCOME, { accessRequestId, locale });
}
