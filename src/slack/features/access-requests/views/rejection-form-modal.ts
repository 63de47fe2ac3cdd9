// Rechazar: an optional reason, which the requester is told.
import { z } from "zod";
import type { TAccessRequestDetails } from "../../../../application/access-requests/access-request-details.ts";
import { ACCESS_REQUEST_REASON_MAX_LENGTH } from "../../../../application/access-requests/access-request-fields.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { escapeMrkdwn, input, type ModalView, modal, section, textInput } from "../../../ui/blocks.ts";
import { decodeJson, encodeJson } from "../../../ui/json-values.ts";
import { submittedValuesReader } from "../../../ui/submitted-values.ts";
import { accessRequestsCopy } from "../copy.ts";
import { AccessRequestsViewId, FIELD_ACTION_ID, RejectionFormBlockId } from "../ids.ts";

/** What a decision form carries: the request, and where to answer the admin who opened it. */
export const ZDecisionFormMetadata = z.object({
  accessRequestId: z.uuid(),
  responseUrl: z.url().optional(),
});
export type TDecisionFormMetadata = z.infer<typeof ZDecisionFormMetadata>;

export function readDecisionFormMetadata(raw: string): TDecisionFormMetadata | undefined {
  return decodeJson(ZDecisionFormMetadata, raw);
}

export function rejectionFormModal(options: {
  request: TAccessRequestDetails;
  metadata: TDecisionFormMetadata;
  locale: TLocale;
}): ModalView {
  const copy = accessRequestsCopy(options.locale);
  return modal({
    callbackId: AccessRequestsViewId.REJECTION_FORM,
    title: copy("rejection.title"),
    submit: copy("rejection.submit"),
    close: copy("rejection.close"),
    privateMetadata: encodeJson(options.metadata),
    blocks: [
      section(
        copy("rejection.intro", {
          fullName: escapeMrkdwn(options.request.fullName),
          email: escapeMrkdwn(options.request.email),
        }),
      ),
      input(
        RejectionFormBlockId.NOTE,
        copy("rejection.note"),
        textInput(FIELD_ACTION_ID, { multiline: true, maxLength: ACCESS_REQUEST_REASON_MAX_LENGTH }),
        { optional: true, hint: copy("rejection.note_hint", { maximum: ACCESS_REQUEST_REASON_MAX_LENGTH }) },
      ),
    ],
  });
}

export function readRejectionForm(values: unknown): { note: string } {
  return { note: readValues(values)[RejectionFormBlockId.NOTE]?.[FIELD_ACTION_ID]?.value ?? "" };
}

const readValues = submittedValuesReader({ value: z.string().nullish() });
