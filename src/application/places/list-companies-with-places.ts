// The /lugares catalogue: every company by razón social, each with its places by código postal and
// name, and how many users hold each place (what removing it would take from them).
import type { TRequestContext } from "../../domain/actor.ts";
import { placeLabel } from "../../domain/company-rules.ts";
import { Permission } from "../../domain/roles.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import type { Prisma } from "../ports/database.ts";
import type { TCompanyDetails } from "./company-fields.ts";
import type { TIssuingPlaceDetails } from "./issuing-place-fields.ts";

export interface TCataloguePlace extends TIssuingPlaceDetails {
  readonly assignedUserCount: number;
}

export interface TCompanyWithPlaces extends TCompanyDetails {
  readonly places: readonly TCataloguePlace[];
}

// Sorted here rather than by the database, whose collation differs between PGlite and PostgreSQL.
const spanishOrder = new Intl.Collator("es");

/** What the catalogue reads of a company: its fields, and each place with how many users hold it. */
export const companyWithPlacesSelect = {
  id: true,
  rfc: true,
  legalName: true,
  places: {
    select: { id: true, postalCode: true, name: true, _count: { select: { assignments: true } } },
  },
} as const satisfies Prisma.CompanySelect;

type TCompanyWithPlacesRow = Prisma.CompanyGetPayload<{ select: typeof companyWithPlacesSelect }>;

/** A company as the catalogue shows it, its places by código postal and name. */
export function toCompanyWithPlaces(company: TCompanyWithPlacesRow): TCompanyWithPlaces {
  return {
    id: company.id,
    rfc: company.rfc,
    legalName: company.legalName,
    places: company.places
      .map((place) => ({
        id: place.id,
        companyId: company.id,
        rfc: company.rfc,
        companyLegalName: company.legalName,
        postalCode: place.postalCode,
        name: place.name,
        label: placeLabel({
          postalCode: place.postalCode,
          name: place.name,
          companyLegalName: company.legalName,
        }),
        assignedUserCount: place._count.assignments,
      }))
      .sort(
        (left, right) =>
          spanishOrder.compare(left.postalCode, right.postalCode) ||
          spanishOrder.compare(left.name, right.name),
      ),
  };
}

export async function listCompaniesWithPlaces(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext },
): Promise<TCompanyWithPlaces[]> {
  await requirePermission(dependencies, options.context, Permission.PLACES_READ, { action: "place.list" });
  const companies = await dependencies.database.prisma.company.findMany({ select: companyWithPlacesSelect });
  return companies
    .map(toCompanyWithPlaces)
    .sort(
      (left, right) =>
        spanishOrder.compare(left.legalName, right.legalName) || spanishOrder.compare(left.rfc, right.rfc),
    );
}
