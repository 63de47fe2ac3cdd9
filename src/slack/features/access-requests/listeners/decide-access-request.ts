// Aprobar and Rechazar, on a request's message (the requests channel, an admin's DM) or in
// `/usuarios solicitudes`. Each is authorised again when it arrives: a support agent's click, or a
// stranger's forged one, is refused — told why, audited — before anything opens. Aprobar opens the
// create form filled from the request, whose submission creates the account and decides the request
// in one transaction; Rechazar opens the reason form. A request decided already is answered with who
// decided it and when. The admin's answer goes to the response_url, ephemeral, never replacing a
// channel message the others read (the outbox updates that one).
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import {
  approveAccessRequest,
  prepareAccessRequestApproval,
} from "../../../../application/access-requests/approve-access-request.ts";
import { prepareAccessRequestDecision } from "../../../../application/access-requests/prepare-access-request-decision.ts";
import { rejectAccessRequest } from "../../../../application/access-requests/reject-access-request.ts";
import { DomainError, ErrorCode } from "../../../../domain/errors.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { errorText, submissionErrors } from "../../../respond/error-responses.ts";
import { openModal } from "../../../respond/open-modal.ts";
import { postToResponseUrl } from "../../../respond/response-url.ts";
import { escapeMrkdwn, type ModalView, section } from "../../../ui/blocks.ts";
import { USER_FORM_BLOCK_BY_FIELD, UserFormBlockId } from "../../users/ids.ts";
import { readUserForm } from "../../users/views/user-form-modal.ts";
import { accessRequestsCopy } from "../copy.ts";
import {
  AccessRequestsActionId,
  AccessRequestsViewId,
  REJECTION_FORM_BLOCK_BY_FIELD,
  RejectionFormBlockId,
} from "../ids.ts";
import { approvalFormModal } from "../views/approval-form-modal.ts";
import {
  readDecisionFormMetadata,
  readRejectionForm,
  rejectionFormModal,
} from "../views/rejection-form-modal.ts";

/** The approval form shows no users menu: an error about the Slack user is said on the username. */
const APPROVAL_FORM_BLOCK_BY_FIELD: Readonly<Record<string, string>> = {
  ...USER_FORM_BLOCK_BY_FIELD,
  slackUserId: UserFormBlockId.USERNAME,
};

export function registerDecideAccessRequest(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;
  const copy = accessRequestsCopy(locale);

  /** Tells only the admin who clicked: ephemeral through the response_url, else (App Home) by DM. */
  async function tellClicker(
    client: WebClient,
    userId: string,
    responseUrl: string | undefined,
    text: string,
  ) {
    const blocks = [section(text)];
    if (responseUrl === undefined) {
      await client.chat.postMessage({ channel: userId, text, blocks });
      return;
    }
    await postToResponseUrl(
      responseUrl,
      { response_type: "ephemeral", replace_original: false, text, blocks },
      logger,
    );
  }

  for (const actionId of [AccessRequestsActionId.APPROVE, AccessRequestsActionId.REJECT]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, client, context }) => {
      const requestContext = requestContextOf(context);
      const accessRequestId = action.value ?? "";
      const metadata = {
        accessRequestId,
        ...(body.response_url === undefined ? {} : { responseUrl: body.response_url }),
      };
      let view: ModalView;
      try {
        view =
          actionId === AccessRequestsActionId.APPROVE
            ? approvalFormModal({
                approval: await prepareAccessRequestApproval(useCases, {
                  context: requestContext,
                  accessRequestId,
                }),
                metadata,
                locale,
              })
            : rejectionFormModal({
                request: await prepareAccessRequestDecision(useCases, {
                  context: requestContext,
                  accessRequestId,
                  kind: "reject",
                }),
                metadata,
                locale,
              });
      } catch (error) {
        await ack();
        await tellClicker(
          client,
          body.user.id,
          body.response_url,
          errorText(error, locale, requestContext.requestId, logger),
        );
        return;
      }
      await ack();
      await openModal(client, body.trigger_id, view, logger);
    });
  }

  app.view(AccessRequestsViewId.APPROVAL_FORM, async ({ ack, body, view, client, context }) => {
    const requestContext = requestContextOf(context);
    const metadata = readDecisionFormMetadata(view.private_metadata);
    const fields = readUserForm(view.state.values);
    let created: Awaited<ReturnType<typeof approveAccessRequest>>;
    try {
      if (metadata === undefined) throw new DomainError(ErrorCode.FORM_UNREADABLE);
      created = await approveAccessRequest(useCases, {
        context: requestContext,
        accessRequestId: metadata.accessRequestId,
        fields,
      });
    } catch (error) {
      await ack({
        response_action: "errors",
        errors: submissionErrors(error, {
          locale,
          blockIdByField: APPROVAL_FORM_BLOCK_BY_FIELD,
          fallbackBlockId: UserFormBlockId.USERNAME,
          requestId: requestContext.requestId,
          logger,
        }),
      });
      return;
    }
    await ack();
    if (metadata.responseUrl !== undefined)
      await tellClicker(
        client,
        body.user.id,
        metadata.responseUrl,
        copy("done.approved", {
          fullName: escapeMrkdwn(created.fullName),
          username: escapeMrkdwn(created.username),
          email: escapeMrkdwn(created.email),
        }),
      );
  });

  app.view(AccessRequestsViewId.REJECTION_FORM, async ({ ack, body, view, client, context }) => {
    const requestContext = requestContextOf(context);
    const metadata = readDecisionFormMetadata(view.private_metadata);
    let rejected: Awaited<ReturnType<typeof rejectAccessRequest>>;
    try {
      if (metadata === undefined) throw new DomainError(ErrorCode.FORM_UNREADABLE);
      rejected = await rejectAccessRequest(useCases, {
        context: requestContext,
        accessRequestId: metadata.accessRequestId,
        note: readRejectionForm(view.state.values).note,
      });
    } catch (error) {
      await ack({
        response_action: "errors",
        errors: submissionErrors(error, {
          locale,
          blockIdByField: REJECTION_FORM_BLOCK_BY_FIELD,
          fallbackBlockId: RejectionFormBlockId.NOTE,
          requestId: requestContext.requestId,
          logger,
        }),
      });
      return;
    }
    await ack();
    if (metadata.responseUrl !== undefined)
      await tellClicker(
        client,
        body.user.id,
        metadata.responseUrl,
        copy("done.rejected", { fullName: escapeMrkdwn(rejected.fullName) }),
      );
  });
}
