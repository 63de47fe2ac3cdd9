// Cambiar contraseña: the button (in a DM, /micuenta or the App Home) opens the modal — or, for
// someone whose account is gone or linked to someone else, says they are not linked; its
// submission runs the same use case as the portal's API. Each problem is answered on its field in
// the same request — which is why the bcrypt work (verify + hash, about half a second at cost 12)
// happens before this ack, unlike every admin flow.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { changePassword } from "../../../../application/users/change-password.ts";
import { getOwnAccount } from "../../../../application/users/get-own-account.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { submissionErrors } from "../../../respond/error-responses.ts";
import { openModal } from "../../../respond/open-modal.ts";
import { AccountActionId, AccountViewId, PASSWORD_FORM_BLOCK_BY_FIELD, PasswordFormBlockId } from "../ids.ts";
import { notLinkedModal } from "../views/not-linked-modal.ts";
import { passwordChangedModal, passwordFormModal, readPasswordForm } from "../views/password-form-modal.ts";

export function registerPasswordChange(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases, supportContact } = dependencies;

  app.action<BlockAction<ButtonAction>>(
    AccountActionId.CHANGE_PASSWORD,
    async ({ ack, body, client, context }) => {
      await ack();
      const user = await getOwnAccount(useCases, { context: requestContextOf(context) });
      await openModal(
        client,
        body.trigger_id,
        user === undefined
          ? notLinkedModal({ locale, supportContact })
          : passwordFormModal({ locale, minimumLength: useCases.settings.passwordMinimumLength }),
        logger,
      );
    },
  );

  app.view(AccountViewId.PASSWORD_FORM, async ({ ack, view, context }) => {
    const requestContext = requestContextOf(context);
    try {
      await changePassword(useCases, { context: requestContext, input: readPasswordForm(view.state.values) });
    } catch (error) {
      const errors = submissionErrors(error, {
        locale,
        blockIdByField: PASSWORD_FORM_BLOCK_BY_FIELD,
        fallbackBlockId: PasswordFormBlockId.CURRENT,
        requestId: requestContext.requestId,
        logger,
      });
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack({ response_action: "update", view: passwordChangedModal(locale) });
  });
}
