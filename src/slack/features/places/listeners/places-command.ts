// `/lugares [ayuda]`: the catalogue, answered in the ack itself. Anything else typed after the
// command shows the help, which says what the command offers.
import type { App } from "@slack/bolt";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { errorText } from "../../../respond/error-responses.ts";
import { PLACES_COMMAND } from "../ids.ts";
import { parsePlacesCommand } from "../parse-places-command.ts";
import { renderPlacesCatalogue } from "../screens/render-places-catalogue.ts";
import { placesHelpMessage } from "../views/places-help-message.ts";

export function registerPlacesCommand(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger } = dependencies;
  app.command(PLACES_COMMAND, async ({ command, ack, context }) => {
    const requestContext = requestContextOf(context);
    if (parsePlacesCommand(command.text).verb === "help") {
      await ack({ response_type: "ephemeral", ...placesHelpMessage(locale, dependencies.supportContact) });
      return;
    }
    try {
      await ack({
        response_type: "ephemeral",
        ...(await renderPlacesCatalogue(dependencies, requestContext, { state: { page: 1 } })),
      });
    } catch (error) {
      await ack({
        response_type: "ephemeral",
        text: errorText(error, locale, requestContext.requestId, logger),
      });
    }
  });
}
