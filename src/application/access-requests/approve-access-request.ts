// Aprobar: the admin's create form, filled from the request (the username suggested from the name,
// editable; the Slack user is the requester), creates the account exactly like any create — the
// welcome email, the DM, user.created — and, in the same transaction, decides the request: claimed
// first (two approvals at once make one account), audited access_request.approved, its messages
// updated and the requester told.
import type { TRequestContext } from "../../domain/actor.ts";
import { actorIdOf } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import type { TDatabaseClient } from "../ports/database.ts";
import { createPortalUser } from "../users/create-portal-user.ts";
import type { TPortalUserDetails } from "../users/portal-user-details.ts";
import type { TPortalUserFields } from "../users/portal-user-input.ts";
import { preparePortalUserChange, type TPortalUserChange } from "../users/prepare-portal-user-change.ts";
import {
  accessRequestAuditTarget,
  readAccessRequest,
  type TAccessRequestDetails,
} from "./access-request-details.ts";
import { announceDecision, claimDecision } from "./decide-access-request.ts";
import { prepareAccessRequestDecision, requireMayDecide } from "./prepare-access-request-decision.ts";

export interface TAccessRequestApproval {
  readonly request: TAccessRequestDetails;
  readonly change: TPortalUserChange;
  readonly suggestedUsername: string;
}

/** `ana.maria.lopez` from "Ana María López": letters and digits without accents, words joined by dots. */
export function usernameFromName(fullName: string): string {
  const words = fullName
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
  const first = words[0] ?? "";
  const last = words.length > 1 ? words.at(-1) : undefined;
  const joined = [first, last].filter(Boolean).join(".").slice(0, 28);
  return joined.length >= 3 ? joined : `${joined}usuario`.slice(0, 28);
}

/** The suggestion, numbered (`ana.lopez2` …) when an account holds it already. */
async function freeUsername(client: TDatabaseClient, base: string): Promise<string> {
  const candidates = [base, ...Array.from({ length: 9 }, (_, index) => `${base}${index + 2}`)];
  const taken = new Set(
    (
      await client.portalUser.findMany({
        where: { username: { in: candidates } },
        select: { username: true },
      })
    ).map((user) => user.username),
  );
  return candidates.find((candidate) => !taken.has(candidate)) ?? base;
}

export async function prepareAccessRequestApproval(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; accessRequestId: string },
): Promise<TAccessRequestApproval> {
  const request = await prepareAccessRequestDecision(dependencies, { ...options, kind: "approve" });
  const change = await preparePortalUserChange(dependencies, { context: options.context, user: undefined });
  const suggestedUsername = await freeUsername(
    dependencies.database.prisma,
    usernameFromName(request.fullName),
  );
  return { request, change, suggestedUsername };
}

export async function approveAccessRequest(
  dependencies: TUseCaseDependencies,
  options: {
    context: TRequestContext;
    accessRequestId: string;
    /** The create form's fields; its Slack user is always the requester. */
    fields: TPortalUserFields;
  },
): Promise<TPortalUserDetails> {
  const { context } = options;
  await requireMayDecide(dependencies, context, options.accessRequestId, "approve");
  const request = await readAccessRequest(dependencies.database.prisma, options.accessRequestId);
  if (request === undefined) throw new DomainError(ErrorCode.ACCESS_REQUEST_NOT_FOUND);
  const locale = dependencies.settings.locale;
  return createPortalUser(dependencies, {
    context,
    fields: { ...options.fields, slackUserId: request.slackUserId },
    withinTransaction: {
      before: (transaction, now) =>
        claimDecision(transaction, {
          accessRequestId: request.id,
          decision: "APPROVED",
          decidedBy: actorIdOf(context.actor),
          now,
        }),
      after: async (transaction, user, audit) => {
        await transaction.accessRequest.update({
          where: { id: request.id },
          data: { approvedUsername: user.username },
        });
        await audit({
          action: AuditAction.ACCESS_REQUEST_APPROVED,
          target: accessRequestAuditTarget(request),
          changes: { username: user.username, slackUserId: request.slackUserId },
        });
        await announceDecision(transaction, request.id, locale);
      },
    },
  });
}
