// The "Agregar lugar" / "Editar lugar" form's submission. Field errors are answered inside the
// modal, on the field, in the same request (response_action: errors) and nothing is stored; on
// success the modal closes and the catalogue is refreshed at the page showing the place.
import type { App } from "@slack/bolt";
import { createIssuingPlace } from "../../../../application/places/create-issuing-place.ts";
import type { TIssuingPlaceDetails } from "../../../../application/places/issuing-place-fields.ts";
import { updateIssuingPlace } from "../../../../application/places/update-issuing-place.ts";
import { DomainError, ErrorCode } from "../../../../domain/errors.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { submissionErrors } from "../../../respond/error-responses.ts";
import { PLACE_FORM_BLOCK_BY_FIELD, PlaceFormBlockId, PlacesViewId } from "../ids.ts";
import { refreshCatalogue } from "../screens/refresh-catalogue.ts";
import { isGone, refusalNotice } from "../views/catalogue-refusals.ts";
import { placeNotice } from "../views/change-notices.ts";
import { readPlaceForm, readPlaceFormMetadata } from "../views/place-form-modal.ts";

export function registerPlaceFormSubmission(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;

  app.view(PlacesViewId.PLACE_FORM, async ({ ack, view, context }) => {
    const requestContext = requestContextOf(context);
    const metadata = readPlaceFormMetadata(view.private_metadata);
    const fields = readPlaceForm(view.state.values);
    const origin = { responseUrl: metadata?.responseUrl, state: metadata?.state };
    let place: TIssuingPlaceDetails;
    try {
      // The form writes its own metadata; unreadable, it names no company.
      if (metadata === undefined) throw new DomainError(ErrorCode.COMPANY_NOT_FOUND);
      place =
        metadata.placeId === undefined
          ? await createIssuingPlace(useCases, {
              context: requestContext,
              companyId: metadata.companyId,
              fields,
            })
          : await updateIssuingPlace(useCases, {
              context: requestContext,
              placeId: metadata.placeId,
              fields,
            });
    } catch (error) {
      if (isGone(error) && origin.responseUrl !== undefined) {
        // Its company or the place itself was removed meanwhile: close the form and say so calmly.
        await ack();
        await refreshCatalogue(dependencies, requestContext, {
          ...origin,
          notice: refusalNotice(error, locale, requestContext.requestId, logger),
        });
        return;
      }
      const errors = submissionErrors(error, {
        locale,
        blockIdByField: PLACE_FORM_BLOCK_BY_FIELD,
        fallbackBlockId: PlaceFormBlockId.POSTAL_CODE,
        requestId: requestContext.requestId,
        logger,
      });
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    await refreshCatalogue(dependencies, requestContext, {
      ...origin,
      notice: placeNotice(metadata.placeId === undefined ? "created" : "updated", place, locale),
      focus: { companyId: place.companyId, placeId: place.id },
    });
  });
}
