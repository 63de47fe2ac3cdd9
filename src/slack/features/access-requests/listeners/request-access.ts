// Solicitar acceso: the button (in "Mi cuenta" for someone with no account, wherever they meet the
// bot) opens the request form — or, for someone who holds an account or an open request already, a
// modal saying so. The form's problems are answered on their fields in the same request; a request
// refused as a whole (a second one sent at the same moment) replaces the form with the reason.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import {
  prepareAccessRequest,
  submitAccessRequest,
} from "../../../../application/access-requests/submit-access-request.ts";
import { isDomainError, ValidationError } from "../../../../domain/errors.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { errorText, submissionErrors } from "../../../respond/error-responses.ts";
import { openModal } from "../../../respond/open-modal.ts";
import { accessRequestsCopy } from "../copy.ts";
import {
  AccessRequestFormBlockId,
  AccessRequestsActionId,
  AccessRequestsViewId,
  REQUEST_FORM_BLOCK_BY_FIELD,
} from "../ids.ts";
import {
  accessRequestFormModal,
  accessRequestNoticeModal,
  readAccessRequestForm,
} from "../views/access-request-form-modal.ts";

export function registerRequestAccess(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;
  const copy = accessRequestsCopy(locale);

  app.action<BlockAction<ButtonAction>>(
    AccessRequestsActionId.REQUEST,
    async ({ ack, body, client, context }) => {
      const requestContext = requestContextOf(context);
      let view: ReturnType<typeof accessRequestFormModal>;
      try {
        view = accessRequestFormModal({
          companies: await prepareAccessRequest(useCases, { context: requestContext }),
          locale,
        });
      } catch (error) {
        view = accessRequestNoticeModal({
          title: "form.title",
          text: errorText(error, locale, requestContext.requestId, logger),
          locale,
        });
      }
      await ack();
      await openModal(client, body.trigger_id, view, logger);
    },
  );

  app.view(AccessRequestsViewId.REQUEST_FORM, async ({ ack, view, context }) => {
    const requestContext = requestContextOf(context);
    try {
      const request = await submitAccessRequest(useCases, {
        context: requestContext,
        fields: readAccessRequestForm(view.state.values),
      });
      await ack({
        response_action: "update",
        view: accessRequestNoticeModal({
          title: "sent.title",
          text: copy("sent.body", { expiresAt: request.expiresAt.toISOString() }),
          locale,
        }),
      });
    } catch (error) {
      if (isDomainError(error) && !(error instanceof ValidationError)) {
        await ack({
          response_action: "update",
          view: accessRequestNoticeModal({
            title: "form.title",
            text: errorText(error, locale, requestContext.requestId, logger),
            locale,
          }),
        });
        return;
      }
      await ack({
        response_action: "errors",
        errors: submissionErrors(error, {
          locale,
          blockIdByField: REQUEST_FORM_BLOCK_BY_FIELD,
          fallbackBlockId: AccessRequestFormBlockId.FULL_NAME,
          requestId: requestContext.requestId,
          logger,
        }),
      });
    }
  });
}
