// One place of the catalogue (with how many users hold it) and its company, read before a change (a
// form to open, a removal to ask about): only for those who may make the change, the refusal audited
// as an attempt at it.
import type { TRequestContext } from "../../domain/actor.ts";
import type { TAuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { Permission } from "../../domain/roles.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { UUID_PATTERN } from "../users/portal-user-input.ts";
import {
  companyWithPlacesSelect,
  type TCataloguePlace,
  type TCompanyWithPlaces,
  toCompanyWithPlaces,
} from "./list-companies-with-places.ts";

export async function getCataloguePlace(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; placeId: string; beforeChange: TAuditAction },
): Promise<{ company: TCompanyWithPlaces; place: TCataloguePlace }> {
  const { placeId } = options;
  await requirePermission(dependencies, options.context, Permission.PLACES_WRITE, {
    action: options.beforeChange,
    target: { type: "issuing_place", id: placeId.slice(0, 64) },
  });
  // A malformed id would make PostgreSQL refuse the query: it cannot name a place anyway.
  const row = UUID_PATTERN.test(placeId)
    ? await dependencies.database.prisma.company.findFirst({
        where: { places: { some: { id: placeId } } },
        select: companyWithPlacesSelect,
      })
    : null;
  const company = row === null ? undefined : toCompanyWithPlaces(row);
  const place = company?.places.find((candidate) => candidate.id === placeId);
  if (company === undefined || place === undefined) {
    throw new DomainError(ErrorCode.PLACE_NOT_FOUND, { parameters: { place: placeId } });
  }
  return { company, place };
}
