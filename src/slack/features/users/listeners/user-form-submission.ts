// The create / edit form's submission. Field errors are answered inside the modal, on the field, in
// the same request (response_action: errors) and nothing is stored; on success the modal closes and
// the list is refreshed. A create with no Slack user picked links the person Slack finds by the
// email (users.lookupByEmail), inside the create. A form whose private_metadata cannot be read is
// refused: it might be an edit, and reading it as a create would make a second account.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { SlackDirectory } from "../../../../application/ports/slack-directory.ts";
import { createPortalUser } from "../../../../application/users/create-portal-user.ts";
import type { TPortalUserDetails } from "../../../../application/users/portal-user-details.ts";
import { updatePortalUser } from "../../../../application/users/update-portal-user.ts";
import { DomainError, ErrorCode } from "../../../../domain/errors.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import { requestContextOf } from "../../../request-context.ts";
import { submissionErrors } from "../../../respond/error-responses.ts";
import { postToResponseUrl } from "../../../respond/response-url.ts";
import { escapeMrkdwn } from "../../../ui/blocks.ts";
import { usersCopy } from "../copy.ts";
import { USER_FORM_BLOCK_BY_FIELD, UserFormBlockId, UsersViewId } from "../ids.ts";
import { renderUsersList } from "../screens/render-users-list.ts";
import { readUserForm, readUserFormMetadata } from "../views/user-form-modal.ts";

function slackDirectoryOf(client: WebClient): SlackDirectory {
  return {
    async slackUserIdByEmail(email) {
      try {
        return (await client.users.lookupByEmail({ email })).user?.id;
      } catch (error) {
        if ((error as { data?: { error?: string } }).data?.error === "users_not_found") return undefined;
        throw error;
      }
    },
  };
}

export function registerUserFormSubmission(app: App, dependencies: TSlackFeatureDependencies): void {
  const { locale, logger, useCases } = dependencies;
  const copy = usersCopy(locale);

  app.view(UsersViewId.USER_FORM, async ({ ack, view, client, context }) => {
    const requestContext = requestContextOf(context);
    const metadata = readUserFormMetadata(view.private_metadata);
    const fields = readUserForm(view.state.values);
    let user: TPortalUserDetails;
    try {
      if (metadata === undefined) throw new DomainError(ErrorCode.FORM_UNREADABLE);
      user =
        metadata.userId === undefined
          ? await createPortalUser(useCases, {
              context: requestContext,
              fields,
              slackDirectory: slackDirectoryOf(client),
            })
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
    const createdKey =
      dependencies.useCases.settings.credentialDelivery === "link" ? "done.created_link" : "done.created";
    const notice = copy(metadata.userId === undefined ? createdKey : "done.updated", {
      username: escapeMrkdwn(user.username),
      email: escapeMrkdwn(user.email),
    });
    const linkedByEmail = metadata.userId === undefined && !fields.slackUserId && user.slackUserId !== null;
    const linkedNotice = linkedByEmail
      ? copy("done.linked", { username: escapeMrkdwn(user.username), slackUserId: user.slackUserId ?? "" })
      : undefined;
    if (metadata.responseUrl !== undefined) {
      const list = await renderUsersList(
        dependencies,
        requestContext,
        metadata.state ?? { page: 1 },
        [notice, linkedNotice].filter(Boolean).join("\n"),
      );
      await postToResponseUrl(metadata.responseUrl, { replace_original: true, ...list }, logger);
    }
  });
}
