// The Otorgar rol form's submission. Errors are answered inside the modal, on the field, in the same
// request (ROLE_ALREADY_GRANTED on the user) and nothing is stored; on success the modal closes and
// the roles list it was opened from is refreshed.
import type { App } from "@slack/bolt";
import { grantRole } from "../../../../application/roles/grant-role.ts";
import { ErrorCode, ValidationError } from "../../../../domain/errors.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { submissionErrors } from "../../../respond/error-responses.ts";
import { postToResponseUrl } from "../../../respond/response-url.ts";
import { rolesCopy } from "../copy.ts";
import { GRANT_ROLE_BLOCK_BY_FIELD, GrantRoleBlockId, RolesViewId } from "../ids.ts";
import { renderRolesList } from "../screens/render-roles-list.ts";
import { readGrantRoleForm, readGrantRoleMetadata } from "../views/grant-role-modal.ts";
import { roleName } from "../views/role-name.ts";

export function registerGrantRoleSubmission(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;
  const copy = rolesCopy(locale);

  app.view(RolesViewId.GRANT_FORM, async ({ ack, view, context }) => {
    const requestContext = requestContextOf(context);
    const metadata = readGrantRoleMetadata(view.private_metadata);
    const fields = readGrantRoleForm(view.state.values);
    let granted: Awaited<ReturnType<typeof grantRole>>;
    try {
      // Slack only offers the two roles; any other value was not sent by this form.
      if (fields.role === undefined) throw ValidationError.single("role", ErrorCode.ROLE_INVALID);
      granted = await grantRole(useCases, {
        context: requestContext,
        slackUserId: fields.slackUserId,
        role: fields.role,
      });
    } catch (error) {
      const errors = submissionErrors(error, {
        locale,
        blockIdByField: GRANT_ROLE_BLOCK_BY_FIELD,
        fallbackBlockId: GrantRoleBlockId.SLACK_USER,
        requestId: requestContext.requestId,
        logger,
      });
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    if (metadata.responseUrl === undefined) return;
    const notice = copy("done.granted", {
      role: roleName(granted.role, locale),
      slackUserId: granted.slackUserId,
    });
    try {
      const list = await renderRolesList(dependencies, requestContext, notice);
      await postToResponseUrl(metadata.responseUrl, { replace_original: true, ...list }, logger);
    } catch (error) {
      // The role is granted and audited; only the refreshed list is lost.
      logger.warn({ err: error, requestId: requestContext.requestId }, "could not refresh the roles list");
    }
  });
}
