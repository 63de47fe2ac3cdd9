// The places the Solicitar acceso form offers: every company's, by razón social — to anyone in the
// workspace, who must be able to say where they will invoice from. One static list holds 100 at
// most (Slack's limit): beyond that, the first 100 by company are offered and the admin's create
// form, which searches all of them, adjusts the choice when approving.
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { STATIC_SELECT_MAXIMUM_OPTIONS } from "../places/count-issuing-places.ts";
import {
  companyWithPlacesSelect,
  type TCompanyWithPlaces,
  toCompanyWithPlaces,
} from "../places/list-companies-with-places.ts";

const spanishOrder = new Intl.Collator("es");

export async function listRequestablePlaces(
  dependencies: TUseCaseDependencies,
): Promise<TCompanyWithPlaces[]> {
  const companies = (await dependencies.database.prisma.company.findMany({ select: companyWithPlacesSelect }))
    .map(toCompanyWithPlaces)
    .filter((company) => company.places.length > 0)
    .sort((left, right) => spanishOrder.compare(left.legalName, right.legalName));
  if (companies.length === 0) throw new DomainError(ErrorCode.NO_PLACES_REGISTERED);
  let left = STATIC_SELECT_MAXIMUM_OPTIONS;
  return companies.flatMap((company) => {
    const places = company.places.slice(0, Math.max(0, left));
    left -= places.length;
    return places.length === 0 ? [] : [{ ...company, places }];
  });
}
