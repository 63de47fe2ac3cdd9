// The fields of the "Agregar lugar" / edit forms (código postal, nombre del lugar), how they are
// checked, and how a place is found and shown. Shared by the place use cases of this folder.
import {
  normalizeText,
  placeLabel,
  placeNameProblem,
  postalCodeProblem,
} from "../../domain/company-rules.ts";
import { DomainError, ErrorCode, type TFieldError, ValidationError } from "../../domain/errors.ts";
import type { Prisma, TDatabaseClient, TTransaction } from "../ports/database.ts";
import { UUID_PATTERN } from "../users/portal-user-input.ts";

export interface TIssuingPlaceFields {
  readonly postalCode: string;
  /** Nombre del lugar; its form field and its errors are named `placeName`. */
  readonly name: string;
}

export interface TIssuingPlaceDetails {
  readonly id: string;
  readonly companyId: string;
  readonly rfc: string;
  readonly companyLegalName: string;
  readonly postalCode: string;
  readonly name: string;
  /** `<código postal> — <nombre> (<razón social>)` */
  readonly label: string;
}

export const issuingPlaceDetailsSelect = {
  id: true,
  postalCode: true,
  name: true,
  company: { select: { id: true, rfc: true, legalName: true } },
} as const satisfies Prisma.IssuingPlaceSelect;

type TIssuingPlaceRow = Prisma.IssuingPlaceGetPayload<{ select: typeof issuingPlaceDetailsSelect }>;

export function toIssuingPlaceDetails(row: TIssuingPlaceRow): TIssuingPlaceDetails {
  return {
    id: row.id,
    companyId: row.company.id,
    rfc: row.company.rfc,
    companyLegalName: row.company.legalName,
    postalCode: row.postalCode,
    name: row.name,
    label: placeLabel({
      postalCode: row.postalCode,
      name: row.name,
      companyLegalName: row.company.legalName,
    }),
  };
}

/** Normalises both fields and refuses them with every problem at once. */
export function normalizeIssuingPlaceFields(fields: TIssuingPlaceFields): TIssuingPlaceFields {
  const postalCode = fields.postalCode.normalize("NFKC").trim();
  const name = normalizeText(fields.name);
  const problems = [postalCodeProblem(postalCode), placeNameProblem(name)].filter(
    (problem): problem is TFieldError => problem !== undefined,
  );
  if (problems.length > 0) throw new ValidationError(problems);
  return { postalCode, name };
}

/**
 * A friendly check before the write. "Centro" and "CENTRO" at one código postal of one company are
 * one place to a person, so the name is compared ignoring case; the unique index still decides races.
 */
export async function requireFreePlace(
  transaction: TTransaction,
  place: { companyId: string; postalCode: string; name: string },
  exceptPlaceId?: string,
): Promise<void> {
  const other = await transaction.issuingPlace.findFirst({
    where: {
      companyId: place.companyId,
      postalCode: place.postalCode,
      name: { equals: place.name, mode: "insensitive" },
      ...(exceptPlaceId === undefined ? {} : { id: { not: exceptPlaceId } }),
    },
    select: { id: true },
  });
  if (other !== null) throw ValidationError.single("placeName", ErrorCode.PLACE_TAKEN);
}

export async function findIssuingPlace(
  client: TDatabaseClient | TTransaction,
  placeId: string,
): Promise<TIssuingPlaceDetails> {
  // A malformed id would make PostgreSQL abort the whole transaction: it cannot name a place anyway.
  const row = UUID_PATTERN.test(placeId)
    ? await client.issuingPlace.findUnique({ where: { id: placeId }, select: issuingPlaceDetailsSelect })
    : null;
  if (row === null) throw new DomainError(ErrorCode.PLACE_NOT_FOUND, { parameters: { place: placeId } });
  return toIssuingPlaceDetails(row);
}

/** What an audit row records of a place. */
export function issuingPlaceAuditSnapshot(place: TIssuingPlaceDetails): Record<string, unknown> {
  return {
    rfc: place.rfc,
    companyLegalName: place.companyLegalName,
    postalCode: place.postalCode,
    name: place.name,
  };
}

// audit_events.target_label holds 254 characters; a place's label can be longer (a long razón social).
const AUDIT_TARGET_LABEL_MAX_LENGTH = 254;

export function issuingPlaceAuditTarget(place: TIssuingPlaceDetails): {
  type: string;
  id: string;
  label: string;
} {
  return {
    type: "issuing_place",
    id: place.id,
    label: [...place.label].slice(0, AUDIT_TARGET_LABEL_MAX_LENGTH).join(""),
  };
}
