// The list as the caller may see it: admins get the buttons; support agents read only.
import { actorHolds } from "../../../../application/authorization.ts";
import { listPortalUsers } from "../../../../application/users/list-portal-users.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import { Permission } from "../../../../domain/roles.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import type { TListState } from "../list-state.ts";
import { usersListMessage } from "../views/users-list-message.ts";

export async function renderUsersList(
  dependencies: TSlackFeatureDependencies,
  requestContext: TRequestContext,
  state: TListState,
  notice?: string,
): Promise<TMessageContent> {
  const page = await listPortalUsers(dependencies.useCases, {
    context: requestContext,
    query: state.query,
    page: state.page,
  });
  const canManage = await actorHolds(dependencies.useCases, requestContext, Permission.USERS_WRITE);
  return usersListMessage({
    page,
    query: state.query,
    canManage,
    locale: dependencies.locale,
    ...(notice === undefined ? {} : { notice }),
  });
}
