// "¿Eliminar…?" for a company or a place, with Sí (danger) and No; a place's question names how
// many users hold it and would lose it. Sí removes and returns to the catalogue; No returns unchanged.
import type { TCompanyDetails } from "../../../../application/places/company-fields.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { actions, button, escapeMrkdwn, section } from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { encodeValue, type TCatalogueState } from "../catalogue-state.ts";
import { placesCopy } from "../copy.ts";
import { PlacesActionId, PlacesBlockId } from "../ids.ts";

function question(
  text: string,
  yesActionId: string,
  yesValue: string,
  state: TCatalogueState,
  locale: TLocale,
) {
  const copy = placesCopy(locale);
  return {
    text,
    blocks: [
      section(text),
      actions(PlacesBlockId.CONFIRM, [
        button(copy("confirm.yes"), yesActionId, { value: yesValue, style: "danger" }),
        button(copy("confirm.no"), PlacesActionId.CANCEL, { value: encodeValue({ page: state.page }) }),
      ]),
    ],
  };
}

export function removeCompanyConfirmation(options: {
  company: TCompanyDetails;
  state: TCatalogueState;
  locale: TLocale;
}): TMessageContent {
  const { company, state, locale } = options;
  const text = placesCopy(locale)("confirm.remove_company", {
    legalName: escapeMrkdwn(company.legalName),
    rfc: escapeMrkdwn(company.rfc),
  });
  return question(
    text,
    PlacesActionId.CONFIRM_REMOVE_COMPANY,
    encodeValue({ page: state.page, companyId: company.id }),
    state,
    locale,
  );
}

export function removePlaceConfirmation(options: {
  place: { readonly id: string; readonly label: string };
  /** The users holding the place, who lose it when it is removed. */
  holders: number;
  /** Of those, the users for whom it is the only place; unknown until the removal is attempted. */
  leftWithoutPlaces?: number;
  state: TCatalogueState;
  locale: TLocale;
}): TMessageContent {
  const { place, holders, state, locale } = options;
  const copy = placesCopy(locale);
  const label = escapeMrkdwn(place.label);
  const text =
    holders === 0
      ? copy("confirm.remove_place", { label })
      : [
          copy("confirm.remove_place_held", { label, count: holders }),
          ...(options.leftWithoutPlaces === undefined || options.leftWithoutPlaces === 0
            ? []
            : [copy("confirm.left_without_places", { count: options.leftWithoutPlaces })]),
        ].join(" ");
  return question(
    text,
    PlacesActionId.CONFIRM_REMOVE_PLACE,
    encodeValue({ page: state.page, placeId: place.id, agreedHolders: holders }),
    state,
    locale,
  );
}
