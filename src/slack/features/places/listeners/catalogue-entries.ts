// The company or place an admin is about to change (a form to open, a removal to ask about), read
// from the catalogue after checking that the caller may change it — refused and audited otherwise.
import { requirePermission } from "../../../../application/authorization.ts";
import {
  listCompaniesWithPlaces,
  type TCataloguePlace,
  type TCompanyWithPlaces,
} from "../../../../application/places/list-companies-with-places.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import type { TAuditAction } from "../../../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../../../domain/errors.ts";
import { Permission } from "../../../../domain/roles.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";

export async function companyToChange(
  dependencies: TSlackFeatureDependencies,
  options: { requestContext: TRequestContext; companyId: string; attempt: TAuditAction },
): Promise<TCompanyWithPlaces> {
  const { useCases } = dependencies;
  const context = options.requestContext;
  await requirePermission(useCases, context, Permission.PLACES_WRITE, {
    action: options.attempt,
    target: { type: "company", id: options.companyId.slice(0, 64) },
  });
  const companies = await listCompaniesWithPlaces(useCases, { context });
  const company = companies.find((candidate) => candidate.id === options.companyId);
  if (company === undefined) {
    throw new DomainError(ErrorCode.COMPANY_NOT_FOUND, { parameters: { company: options.companyId } });
  }
  return company;
}

export async function placeToChange(
  dependencies: TSlackFeatureDependencies,
  options: { requestContext: TRequestContext; placeId: string; attempt: TAuditAction },
): Promise<{ company: TCompanyWithPlaces; place: TCataloguePlace }> {
  const { useCases } = dependencies;
  const context = options.requestContext;
  await requirePermission(useCases, context, Permission.PLACES_WRITE, {
    action: options.attempt,
    target: { type: "issuing_place", id: options.placeId.slice(0, 64) },
  });
  const companies = await listCompaniesWithPlaces(useCases, { context });
  for (const company of companies) {
    const place = company.places.find((candidate) => candidate.id === options.placeId);
    if (place !== undefined) return { company, place };
  }
  throw new DomainError(ErrorCode.PLACE_NOT_FOUND, { parameters: { place: options.placeId } });
}
