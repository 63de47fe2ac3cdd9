// `/usuarios [buscar <texto> | nuevo | editar <cuenta> | restablecer <cuenta> | eliminar <cuenta> | roles | solicitudes | ayuda]`.
// Messages are answered in the ack itself; a form is opened right after the ack, while the
// trigger_id is fresh.
import type { App } from "@slack/bolt";
import { newConfirmationId } from "../../../../application/confirmations.ts";
import { getPortalUser } from "../../../../application/users/get-portal-user.ts";
import { AuditAction } from "../../../../domain/audit-actions.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { errorText } from "../../../respond/error-responses.ts";
import { openModal } from "../../../respond/open-modal.ts";
import { renderOpenRequests } from "../../access-requests/screens/render-open-requests.ts";
import { renderRolesList } from "../../roles/screens/render-roles-list.ts";
import { USERS_COMMAND } from "../ids.ts";
import { parseUsersCommand } from "../parse-users-command.ts";
import { buildUserForm } from "../screens/build-user-form.ts";
import { renderUsersList } from "../screens/render-users-list.ts";
import { confirmationMessage } from "../views/confirmation-message.ts";
import { usersHelpMessage } from "../views/users-help-message.ts";

export function registerUsersCommand(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;
  app.command(USERS_COMMAND, async ({ command, ack, context, client }) => {
    const requestContext = requestContextOf(context);
    const parsed = parseUsersCommand(command.text);
    try {
      switch (parsed.verb) {
        case "help":
          await ack({ response_type: "ephemeral", ...usersHelpMessage(locale, dependencies.supportContact) });
          return;
        case "list":
          await ack({
            response_type: "ephemeral",
            ...(await renderUsersList(dependencies, requestContext, { query: parsed.query, page: 1 })),
          });
          return;
        case "roles":
          await ack({ response_type: "ephemeral", ...(await renderRolesList(dependencies, requestContext)) });
          return;
        case "requests":
          await ack({
            response_type: "ephemeral",
            ...(await renderOpenRequests(dependencies, requestContext)),
          });
          return;
        case "new":
        case "edit": {
          const view = await buildUserForm(dependencies, {
            requestContext,
            user: parsed.verb === "edit" ? { username: parsed.account } : undefined,
            responseUrl: command.response_url,
            state: { page: 1 },
          });
          await ack();
          await openModal(client, command.trigger_id, view, logger);
          return;
        }
        case "reset":
        case "delete": {
          const user = await getPortalUser(useCases, {
            context: requestContext,
            user: { username: parsed.account },
            beforeChange:
              parsed.verb === "delete" ? AuditAction.USER_DELETED : AuditAction.USER_PASSWORD_RESET,
          });
          await ack({
            response_type: "ephemeral",
            ...confirmationMessage({
              kind: parsed.verb,
              user,
              state: { page: 1 },
              locale,
              confirmationId: newConfirmationId(),
              credentialDelivery: useCases.settings.credentialDelivery,
            }),
          });
          return;
        }
      }
    } catch (error) {
      await ack({
        response_type: "ephemeral",
        text: errorText(error, locale, requestContext.requestId, logger),
      });
    }
  });
}
