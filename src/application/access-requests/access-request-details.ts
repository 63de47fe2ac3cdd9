// An access request as the use cases and the Slack surface read it: who asked, what for, which
// places (with their labels, those removed since left out), and how it was decided.
import { placeLabel } from "../../domain/company-rules.ts";
import type { TAuditTarget } from "../audit/record-audit-event.ts";
import type { Prisma, TDatabaseClient, TTransaction } from "../ports/database.ts";

export type TAccessRequestStatus = "OPEN" | "APPROVED" | "REJECTED" | "EXPIRED";

export interface TRequestedPlace {
  readonly id: string;
  /** `<código postal> — <nombre> (<razón social>)`, as every place offered for choice reads. */
  readonly label: string;
}

export interface TAccessRequestDetails {
  readonly id: string;
  readonly slackUserId: string;
  readonly fullName: string;
  readonly email: string;
  readonly reason: string;
  readonly places: readonly TRequestedPlace[];
  readonly status: TAccessRequestStatus;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly decidedAt: Date | null;
  readonly decidedBy: string | null;
  readonly decisionNote: string | null;
  readonly approvedUsername: string | null;
}

export const accessRequestSelect = {
  id: true,
  slackUserId: true,
  fullName: true,
  email: true,
  placeIds: true,
  reason: true,
  status: true,
  createdAt: true,
  expiresAt: true,
  decidedAt: true,
  decidedBy: true,
  decisionNote: true,
  approvedUsername: true,
} as const satisfies Prisma.AccessRequestSelect;

type TAccessRequestRow = Prisma.AccessRequestGetPayload<{ select: typeof accessRequestSelect }>;

/** The rows as details, their places read in one query (a place removed since is left out). */
export async function toAccessRequestDetails(
  client: TDatabaseClient | TTransaction,
  rows: readonly TAccessRequestRow[],
): Promise<TAccessRequestDetails[]> {
  const placeIds = [...new Set(rows.flatMap((row) => row.placeIds))];
  const places =
    placeIds.length === 0
      ? []
      : await client.issuingPlace.findMany({
          where: { id: { in: placeIds } },
          select: { id: true, postalCode: true, name: true, company: { select: { legalName: true } } },
        });
  const labelById = new Map(
    places.map((place) => [
      place.id,
      placeLabel({
        postalCode: place.postalCode,
        name: place.name,
        companyLegalName: place.company.legalName,
      }),
    ]),
  );
  return rows.map((row) => ({
    id: row.id,
    slackUserId: row.slackUserId,
    fullName: row.fullName,
    email: row.email,
    reason: row.reason,
    places: row.placeIds.flatMap((id) => {
      const label = labelById.get(id);
      return label === undefined ? [] : [{ id, label }];
    }),
    status: row.status,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    decidedAt: row.decidedAt,
    decidedBy: row.decidedBy,
    decisionNote: row.decisionNote,
    approvedUsername: row.approvedUsername,
  }));
}

/** One request by id, or undefined. */
export async function readAccessRequest(
  client: TDatabaseClient | TTransaction,
  id: string,
): Promise<TAccessRequestDetails | undefined> {
  const row = await client.accessRequest.findUnique({ where: { id }, select: accessRequestSelect });
  if (row === null) return undefined;
  const [details] = await toAccessRequestDetails(client, [row]);
  return details;
}

/** What its audit events are about: the request, named by the person's name. */
export function accessRequestAuditTarget(request: {
  readonly id: string;
  readonly fullName: string;
}): TAuditTarget {
  return { type: "access_request", id: request.id, label: request.fullName };
}
