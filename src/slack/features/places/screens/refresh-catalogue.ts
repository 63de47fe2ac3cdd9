// After a form is saved (the modal already closed), the catalogue message it was opened from is
// replaced through its response_url, with what changed on top.
import type { TRequestContext } from "../../../../domain/actor.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { errorText } from "../../../respond/error-responses.ts";
import { postToResponseUrl } from "../../../respond/response-url.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import type { TCatalogueState } from "../catalogue-state.ts";
import { renderPlacesCatalogue } from "./render-places-catalogue.ts";

export async function refreshCatalogue(
  dependencies: TSlackFeatureDependencies,
  requestContext: TRequestContext,
  options: {
    responseUrl: string | undefined;
    state: TCatalogueState | undefined;
    notice: string;
    focus?: { readonly companyId: string; readonly placeId?: string };
  },
): Promise<void> {
  const { locale, logger } = dependencies;
  if (options.responseUrl === undefined) return;
  /** The catalogue, or only the notice and why the catalogue could not be shown. */
  let message: TMessageContent | { readonly text: string };
  try {
    message = await renderPlacesCatalogue(dependencies, requestContext, {
      state: options.state ?? { page: 1 },
      notice: options.notice,
      focus: options.focus,
    });
  } catch (error) {
    message = { text: `${options.notice}\n${errorText(error, locale, requestContext.requestId, logger)}` };
  }
  await postToResponseUrl(options.responseUrl, { replace_original: true, ...message }, logger);
}
