// The "Agregar lugar" / "Editar lugar" form: Código postal and Nombre del lugar, under the company
// it belongs to.
import { z } from "zod";
import type { TCompanyDetails } from "../../../../application/places/company-fields.ts";
import type { TIssuingPlaceDetails } from "../../../../application/places/issuing-place-fields.ts";
import { PLACE_NAME_MAX_LENGTH } from "../../../../domain/company-rules.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { escapeMrkdwn, input, type ModalView, modal, section, textInput } from "../../../ui/blocks.ts";
import { decodeJson, encodeJson } from "../../../ui/json-values.ts";
import { ZCatalogueState } from "../catalogue-state.ts";
import { placesCopy } from "../copy.ts";
import { FIELD_ACTION_ID, PlaceFormBlockId, PlacesViewId } from "../ids.ts";
import { submittedText } from "./submitted-text.ts";

export const ZPlaceFormMetadata = z.object({
  /** The company a new place is added to. */
  companyId: z.uuid(),
  /** Absent for a new place. */
  placeId: z.uuid().optional(),
  /** The catalogue message the form was opened from, refreshed after saving. */
  responseUrl: z.url().optional(),
  state: ZCatalogueState.optional(),
});
export type TPlaceFormMetadata = z.infer<typeof ZPlaceFormMetadata>;

// Room for spaces around the digits; the use case trims them before checking the 5 digits.
const POSTAL_CODE_INPUT_MAX_LENGTH = 10;

export function placeFormModal(options: {
  company: TCompanyDetails;
  place?: TIssuingPlaceDetails;
  metadata: TPlaceFormMetadata;
  locale: TLocale;
}): ModalView {
  const { company, place } = options;
  const copy = placesCopy(options.locale);
  return modal({
    callbackId: PlacesViewId.PLACE_FORM,
    title: copy(place === undefined ? "form.title_new_place" : "form.title_edit_place"),
    submit: copy("form.submit"),
    close: copy("form.close"),
    privateMetadata: encodeJson(options.metadata),
    blocks: [
      section(
        copy("form.company", { legalName: escapeMrkdwn(company.legalName), rfc: escapeMrkdwn(company.rfc) }),
        { blockId: PlaceFormBlockId.COMPANY },
      ),
      input(
        PlaceFormBlockId.POSTAL_CODE,
        copy("form.postal_code"),
        textInput(FIELD_ACTION_ID, {
          initialValue: place?.postalCode ?? "",
          maxLength: POSTAL_CODE_INPUT_MAX_LENGTH,
          placeholder: "06000",
        }),
        { hint: copy("form.postal_code_hint") },
      ),
      input(
        PlaceFormBlockId.PLACE_NAME,
        copy("form.place_name"),
        textInput(FIELD_ACTION_ID, { initialValue: place?.name ?? "", maxLength: PLACE_NAME_MAX_LENGTH }),
        { hint: copy("form.place_name_hint") },
      ),
    ],
  });
}

/** The fields as the place use cases name them (`name` is the form's Nombre del lugar). */
export function readPlaceForm(values: unknown): { postalCode: string; name: string } {
  return {
    postalCode: submittedText(values, PlaceFormBlockId.POSTAL_CODE),
    name: submittedText(values, PlaceFormBlockId.PLACE_NAME),
  };
}

export function readPlaceFormMetadata(raw: string): TPlaceFormMetadata | undefined {
  return decodeJson(ZPlaceFormMetadata, raw);
}
