// The catalogue as the caller may see it: admins get the buttons; support agents read only.
import { actorHolds } from "../../../../application/authorization.ts";
import { listCompaniesWithPlaces } from "../../../../application/places/list-companies-with-places.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import { Permission } from "../../../../domain/roles.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import type { TCatalogueState } from "../catalogue-state.ts";
import { placesCatalogueMessage } from "../views/places-catalogue-message.ts";

export async function renderPlacesCatalogue(
  dependencies: TSlackFeatureDependencies,
  requestContext: TRequestContext,
  options: {
    state: TCatalogueState;
    notice?: string | undefined;
    /** Show the page holding this company (and place) rather than the state's page. */
    focus?: { readonly companyId: string; readonly placeId?: string | undefined } | undefined;
  },
): Promise<TMessageContent> {
  const companies = await listCompaniesWithPlaces(dependencies.useCases, { context: requestContext });
  const canManage = await actorHolds(dependencies.useCases, requestContext, Permission.PLACES_WRITE);
  return placesCatalogueMessage({
    companies,
    page: options.state.page,
    canManage,
    locale: dependencies.locale,
    ...(options.focus === undefined ? {} : { focus: options.focus }),
    ...(options.notice === undefined ? {} : { notice: options.notice }),
  });
}
