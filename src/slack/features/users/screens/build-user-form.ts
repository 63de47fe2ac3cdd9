// The create / edit form, built before the ack from what preparePortalUserChange allows and reads:
// the account being edited and the places to offer.
import type { TPortalUserReference } from "../../../../application/users/find-portal-user.ts";
import { preparePortalUserChange } from "../../../../application/users/prepare-portal-user-change.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import type { ModalView } from "../../../ui/blocks.ts";
import type { TListState } from "../list-state.ts";
import { userFormModal } from "../views/user-form-modal.ts";

export async function buildUserForm(
  dependencies: TSlackFeatureDependencies,
  options: {
    requestContext: TRequestContext;
    user: TPortalUserReference | undefined;
    responseUrl: string | undefined;
    state: TListState;
  },
): Promise<ModalView> {
  const { user, placeChoices } = await preparePortalUserChange(dependencies.useCases, {
    context: options.requestContext,
    user: options.user,
  });
  return userFormModal({
    ...(user === undefined ? {} : { user }),
    placeChoices,
    metadata: {
      ...(user === undefined ? {} : { userId: user.id }),
      ...(options.responseUrl === undefined ? {} : { responseUrl: options.responseUrl }),
      state: options.state,
    },
    locale: dependencies.locale,
  });
}
