// The places select's searchable options (block_suggestion), used once there are more than 100
// places: grouped by company, labelled `<código postal> — <nombre> (<razón social>)`.
import type { App } from "@slack/bolt";
import { searchIssuingPlaces } from "../../../../application/places/search-issuing-places.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { option, optionGroup, type TOptionGroup } from "../../../ui/blocks.ts";
import { PLACES_ACTION_ID } from "../ids.ts";

export function registerPlacesOptions(app: App, dependencies: TSlackFeatureDependencies): void {
  app.options(PLACES_ACTION_ID, async ({ ack, options, context }) => {
    const requestContext = requestContextOf(context);
    try {
      const places = await searchIssuingPlaces(dependencies.useCases, {
        context: requestContext,
        query: options.value,
        limit: 100,
      });
      const groups = new Map<string, TOptionGroup>();
      for (const place of places) {
        const label = `${place.companyLegalName} (${place.rfc})`;
        const group = groups.get(label) ?? optionGroup(label, []);
        group.options.push(option(place.label, place.id));
        groups.set(label, group);
      }
      await ack({ option_groups: [...groups.values()] });
    } catch (error) {
      dependencies.logger.info({ err: error, requestId: requestContext.requestId }, "place options refused");
      await ack({ options: [] });
    }
  });
}
