// The fields of the "Nueva empresa" / edit forms (RFC, razón social), how they are checked, and how a
// company is found and shown. Shared by the company use cases of this folder.
import { legalNameProblem, normalizeRfc, normalizeText, rfcProblem } from "../../domain/company-rules.ts";
import { DomainError, ErrorCode, type TFieldError, ValidationError } from "../../domain/errors.ts";
import type { TDatabaseClient, TTransaction } from "../ports/database.ts";
import { UUID_PATTERN } from "../users/portal-user-input.ts";

export interface TCompanyFields {
  readonly rfc: string;
  /** Razón social. */
  readonly legalName: string;
}

export interface TCompanyDetails {
  readonly id: string;
  readonly rfc: string;
  readonly legalName: string;
}

export const companyDetailsSelect = { id: true, rfc: true, legalName: true } as const;

/** Normalises both fields and refuses them with every problem at once. */
export function normalizeCompanyFields(fields: TCompanyFields): TCompanyFields {
  const rfc = normalizeRfc(fields.rfc);
  const legalName = normalizeText(fields.legalName);
  const problems = [rfcProblem(rfc), legalNameProblem(legalName)].filter(
    (problem): problem is TFieldError => problem !== undefined,
  );
  if (problems.length > 0) throw new ValidationError(problems);
  return { rfc, legalName };
}

/** A friendly check before the write; the unique index on rfc still decides races. */
export async function requireFreeRfc(
  transaction: TTransaction,
  rfc: string,
  exceptCompanyId?: string,
): Promise<void> {
  const other = await transaction.company.findFirst({
    where: { rfc, ...(exceptCompanyId === undefined ? {} : { id: { not: exceptCompanyId } }) },
    select: { id: true },
  });
  if (other !== null) throw ValidationError.single("rfc", ErrorCode.RFC_TAKEN);
}

export async function findCompany(
  client: TDatabaseClient | TTransaction,
  companyId: string,
): Promise<TCompanyDetails> {
  // A malformed id would make PostgreSQL abort the whole transaction: it cannot name a company anyway.
  const company = UUID_PATTERN.test(companyId)
    ? await client.company.findUnique({ where: { id: companyId }, select: companyDetailsSelect })
    : null;
  if (company === null)
    throw new DomainError(ErrorCode.COMPANY_NOT_FOUND, { parameters: { company: companyId } });
  return company;
}

/** What an audit row records of a company. */
export function companyAuditSnapshot(company: TCompanyDetails): Record<string, unknown> {
  return { rfc: company.rfc, legalName: company.legalName };
}
