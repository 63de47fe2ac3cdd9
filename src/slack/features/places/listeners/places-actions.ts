// The buttons of the /lugares catalogue: paging, Nueva empresa, Agregar lugar, Editar, and Eliminar
// (asking Sí / No) for companies and places. Each is authorised again by its use case, and answered
// by replacing the catalogue message.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { getCataloguePlace } from "../../../../application/places/get-catalogue-place.ts";
import { getCompanyWithPlaces } from "../../../../application/places/get-company-with-places.ts";
import { removeCompany } from "../../../../application/places/remove-company.ts";
import { removeIssuingPlace } from "../../../../application/places/remove-issuing-place.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import { AuditAction } from "../../../../domain/audit-actions.ts";
import { ErrorCode, isDomainError } from "../../../../domain/errors.ts";
import { errorMessage } from "../../../../i18n/translate.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { openModal } from "../../../respond/open-modal.ts";
import { replaceMessage, type TRespond } from "../../../respond/replace-message.ts";
import type { ModalView } from "../../../ui/blocks.ts";
import {
  decodeCatalogueState,
  decodeCompanyValue,
  decodePlaceValue,
  type TCatalogueState,
} from "../catalogue-state.ts";
import { PlacesActionId } from "../ids.ts";
import { buildCompanyForm, buildPlaceForm } from "../screens/build-places-forms.ts";
import { renderPlacesCatalogue } from "../screens/render-places-catalogue.ts";
import { refusalNotice } from "../views/catalogue-refusals.ts";
import { companyNotice, placeRemovedNotice } from "../views/change-notices.ts";
import { removeCompanyConfirmation, removePlaceConfirmation } from "../views/removal-confirmation-message.ts";

type TButtonAction = BlockAction<ButtonAction>;

