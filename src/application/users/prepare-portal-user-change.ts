// Before an admin creates or edits an account (the form to open): the caller's right to change users
// (refused and audited as an attempt at the change), the account being edited, and the places it can
// be given. With no place registered there is nothing to give, and an account must hold one: refused
// with NO_PLACES_REGISTERED. Beyond the 100 places one list can offer, they are searched instead.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { Permission } from "../../domain/roles.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { countIssuingPlaces, STATIC_SELECT_MAXIMUM_OPTIONS } from "../places/count-issuing-places.ts";
import { listCompaniesWithPlaces, type TCompanyWithPlaces } from "../places/list-companies-with-places.ts";
import { portalUserTarget, type TPortalUserReference } from "./find-portal-user.ts";
import { getPortalUser } from "./get-portal-user.ts";
import type { TPortalUserDetails } from "./portal-user-details.ts";

/** Every company with its places, or (too many to list) a search over them. */
export type TPlaceChoices =
  | { readonly kind: "listed"; readonly companies: readonly TCompanyWithPlaces[] }
  | { readonly kind: "searched" };

export interface TPortalUserChange {
  /** The account being edited; absent for a new one. */
  readonly user: TPortalUserDetails | undefined;
  readonly placeChoices: TPlaceChoices;
}

export async function preparePortalUserChange(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; user: TPortalUserReference | undefined },
): Promise<TPortalUserChange> {
  const { context } = options;
  await requirePermission(dependencies, context, Permission.USERS_WRITE, {
    action: options.user === undefined ? AuditAction.USER_CREATED : AuditAction.USER_UPDATED,
    ...(options.user === undefined ? {} : { target: portalUserTarget(options.user) }),
  });
  const user =
    options.user === undefined
      ? undefined
      : await getPortalUser(dependencies, { context, user: options.user });
  const placeCount = await countIssuingPlaces(dependencies, { context });
  if (placeCount === 0) throw new DomainError(ErrorCode.NO_PLACES_REGISTERED);
  const placeChoices: TPlaceChoices =
    placeCount > STATIC_SELECT_MAXIMUM_OPTIONS
      ? { kind: "searched" }
      : { kind: "listed", companies: await listCompaniesWithPlaces(dependencies, { context }) };
  return { user, placeChoices };
}
