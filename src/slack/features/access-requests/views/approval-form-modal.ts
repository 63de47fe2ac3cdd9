// Aprobar opens the create form of /usuarios, filled from the request: the username suggested from
// the name (editable), the name, email and places asked for. Its Slack user is the requester, said
// in words instead of the users menu (an approval links that person), and the request's Motivo is
// shown above the fields. Its own callback id: its submission approves the request.
import type { TAccessRequestApproval } from "../../../../application/access-requests/approve-access-request.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { context, escapeMrkdwn, type ModalView, plainText, section, truncate } from "../../../ui/blocks.ts";
import { encodeJson } from "../../../ui/json-values.ts";
import { UserFormBlockId } from "../../users/ids.ts";
import { userFormModal } from "../../users/views/user-form-modal.ts";
import { accessRequestsCopy } from "../copy.ts";
import { AccessRequestsViewId } from "../ids.ts";
import type { TDecisionFormMetadata } from "./rejection-form-modal.ts";

export function approvalFormModal(options: {
  approval: TAccessRequestApproval;
  metadata: TDecisionFormMetadata;
  locale: TLocale;
}): ModalView {
  const { request, change, suggestedUsername } = options.approval;
  const copy = accessRequestsCopy(options.locale);
  const form = userFormModal({
    draft: {
      username: suggestedUsername,
      fullName: request.fullName,
      email: request.email,
      places: request.places,
    },
    placeChoices: change.placeChoices,
    metadata: {},
    locale: options.locale,
  });
  const blocks = form.blocks.map((block) =>
    block.block_id === UserFormBlockId.SLACK_USER
      ? section(copy("approval.requester", { slackUserId: request.slackUserId }))
      : block,
  );
  return {
    ...form,
    callback_id: AccessRequestsViewId.APPROVAL_FORM,
    title: plainText(copy("approval.title"), 24),
    submit: plainText(copy("approval.submit"), 24),
    private_metadata: encodeJson(options.metadata),
    blocks: [
      context(copy("approval.reason", { reason: escapeMrkdwn(truncate(request.reason, 600)) })),
      ...blocks,
    ],
  };
}
