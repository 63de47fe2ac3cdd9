// The buttons of the roles list: Otorgar rol (opens the form), Quitar (asks Sí / No), Sí (revokes;
// the last admin is refused with LAST_ADMIN) and No. Each is authorised again when it arrives.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { actorHolds, requirePermission } from "../../../../application/authorization.ts";
import { revokeRole } from "../../../../application/roles/revoke-role.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import { AuditAction } from "../../../../domain/audit-actions.ts";
import { ErrorCode, isDomainError } from "../../../../domain/errors.ts";
import { Permission } from "../../../../domain/roles.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { errorText } from "../../../respond/error-responses.ts";
import { openModal } from "../../../respond/open-modal.ts";
import { replaceMessage, type TRespond } from "../../../respond/replace-message.ts";
import { rolesCopy } from "../copy.ts";
import { decodeHolderValue } from "../holder-value.ts";
import { RolesActionId } from "../ids.ts";
import { renderRolesList } from "../screens/render-roles-list.ts";
import { grantRoleModal } from "../views/grant-role-modal.ts";
import { revokeConfirmationMessage } from "../views/revoke-confirmation-message.ts";
import { roleName } from "../views/role-name.ts";

type TButtonAction = BlockAction<ButtonAction>;

export function registerRolesActions(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;
  const copy = rolesCopy(locale);

  /** Replaces the message with the roles list, an optional notice on top. */
  async function showList(respond: TRespond, context: TRequestContext, notice?: string) {
    // Someone who just gave up their own last role can no longer read the list: the notice alone.
    if (notice !== undefined && !(await actorHolds(useCases, context, Permission.USERS_READ))) {
      await respond({ replace_original: true, text: notice });
      return;
    }
    await replaceMessage(respond, () => renderRolesList(dependencies, context, notice), {
      context,
      locale,
      logger,
    });
  }

  app.action<TButtonAction>(RolesActionId.GRANT, async ({ ack, body, respond, client, context }) => {
    const requestContext = requestContextOf(context);
    try {
      await requirePermission(useCases, requestContext, Permission.ROLES_WRITE, {
        action: AuditAction.ROLE_GRANTED,
      });
      await ack();
      await openModal(
        client,
        body.trigger_id,
        grantRoleModal({ metadata: { responseUrl: body.response_url }, locale }),
        logger,
      );
    } catch (error) {
      await ack();
      await respond({
        replace_original: false,
        response_type: "ephemeral",
        text: errorText(error, locale, requestContext.requestId, logger),
      });
    }
  });

  app.action<TButtonAction>(RolesActionId.ASK_REVOKE, async ({ ack, action, respond, context }) => {
    await ack();
    const requestContext = requestContextOf(context);
    const holder = decodeHolderValue(action.value);
    if (holder === undefined) return;
    try {
      await requirePermission(useCases, requestContext, Permission.ROLES_WRITE, {
        action: AuditAction.ROLE_REVOKED,
        target: { type: "slack_user", id: holder.slackUserId, label: holder.slackUserId },
      });
      await respond({ replace_original: true, ...revokeConfirmationMessage({ holder, locale }) });
    } catch (error) {
      await showList(respond, requestContext, errorText(error, locale, requestContext.requestId, logger));
    }
  });

  app.action<TButtonAction>(RolesActionId.CONFIRM_REVOKE, async ({ ack, action, respond, context }) => {
    await ack();
    const requestContext = requestContextOf(context);
    const holder = decodeHolderValue(action.value);
    if (holder === undefined) return;
    const named = { role: roleName(holder.role, locale), slackUserId: holder.slackUserId };
    let notice: string;
    try {
      await revokeRole(useCases, {
        context: requestContext,
        slackUserId: holder.slackUserId,
        role: holder.role,
      });
      notice = copy("done.revoked", named);
    } catch (error) {
      // A second Sí finds the role already gone: the first one did the work.
      notice =
        isDomainError(error) && error.code === ErrorCode.ROLE_NOT_GRANTED
          ? copy("done.already_revoked", named)
          : errorText(error, locale, requestContext.requestId, logger);
    }
    await showList(respond, requestContext, notice);
  });

  app.action<TButtonAction>(RolesActionId.CANCEL, async ({ ack, respond, context }) => {
    await ack();
    await showList(respond, requestContextOf(context));
  });
}
