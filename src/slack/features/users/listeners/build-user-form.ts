// Everything the create / edit form needs, read before the ack: the caller's right to change users,
// the account being edited, and the places to offer.
import { requirePermission } from "../../../../application/authorization.ts";
import {
  countIssuingPlaces,
  STATIC_SELECT_MAXIMUM_OPTIONS,
} from "../../../../application/places/count-issuing-places.ts";
import { listCompaniesWithPlaces } from "../../../../application/places/list-companies-with-places.ts";
import {
  portalUserTarget,
  type TPortalUserReference,
} from "../../../../application/users/find-portal-user.ts";
import { getPortalUser } from "../../../../application/users/get-portal-user.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import { AuditAction } from "../../../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../../../domain/errors.ts";
import { Permission } from "../../../../domain/roles.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import type { ModalView } from "../../../ui/blocks.ts";
import type { TListState } from "../list-state.ts";
import { type TPlaceChoices, userFormModal } from "../views/user-form-modal.ts";

export async function buildUserForm(
  dependencies: TSlackFeatureDependencies,
  options: {
    requestContext: TRequestContext;
    user: TPortalUserReference | undefined;
    responseUrl: string | undefined;
    state: TListState;
  },
): Promise<ModalView> {
  const { useCases } = dependencies;
  const context = options.requestContext;
  await requirePermission(useCases, context, Permission.USERS_WRITE, {
    action: options.user === undefined ? AuditAction.USER_CREATED : AuditAction.USER_UPDATED,
    ...(options.user === undefined ? {} : { target: portalUserTarget(options.user) }),
  });
  const user =
    options.user === undefined ? undefined : await getPortalUser(useCases, { context, user: options.user });
  const placeCount = await countIssuingPlaces(useCases, { context });
  if (placeCount === 0) throw new DomainError(ErrorCode.NO_PLACES_REGISTERED);
  const choices: TPlaceChoices =
    placeCount > STATIC_SELECT_MAXIMUM_OPTIONS
      ? { kind: "external" }
      : { kind: "static", companies: await listCompaniesWithPlaces(useCases, { context }) };
  return userFormModal({
    ...(user === undefined ? {} : { user }),
    choices,
    metadata: {
      ...(user === undefined ? {} : { userId: user.id }),
      ...(options.responseUrl === undefined ? {} : { responseUrl: options.responseUrl }),
      state: options.state,
    },
    locale: dependencies.locale,
  });
}
