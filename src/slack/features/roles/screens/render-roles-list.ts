// The roles list as the caller may see it: admins get the buttons; support agents read only; anyone
// else is refused (and audited) by listRoleHolders. `/usuarios roles` answers with this message.
import { actorHolds } from "../../../../application/authorization.ts";
import { listRoleHolders } from "../../../../application/roles/list-role-holders.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import { Permission } from "../../../../domain/roles.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { rolesListMessage } from "../views/roles-list-message.ts";

export async function renderRolesList(
  dependencies: TSlackFeatureDependencies,
  requestContext: TRequestContext,
  notice?: string,
): Promise<TMessageContent> {
  const holders = await listRoleHolders(dependencies.useCases, { context: requestContext });
  const canManage = await actorHolds(dependencies.useCases, requestContext, Permission.ROLES_WRITE);
  return rolesListMessage({
    holders,
    canManage,
    locale: dependencies.locale,
    ...(notice === undefined ? {} : { notice }),
  });
}
