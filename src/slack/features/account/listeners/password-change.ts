// Cambiar contraseña: the button (in a DM, /micuenta or the App Home) opens the modal — or, for
// someone whose account is gone or linked to someone else, says they are not linked; its
// submission runs the same use case as the portal's API. Each problem is answered on its field in
// the same request — which is why the bcrypt work (verify + hash, about half a second at cost 12)
// happens before this ack, unlike every admin flow. When many checks are queued (20 people at
// once), the ack says "Verificando…" in time and the outcome follows by views.update.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { changePassword } from "../../../../application/users/change-password.ts";
import { getOwnAccount } from "../../../../application/users/get-own-account.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { submissionErrors } from "../../../respond/error-responses.ts";
import { openModal } from "../../../respond/open-modal.ts";
import { AccountActionId, AccountViewId, PASSWORD_FORM_BLOCK_BY_FIELD, PasswordFormBlockId } from "../ids.ts";
import { notLinkedModal } from "../views/not-linked-modal.ts";
import {
  passwordChangedModal,
  passwordCheckingModal,
  passwordFormModal,
  readPasswordForm,
} from "../views/password-form-modal.ts";

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

  app.view(AccountViewId.PASSWORD_FORM, async ({ ack, view, client, context }) => {
    const requestContext = requestContextOf(context);
    const hasher = useCases.passwordHasher;
    // With many checks queued, this one would keep Slack waiting: say so at once.
    const budgetMs = hasher.backlog() >= LONG_QUEUE_PER_THREAD * hasher.parallelism() ? 0 : ANSWER_BUDGET_MS;
    const outcome = changePassword(useCases, {
      context: requestContext,
      input: readPasswordForm(view.state.values),
    }).then(
      () => ({ changed: true as const }),
      (error: unknown) => ({
        changed: false as const,
        errors: submissionErrors(error, {
          locale,
          blockIdByField: PASSWORD_FORM_BLOCK_BY_FIELD,
          fallbackBlockId: PasswordFormBlockId.CURRENT,
          requestId: requestContext.requestId,
          logger,
        }),
      }),
    );
    const inTime = await Promise.race([outcome, elapsed(budgetMs)]);
    if (inTime !== undefined) {
      await ack(
        inTime.changed
          ? { response_action: "update", view: passwordChangedModal(locale) }
          : { response_action: "errors", errors: inTime.errors },
      );
      return;
    }
    // Slack gets its answer in time; the outcome follows in the same modal (the change is never
    // applied behind an error: if the modal was closed, the DM and email notices still tell).
    await ack({ response_action: "update", view: passwordCheckingModal(locale) });
    const late = await outcome;
    const next = late.changed
      ? passwordChangedModal(locale)
      : passwordFormModal({
          locale,
          minimumLength: useCases.settings.passwordMinimumLength,
          errors: late.errors,
        });
    try {
      await client.views.update({ view_id: view.id, view: next });
    } catch (error) {
      logger.warn({ err: error, requestId: requestContext.requestId }, "could not show the password outcome");
    }
  });
}

/** What the modal may spend before acknowledging, well inside Slack's 3 seconds. */
const ANSWER_BUDGET_MS = 2_000;
/** Checks queued per bcrypt thread beyond which the answer would come too late. */
const LONG_QUEUE_PER_THREAD = 3;

function elapsed(milliseconds: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), milliseconds).unref());
}
