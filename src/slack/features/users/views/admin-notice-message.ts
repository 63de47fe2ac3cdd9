// What the admin who created or reset an account is told when its credentials email was refused
// for good: which account, which address, the server's reason, and a button to the account in the
// list (where Editar and Restablecer contraseña are at hand).
import type { TAdminNoticePayload } from "../../../../application/outbox/outbox-messages.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { actions, button, escapeMrkdwn, section, truncate } from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { usersCopy } from "../copy.ts";
import { UsersActionId } from "../ids.ts";
import { encodeValue } from "../list-state.ts";

export function adminNoticeMessage(payload: TAdminNoticePayload, locale: TLocale): TMessageContent {
  const copy = usersCopy(locale);
  const text = copy("notice.credentials_email_failed", {
    username: escapeMrkdwn(payload.username),
    email: escapeMrkdwn(payload.email),
    reason: escapeMrkdwn(truncate(payload.reason, 200)),
  });
  return {
    text,
    blocks: [
      section(text),
      actions("users.admin_notice", [
        button(copy("notice.show_account"), `${UsersActionId.PAGE}.show`, {
          value: encodeValue({ query: payload.username, page: 1 }),
          style: "primary",
        }),
      ]),
    ],
  };
}
