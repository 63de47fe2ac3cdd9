// The buttons of the /usuarios list: paging, Nuevo usuario, Editar, Eliminar and Restablecer
// (each asking Sí / No), Deshabilitar / Habilitar, Desbloquear. Each is acked at once, authorised
// again by its use case, and answered by replacing the list message.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { newConfirmationId } from "../../../../application/confirmations.ts";
import { deletePortalUser } from "../../../../application/users/delete-portal-user.ts";
import { disablePortalUser } from "../../../../application/users/disable-portal-user.ts";
import { enablePortalUser } from "../../../../application/users/enable-portal-user.ts";
import type { TPortalUserReference } from "../../../../application/users/find-portal-user.ts";
import { getPortalUser } from "../../../../application/users/get-portal-user.ts";
import type { TPortalUserDetails } from "../../../../application/users/portal-user-details.ts";
import { resetPortalUserPassword } from "../../../../application/users/reset-portal-user-password.ts";
import { unlockPortalUser } from "../../../../application/users/unlock-portal-user.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import { AuditAction } from "../../../../domain/audit-actions.ts";
import { ErrorCode, isDomainError } from "../../../../domain/errors.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { errorText } from "../../../respond/error-responses.ts";
import { openModal } from "../../../respond/open-modal.ts";
import { replaceMessage, type TRespond } from "../../../respond/replace-message.ts";
import { escapeMrkdwn } from "../../../ui/blocks.ts";
import { usersCopy } from "../copy.ts";
import { UsersActionId } from "../ids.ts";
import { decodeListState, decodeRowValue, type TListState } from "../list-state.ts";
import { buildUserForm } from "../screens/build-user-form.ts";
import { renderUsersList } from "../screens/render-users-list.ts";
import { confirmationMessage } from "../views/confirmation-message.ts";

type TButtonAction = BlockAction<ButtonAction>;

type TRowChange = (
  dependencies: TSlackFeatureDependencies["useCases"],
  options: { context: TRequestContext; user: TPortalUserReference; confirmationId?: string },
) => Promise<TPortalUserDetails>;

type TDoneKey = "done.deleted" | "done.reset" | "done.disabled" | "done.enabled" | "done.unlocked";

interface TRowChangeEntry {
  readonly actionId: string;
  readonly change: TRowChange;
  readonly doneKey: TDoneKey;
  /** A Sí button's change: it needs the question's id, and says this when the id was used already. */
  readonly confirmed?: "done.already_gone" | "done.already_reset";
}

const ROW_CHANGES: readonly TRowChangeEntry[] = [
  {
    actionId: UsersActionId.CONFIRM_DELETE,
    change: deletePortalUser,
    doneKey: "done.deleted",
    confirmed: "done.already_gone",
  },
  {
    actionId: UsersActionId.CONFIRM_RESET,
    change: resetPortalUserPassword,
    doneKey: "done.reset",
    confirmed: "done.already_reset",
  },
  { actionId: UsersActionId.DISABLE, change: disablePortalUser, doneKey: "done.disabled" },
  { actionId: UsersActionId.ENABLE, change: enablePortalUser, doneKey: "done.enabled" },
  { actionId: UsersActionId.UNLOCK, change: unlockPortalUser, doneKey: "done.unlocked" },
];

