// The "Nueva empresa" / "Editar empresa" form: RFC and Razón social.
import { z } from "zod";
import type { TCompanyDetails } from "../../../../application/places/company-fields.ts";
import { LEGAL_NAME_MAX_LENGTH } from "../../../../domain/company-rules.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { input, type ModalView, modal, textInput } from "../../../ui/blocks.ts";
import { decodeJson, encodeJson } from "../../../ui/json-values.ts";
import { ZCatalogueState } from "../catalogue-state.ts";
import { placesCopy } from "../copy.ts";
import { CompanyFormBlockId, FIELD_ACTION_ID, PlacesViewId } from "../ids.ts";
import { submittedText } from "./submitted-text.ts";

export const ZCompanyFormMetadata = z.object({
  /** Absent for a new company. */
  companyId: z.uuid().optional(),
  /** The catalogue message the form was opened from, refreshed after saving. */
  responseUrl: z.url().optional(),
  state: ZCatalogueState.optional(),
});
export type TCompanyFormMetadata = z.infer<typeof ZCompanyFormMetadata>;

// Room for spaces and hyphens as people copy an RFC; the use case removes them before checking.
const RFC_INPUT_MAX_LENGTH = 20;

export function companyFormModal(options: {
  company?: TCompanyDetails;
  metadata: TCompanyFormMetadata;
  locale: TLocale;
}): ModalView {
  const { company } = options;
  const copy = placesCopy(options.locale);
  return modal({
    callbackId: PlacesViewId.COMPANY_FORM,
    title: copy(company === undefined ? "form.title_new_company" : "form.title_edit_company"),
    submit: copy("form.submit"),
    close: copy("form.close"),
    privateMetadata: encodeJson(options.metadata),
    blocks: [
      input(
        CompanyFormBlockId.RFC,
        copy("form.rfc"),
        textInput(FIELD_ACTION_ID, {
          initialValue: company?.rfc ?? "",
          maxLength: RFC_INPUT_MAX_LENGTH,
          placeholder: "EKU9003173C9",
        }),
        { hint: copy("form.rfc_hint") },
      ),
      input(
        CompanyFormBlockId.LEGAL_NAME,
        copy("form.legal_name"),
        textInput(FIELD_ACTION_ID, {
          initialValue: company?.legalName ?? "",
          maxLength: LEGAL_NAME_MAX_LENGTH,
        }),
        { hint: copy("form.legal_name_hint") },
      ),
    ],
  });
}

export function readCompanyForm(values: unknown): { rfc: string; legalName: string } {
  return {
    rfc: submittedText(values, CompanyFormBlockId.RFC),
    legalName: submittedText(values, CompanyFormBlockId.LEGAL_NAME),
  };
}

export function readCompanyFormMetadata(raw: string): TCompanyFormMetadata {
  return decodeJson(ZCompanyFormMetadata, raw) ?? {};
}
