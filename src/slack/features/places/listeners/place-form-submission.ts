// The "Agregar lugar" / "Editar lugar" form's submission. Field errors are answered inside the
// modal, on the field, in the same request (response_action: errors) and nothing is stored; on
// success the modal closes and the catalogue is refreshed at the page showing the place.
import type { App } from "@slack/bolt";
import { createIssuingPlace } from "../../../../application/places/create-issuing-place.ts";
import { updateIssuingPlace } from "../../../../application/places/update-issuing-place.ts";
import { DomainError, ErrorCode } from "../../../../domain/errors.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { PLACE_FORM_BLOCK_BY_FIELD, PlaceFormBlockId, PlacesViewId } from "../ids.ts";
import { answerFormSubmission } from "../screens/answer-form-submission.ts";
import { placeNotice } from "../views/change-notices.ts";
import { readPlaceForm, readPlaceFormMetadata } from "../views/place-form-modal.ts";

export function registerPlaceFormSubmission(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, useCases } = dependencies;

  app.view(PlacesViewId.PLACE_FORM, async ({ ack, view, context }) => {
    const requestContext = requestContextOf(context);
    const metadata = readPlaceFormMetadata(view.private_metadata);
    const fields = readPlaceForm(view.state.values);
    await answerFormSubmission(dependencies, {
      ack,
      requestContext,
      origin: { responseUrl: metadata?.responseUrl, state: metadata?.state },
      save: async () => {
        // The form writes its own metadata; unreadable, it names no company.
        if (metadata === undefined) throw new DomainError(ErrorCode.COMPANY_NOT_FOUND);
        return metadata.placeId === undefined
          ? createIssuingPlace(useCases, { context: requestContext, companyId: metadata.companyId, fields })
          : updateIssuingPlace(useCases, { context: requestContext, placeId: metadata.placeId, fields });
      },
      saved: (place) => ({
        notice: placeNotice(metadata?.placeId === undefined ? "created" : "updated", place, locale),
        focus: { companyId: place.companyId, placeId: place.id },
      }),
      blockIdByField: PLACE_FORM_BLOCK_BY_FIELD,
      fallbackBlockId: PlaceFormBlockId.POSTAL_CODE,
    });
  });
}
