// "¿Quitar el rol …?" with Sí (danger) and No. Both answers return to the roles list.
import type { TLocale } from "../../../../i18n/locale.ts";
import { actions, button, section } from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { rolesCopy } from "../copy.ts";
import { encodeHolderValue, type THolderValue } from "../holder-value.ts";
import { RolesActionId, RolesBlockId } from "../ids.ts";
import { roleName } from "./role-name.ts";

export function revokeConfirmationMessage(options: {
  holder: THolderValue;
  locale: TLocale;
}): TMessageContent {
  const { holder, locale } = options;
  const copy = rolesCopy(locale);
  const question = copy("confirm.revoke", {
    role: roleName(holder.role, locale),
    slackUserId: holder.slackUserId,
  });
  return {
    text: question,
    blocks: [
      section(question),
      actions(RolesBlockId.CONFIRM_REVOKE, [
        button(copy("confirm.yes"), RolesActionId.CONFIRM_REVOKE, {
          value: encodeHolderValue(holder),
          style: "danger",
        }),
        button(copy("confirm.no"), RolesActionId.CANCEL),
      ]),
    ],
  };
}
