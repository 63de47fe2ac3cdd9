// The create / edit form's submission. Field errors are answered inside the modal, on the field, in
// the same request (response_action: errors) and nothing is stored; on success the modal closes,
// and after the ack the list is refreshed and, when no Slack user was picked, one is looked up
// by email (users.lookupByEmail) and linked.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { createPortalUser } from "../../../../application/users/create-portal-user.ts";
import type { TPortalUserDetails } from "../../../../application/users/portal-user-details.ts";
import { updatePortalUser } from "../../../../application/users/update-portal-user.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { submissionErrors } from "../../../respond/error-responses.ts";
import { postToResponseUrl } from "../../../respond/response-url.ts";
import { escapeMrkdwn } from "../../../ui/blocks.ts";
import { usersCopy } from "../copy.ts";
import { USER_FORM_BLOCK_BY_FIELD, UserFormBlockId, UsersViewId } from "../ids.ts";
import { readUserForm, type TUserFormMetadata, ZUserFormMetadata } from "../views/user-form-modal.ts";
import { renderUsersList } from "./render-users-list.ts";

function readMetadata(raw: string): TUserFormMetadata {
  try {
    return ZUserFormMetadata.parse(JSON.parse(raw));
  } catch {
    return {};
  }
}

export function registerUserFormSubmission(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;
  const copy = usersCopy(locale);

  app.view(UsersViewId.USER_FORM, async ({ ack, view, client, context }) => {
    const requestContext = requestContextOf(context);
    const metadata = readMetadata(view.private_metadata);
    const fields = readUserForm(view.state.values);
    let user: TPortalUserDetails;
    try {
      user =
        metadata.userId === undefined
          ? await createPortalUser(useCases, { context: requestContext, fields })
          : await updatePortalUser(useCases, {
              context: requestContext,
              user: { id: metadata.userId },
              fields,
            });
    } catch (error) {
      const errors = submissionErrors(error, {
        locale,
        blockIdByField: USER_FORM_BLOCK_BY_FIELD,
        fallbackBlockId: UserFormBlockId.USERNAME,
        requestId: requestContext.requestId,
        logger,
      });
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    const notice = copy(metadata.userId === undefined ? "done.created" : "done.updated", {
      username: escapeMrkdwn(user.username),
      email: escapeMrkdwn(user.email),
    });
    const linkedNotice =
      fields.slackUserId === undefined && user.slackUserId === null
        ? await linkByEmail(dependencies, client, requestContext, user)
        : undefined;
    if (metadata.responseUrl !== undefined) {
      const list = await renderUsersList(
        dependencies,
        requestContext,
        metadata.state ?? { p: 1 },
        [notice, linkedNotice].filter(Boolean).join("\n"),
      );
      await postToResponseUrl(metadata.responseUrl, { replace_original: true, ...list }, logger);
    }
  });
}

/** Links the new account to the Slack user with its email, when there is one and it is free. */
async function linkByEmail(
  dependencies: TSlackFeatureDependencies,
  client: WebClient,
  requestContext: TRequestContext,
  user: TPortalUserDetails,
): Promise<string | undefined> {
  let slackUserId: string | undefined;
  try {
    const found = await client.users.lookupByEmail({ email: user.email });
    slackUserId = found.user?.id;
  } catch {
    return undefined; // users_not_found, or Slack unreachable: the account simply stays unlinked.
  }
  if (slackUserId === undefined) return undefined;
  try {
    const linked = await updatePortalUser(dependencies.useCases, {
      context: requestContext,
      user: { id: user.id },
      fields: {
        username: user.username,
        fullName: user.fullName,
        email: user.email,
        slackUserId,
        placeIds: user.places.map((place) => place.id),
      },
    });
    return usersCopy(dependencies.locale)("done.linked", {
      username: escapeMrkdwn(linked.username),
      slackUserId,
    });
  } catch (error) {
    dependencies.logger.info(
      { err: error, requestId: requestContext.requestId },
      "could not link the Slack user found by email",
    );
    return undefined;
  }
}
