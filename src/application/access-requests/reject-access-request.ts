// Rechazar: an admin rejects a request, with an optional reason the requester is told. Claimed with
// the same conditional update as an approval (decided once), audited access_request.rejected, its
// messages updated and the requester DM'd — one transaction.
import type { TRequestContext } from "../../domain/actor.ts";
import { actorIdOf } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode, ValidationError } from "../../domain/errors.ts";
import { runAuditedChange } from "../audited-change.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import {
  accessRequestAuditTarget,
  readAccessRequest,
  type TAccessRequestDetails,
} from "./access-request-details.ts";
import { reasonProblem } from "./access-request-fields.ts";
import { announceDecision, claimDecision } from "./decide-access-request.ts";
import { requireMayDecide } from "./prepare-access-request-decision.ts";

export async function rejectAccessRequest(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; accessRequestId: string; note: string },
): Promise<TAccessRequestDetails> {
  const { context } = options;
  const authority = await requireMayDecide(dependencies, context, options.accessRequestId, "reject");
  const note = options.note.normalize("NFC").trim();
  const problem = reasonProblem("note", note, {
    required: false,
    code: ErrorCode.ACCESS_REQUEST_NOTE_INVALID,
  });
  if (problem !== undefined) throw new ValidationError([problem]);
  const locale = dependencies.settings.locale;
  return runAuditedChange(dependencies, context, authority, async (transaction, audit, now) => {
    await claimDecision(transaction, {
      accessRequestId: options.accessRequestId,
      decision: "REJECTED",
      decidedBy: actorIdOf(context.actor),
      now,
      decisionNote: note === "" ? null : note,
    });
    const request = await readAccessRequest(transaction, options.accessRequestId);
    if (request === undefined) throw new DomainError(ErrorCode.ACCESS_REQUEST_NOT_FOUND);
    await audit({
      action: AuditAction.ACCESS_REQUEST_REJECTED,
      target: accessRequestAuditTarget(request),
      changes: { slackUserId: request.slackUserId, reason: note === "" ? null : note },
    });
    await announceDecision(transaction, request.id, locale);
    return request;
  });
}
