// "¿Eliminar…?" / "¿Restablecer…?" with Sí (danger) and No. Both answers return to the list.
import type { TCredentialDelivery } from "../../../../application/dependencies.ts";
import type { TPortalUserDetails } from "../../../../application/users/portal-user-details.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { actions, button, escapeMrkdwn, section } from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { usersCopy } from "../copy.ts";
import { UsersActionId } from "../ids.ts";
import { encodeValue, type TListState } from "../list-state.ts";

export function confirmationMessage(options: {
  kind: "delete" | "reset";
  user: TPortalUserDetails;
  state: TListState;
  locale: TLocale;
  /** A new id for this question: its Sí acts once. */
  confirmationId: string;
  /** CREDENTIAL_DELIVERY: a reset emails a new temporary password, or a new link. */
  credentialDelivery?: TCredentialDelivery;
}): TMessageContent {
  const copy = usersCopy(options.locale);
  const resetKey = options.credentialDelivery === "link" ? "confirm.reset_link" : "confirm.reset";
  const question = copy(options.kind === "delete" ? "confirm.delete" : resetKey, {
    username: escapeMrkdwn(options.user.username),
    fullName: escapeMrkdwn(options.user.fullName),
    email: escapeMrkdwn(options.user.email),
  });
  const value = encodeValue({
    ...options.state,
    userId: options.user.id,
    confirmation: options.confirmationId,
  });
  return {
    text: question,
    blocks: [
      section(question),
      actions(`users.confirm.${options.kind}`, [
        button(
          copy("confirm.yes"),
          options.kind === "delete" ? UsersActionId.CONFIRM_DELETE : UsersActionId.CONFIRM_RESET,
          {
            value,
            style: "danger",
          },
        ),
        button(copy("confirm.no"), UsersActionId.CANCEL, { value: encodeValue(options.state) }),
      ]),
    ],
  };
}
