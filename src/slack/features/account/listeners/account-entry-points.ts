// Where a portal user meets their account: /micuenta, any DM to the bot, and the App Home tab. All
// three show the same "Mi cuenta" summary with the Cambiar contraseña button. A DM's text is never
// read back, logged or stored: someone may have typed a password into it.
import type { App } from "@slack/bolt";
import { findOwnOpenAccessRequest } from "../../../../application/access-requests/submit-access-request.ts";
import { actorHolds } from "../../../../application/authorization.ts";
import { getOwnAccount } from "../../../../application/users/get-own-account.ts";
import type { TPortalUserDetails } from "../../../../application/users/portal-user-details.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import { Permission } from "../../../../domain/roles.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { errorText } from "../../../respond/error-responses.ts";
import { ACCOUNT_COMMAND } from "../ids.ts";
import { accountHomeView } from "../views/account-home-view.ts";
import { accountSummaryBlocks } from "../views/account-summary.ts";

export function registerAccountEntryPoints(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases, supportContact } = dependencies;

  /** Someone with no account is offered Solicitar acceso, or told their request is open. */
  async function accessRequestOf(user: TPortalUserDetails | undefined, context: TRequestContext) {
    if (user !== undefined) return undefined;
    const open = await findOwnOpenAccessRequest(useCases, { context });
    return { openSince: open?.createdAt };
  }

  app.command(ACCOUNT_COMMAND, async ({ ack, context }) => {
    const requestContext = requestContextOf(context);
    try {
      const user = await getOwnAccount(useCases, { context: requestContext });
      const accessRequest = await accessRequestOf(user, requestContext);
      await ack({
        response_type: "ephemeral",
        ...accountSummaryBlocks({ user, locale, supportContact, accessRequest }),
      });
    } catch (error) {
      await ack({
        response_type: "ephemeral",
        text: errorText(error, locale, requestContext.requestId, logger),
      });
    }
  });

  app.message(async ({ message, say, context }) => {
    // Only people writing to the bot in its DM; edits, joins and bot messages have a subtype.
    if (message.channel_type !== "im" || message.subtype !== undefined) return;
    const requestContext = requestContextOf(context);
    try {
      const user = await getOwnAccount(useCases, { context: requestContext });
      const accessRequest = await accessRequestOf(user, requestContext);
      await say(accountSummaryBlocks({ user, locale, supportContact, inDirectMessage: true, accessRequest }));
    } catch (error) {
      await say(errorText(error, locale, requestContext.requestId, logger));
    }
  });

  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    const requestContext = requestContextOf(context);
    try {
      const user = await getOwnAccount(useCases, { context: requestContext });
      const isAdmin = await actorHolds(useCases, requestContext, Permission.USERS_WRITE);
      const accessRequest = await accessRequestOf(user, requestContext);
      await client.views.publish({
        user_id: event.user,
        view: accountHomeView({ user, isAdmin, locale, supportContact, accessRequest }),
      });
    } catch (error) {
      logger.warn({ err: error, requestId: requestContext.requestId }, "could not publish the App Home");
    }
  });
}