export function registerUsersActions(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;
  const copy = usersCopy(locale);

  /** Replaces the list message with the list at `state`, an optional notice on top; errors become the notice. */
  async function showList(respond: TRespond, context: TRequestContext, state: TListState, notice?: string) {
    await replaceMessage(respond, () => renderUsersList(dependencies, context, state, notice), {
      context,
      locale,
      logger,
    });
  }

  app.action<TButtonAction>(
    new RegExp(`^${UsersActionId.PAGE.replace(".", "\\.")}\\.`),
    async ({ ack, action, respond, context }) => {
      await ack();
      await showList(respond, requestContextOf(context), decodeListState(action.value));
    },
  );

  app.action<TButtonAction>(UsersActionId.CANCEL, async ({ ack, action, respond, context }) => {
    await ack();
    await showList(respond, requestContextOf(context), decodeListState(action.value));
  });

  for (const actionId of [UsersActionId.NEW_USER, UsersActionId.EDIT]) {
    app.action<TButtonAction>(actionId, async ({ ack, action, body, respond, client, context }) => {
      const requestContext = requestContextOf(context);
      const row = decodeRowValue(action.value);
      const state = row ?? decodeListState(action.value);
      try {
        const view = await buildUserForm(dependencies, {
          requestContext,
          user: actionId === UsersActionId.EDIT && row !== undefined ? { id: row.userId } : undefined,
          responseUrl: body.response_url,
          state: { ...(state.query === undefined ? {} : { query: state.query }), page: state.page },
        });
        await ack();
        await openModal(client, body.trigger_id, view, logger);
      } catch (error) {
        await ack();
        const text = errorText(error, locale, requestContext.requestId, logger);
        // Nuevo usuario is also on the App Home tab, whose clicks carry no response_url: the
        // refusal (or any other error) is told in the person's DM with the bot instead.
        if (body.response_url === undefined) {
          await client.chat.postMessage({ channel: body.user.id, text });
          return;
        }
        await respond({ replace_original: false, response_type: "ephemeral", text });
      }
    });
  }

  for (const [actionId, kind] of [
    [UsersActionId.ASK_DELETE, "delete"],
    [UsersActionId.ASK_RESET, "reset"],
  ] as const) {
    app.action<TButtonAction>(actionId, async ({ ack, action, respond, context }) => {
      await ack();
      const requestContext = requestContextOf(context);
      const row = decodeRowValue(action.value);
      if (row === undefined) return;
      try {
        const user = await getPortalUser(useCases, {
          context: requestContext,
          user: { id: row.userId },
          beforeChange: kind === "delete" ? AuditAction.USER_DELETED : AuditAction.USER_PASSWORD_RESET,
        });
        await respond({
          replace_original: true,
          ...confirmationMessage({
            kind,
            user,
            state: row,
            locale,
            confirmationId: newConfirmationId(),
            credentialDelivery: useCases.settings.credentialDelivery,
          }),
        });
      } catch (error) {
        await showList(
          respond,
          requestContext,
          row,
          errorText(error, locale, requestContext.requestId, logger),
        );
      }
    });
  }

  for (const { actionId, change, doneKey, confirmed } of ROW_CHANGES) {
    app.action<TButtonAction>(actionId, async ({ ack, action, respond, context }) => {
      await ack();
      const requestContext = requestContextOf(context);
      const row = decodeRowValue(action.value);
      if (row === undefined) return;
      if (confirmed !== undefined && row.confirmation === undefined) {
        // A Sí that no question of ours carried: there is nothing it confirms.
        await showList(respond, requestContext, row, copy("done.not_confirmed"));
        return;
      }
      let notice: string;
      try {
        const user = await change(useCases, {
          context: requestContext,
          user: { id: row.userId },
          ...(row.confirmation === undefined ? {} : { confirmationId: row.confirmation }),
        });
        const byLink = doneKey === "done.reset" && useCases.settings.credentialDelivery === "link";
        notice = copy(byLink ? "done.reset_link" : doneKey, {
          username: escapeMrkdwn(user.username),
          email: escapeMrkdwn(user.email),
        });
      } catch (error) {
        // A second Sí of one question: the first one did the work (or the account is gone since).
        const alreadyDone =
          confirmed !== undefined &&
          isDomainError(error) &&
          (error.code === ErrorCode.CONFIRMATION_USED || error.code === ErrorCode.USER_NOT_FOUND);
        notice = alreadyDone
          ? copy(error.code === ErrorCode.USER_NOT_FOUND ? "done.already_gone" : confirmed)
          : errorText(error, locale, requestContext.requestId, logger);
      }
      await showList(respond, requestContext, row, notice);
    });
  }
}
