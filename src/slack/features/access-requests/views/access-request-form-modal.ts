// Solicitar acceso: Nombre de la persona, Correo electrónico, Lugares de expedición (grouped by
// company) and Motivo (required); and the modal that only says something — the request was sent,
// or why it cannot be (an account already, a request already open).
import { z } from "zod";
import { ACCESS_REQUEST_REASON_MAX_LENGTH } from "../../../../application/access-requests/access-request-fields.ts";
import type { TCompanyWithPlaces } from "../../../../application/places/list-companies-with-places.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import {
  context,
  input,
  type ModalView,
  modal,
  multiStaticSelect,
  option,
  optionGroup,
  section,
  textInput,
} from "../../../ui/blocks.ts";
import { submittedValuesReader } from "../../../ui/submitted-values.ts";
import { accessRequestsCopy } from "../copy.ts";
import {
  AccessRequestFormBlockId,
  AccessRequestsViewId,
  FIELD_ACTION_ID,
  REQUEST_PLACES_ACTION_ID,
} from "../ids.ts";

export function accessRequestFormModal(options: {
  companies: readonly TCompanyWithPlaces[];
  /** The person's name as Slack knows it, to start from. */
  suggestedName?: string | undefined;
  locale: TLocale;
}): ModalView {
  const copy = accessRequestsCopy(options.locale);
  return modal({
    callbackId: AccessRequestsViewId.REQUEST_FORM,
    title: copy("form.title"),
    submit: copy("form.submit"),
    close: copy("form.close"),
    blocks: [
      context(copy("form.intro")),
      input(
        AccessRequestFormBlockId.FULL_NAME,
        copy("form.full_name"),
        textInput(FIELD_ACTION_ID, { initialValue: options.suggestedName ?? "", maxLength: 120 }),
      ),
      input(
        AccessRequestFormBlockId.EMAIL,
        copy("form.email"),
        textInput(FIELD_ACTION_ID, { maxLength: 254, placeholder: "nombre@empresa.com" }),
        { hint: copy("form.email_hint") },
      ),
      input(
        AccessRequestFormBlockId.PLACES,
        copy("form.places"),
        multiStaticSelect(
          REQUEST_PLACES_ACTION_ID,
          options.companies.map((company) =>
            optionGroup(
              `${company.legalName} (${company.rfc})`,
              company.places.map((place) => option(place.label, place.id)),
            ),
          ),
          { placeholder: copy("form.places_placeholder") },
        ),
        { hint: copy("form.places_hint") },
      ),
      input(
        AccessRequestFormBlockId.REASON,
        copy("form.reason"),
        textInput(FIELD_ACTION_ID, { multiline: true, maxLength: ACCESS_REQUEST_REASON_MAX_LENGTH }),
        { hint: copy("form.reason_hint", { maximum: ACCESS_REQUEST_REASON_MAX_LENGTH }) },
      ),
    ],
  });
}

/** A modal that says one thing: the request was sent (when it expires), or why it cannot be. */
export function accessRequestNoticeModal(options: {
  title: "form.title" | "sent.title";
  text: string;
  locale: TLocale;
}): ModalView {
  const copy = accessRequestsCopy(options.locale);
  return modal({
    callbackId: AccessRequestsViewId.NOTICE,
    title: copy(options.title),
    close: copy("notice.close"),
    blocks: [section(options.text)],
  });
}

/** Reads the submitted form; unknown shapes give empty fields, which the use case refuses on the field. */
export function readAccessRequestForm(values: unknown): {
  fullName: string;
  email: string;
  placeIds: string[];
  reason: string;
} {
  const blocks = readValues(values);
  const text = (blockId: string) => blocks[blockId]?.[FIELD_ACTION_ID]?.value ?? "";
  const places = blocks[AccessRequestFormBlockId.PLACES]?.[REQUEST_PLACES_ACTION_ID]?.selected_options ?? [];
  return {
    fullName: text(AccessRequestFormBlockId.FULL_NAME),
    email: text(AccessRequestFormBlockId.EMAIL),
    placeIds: places.map((selected) => selected.value),
    reason: text(AccessRequestFormBlockId.REASON),
  };
}

const readValues = submittedValuesReader({
  value: z.string().nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});