export function registerPlacesActions(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;

  /** Replaces the message with the catalogue, an optional notice on top; errors go in an ephemeral line. */
  async function showCatalogue(
    respond: TRespond,
    context: TRequestContext,
    options: {
      state: TCatalogueState;
      notice?: string;
      focus?: { readonly companyId: string; readonly placeId?: string };
    },
  ) {
    await replaceMessage(respond, () => renderPlacesCatalogue(dependencies, context, options), {
      context,
      locale,
      logger,
    });
  }

  function noticeFor(error: unknown, context: TRequestContext): string {
    return refusalNotice(error, locale, context.requestId, logger);
  }

  for (const actionId of [PlacesActionId.PAGE_PREVIOUS, PlacesActionId.PAGE_NEXT, PlacesActionId.CANCEL]) {
    app.action<TButtonAction>(actionId, async ({ ack, action, respond, context }) => {
      await ack();
      await showCatalogue(respond, requestContextOf(context), { state: decodeCatalogueState(action.value) });
    });
  }

  /** Builds the form before the ack (a refusal is shown instead), opens it right after. */
  function registerForm(
    actionId: string,
    build: (origin: {
      requestContext: TRequestContext;
      responseUrl: string | undefined;
      value: string | undefined;
    }) => Promise<ModalView | undefined>,
  ) {
    app.action<TButtonAction>(actionId, async ({ ack, action, body, respond, client, context }) => {
      const requestContext = requestContextOf(context);
      try {
        const view = await build({ requestContext, responseUrl: body.response_url, value: action.value });
        await ack();
        if (view !== undefined) await openModal(client, body.trigger_id, view, logger);
      } catch (error) {
        await ack();
        await showCatalogue(respond, requestContext, {
          state: decodeCatalogueState(action.value),
          notice: noticeFor(error, requestContext),
        });
      }
    });
  }

  registerForm(PlacesActionId.NEW_COMPANY, (origin) =>
    buildCompanyForm(dependencies, {
      ...origin,
      state: decodeCatalogueState(origin.value),
      companyId: undefined,
    }),
  );
  registerForm(PlacesActionId.EDIT_COMPANY, async (origin) => {
    const value = decodeCompanyValue(origin.value);
    return value === undefined
      ? undefined
      : buildCompanyForm(dependencies, { ...origin, state: value, companyId: value.companyId });
  });
  registerForm(PlacesActionId.ADD_PLACE, async (origin) => {
    const value = decodeCompanyValue(origin.value);
    return value === undefined
      ? undefined
      : buildPlaceForm(dependencies, { ...origin, state: value, companyId: value.companyId });
  });
  registerForm(PlacesActionId.EDIT_PLACE, async (origin) => {
    const value = decodePlaceValue(origin.value);
    return value === undefined
      ? undefined
      : buildPlaceForm(dependencies, { ...origin, state: value, placeId: value.placeId });
  });

  app.action<TButtonAction>(PlacesActionId.ASK_REMOVE_COMPANY, async ({ ack, action, respond, context }) => {
    await ack();
    const requestContext = requestContextOf(context);
    const value = decodeCompanyValue(action.value);
    if (value === undefined) return;
    try {
      const company = await getCompanyWithPlaces(useCases, {
        context: requestContext,
        companyId: value.companyId,
        beforeChange: AuditAction.COMPANY_REMOVED,
      });
      if (company.places.length > 0) {
        // Refused before asking: its places go first, each with its own question.
        await showCatalogue(respond, requestContext, {
          state: value,
          focus: { companyId: company.id },
          notice: errorMessage(locale, ErrorCode.COMPANY_HAS_PLACES, { count: company.places.length }),
        });
        return;
      }
      await respond({
        replace_original: true,
        ...removeCompanyConfirmation({ company, state: value, locale }),
      });
    } catch (error) {
      await showCatalogue(respond, requestContext, {
        state: value,
        notice: noticeFor(error, requestContext),
      });
    }
  });

  app.action<TButtonAction>(
    PlacesActionId.CONFIRM_REMOVE_COMPANY,
    async ({ ack, action, respond, context }) => {
      await ack();
      const requestContext = requestContextOf(context);
      const value = decodeCompanyValue(action.value);
      if (value === undefined) return;
      let notice: string;
      try {
        const company = await removeCompany(useCases, {
          context: requestContext,
          companyId: value.companyId,
        });
        notice = companyNotice("removed", company, locale);
      } catch (error) {
        // A second Sí finds the company gone: the first one did the work.
        notice = noticeFor(error, requestContext);
      }
      await showCatalogue(respond, requestContext, { state: value, notice });
    },
  );

  app.action<TButtonAction>(PlacesActionId.ASK_REMOVE_PLACE, async ({ ack, action, respond, context }) => {
    await ack();
    const requestContext = requestContextOf(context);
    const value = decodePlaceValue(action.value);
    if (value === undefined) return;
    await askToRemovePlace(respond, requestContext, value);
  });

  app.action<TButtonAction>(
    PlacesActionId.CONFIRM_REMOVE_PLACE,
    async ({ ack, action, respond, context }) => {
      await ack();
      const requestContext = requestContextOf(context);
      const value = decodePlaceValue(action.value);
      if (value === undefined) return;
      let notice: string;
      try {
        // Taken from no more holders than the question named; more now: asked again below.
        const removed = await removeIssuingPlace(useCases, {
          context: requestContext,
          placeId: value.placeId,
          agreedHolders: value.agreedHolders ?? 0,
        });
        notice = placeRemovedNotice(removed, locale);
      } catch (error) {
        if (isDomainError(error) && error.code === ErrorCode.PLACE_IN_USE) {
          // More users hold it than the admin was told: ask again, naming how many now.
          await askToRemovePlace(respond, requestContext, value, error.parameters);
          return;
        }
        // A second Sí finds the place gone: the first one did the work.
        notice = noticeFor(error, requestContext);
      }
      await showCatalogue(respond, requestContext, { state: value, notice });
    },
  );

  /** ¿Eliminar el lugar…?, naming its holders: those of now, or those a refused Sí just counted. */
  async function askToRemovePlace(
    respond: TRespond,
    requestContext: TRequestContext,
    value: { page: number; placeId: string },
    counted?: Readonly<Record<string, string | number>>,
  ) {
    try {
      const { place } = await getCataloguePlace(useCases, {
        context: requestContext,
        placeId: value.placeId,
        beforeChange: AuditAction.PLACE_REMOVED,
      });
      await respond({
        replace_original: true,
        ...removePlaceConfirmation({
          place,
          holders: counted === undefined ? place.assignedUserCount : Number(counted.count),
          ...(counted === undefined ? {} : { leftWithoutPlaces: Number(counted.leftWithoutPlaces ?? 0) }),
          state: value,
          locale,
        }),
      });
    } catch (error) {
      await showCatalogue(respond, requestContext, {
        state: value,
        notice: noticeFor(error, requestContext),
      });
    }
  }
}
