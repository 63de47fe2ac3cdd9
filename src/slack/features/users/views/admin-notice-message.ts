// What an admin is told by DM about an account: to the admin who created or reset it, that its
// credentials email was refused for good (which address, the server's reason); to every admin, that
// Slack deactivated its person and the account was disabled; to the admin who set its Acceso hasta,
// that the date passed and the account was disabled. A button opens the account in the list.
import type { TAdminNoticePayload } from "../../../../application/outbox/outbox-messages.ts";
import { formatCalendarDate } from "../../../../i18n/format.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { actions, button, escapeMrkdwn, section, truncate } from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { usersCopy } from "../copy.ts";
import { UsersActionId } from "../ids.ts";
import { encodeValue } from "../list-state.ts";

export function adminNoticeMessage(payload: TAdminNoticePayload, locale: TLocale): TMessageContent {
  const copy = usersCopy(locale);
  const names = { username: escapeMrkdwn(payload.username), email: escapeMrkdwn(payload.email) };
  const text =
    payload.notice === "slack_person_deactivated"
      ? [
          copy("notice.slack_person_deactivated", names),
          ...(payload.reason === "reconciliation" || payload.reason === "user_change_event"
            ? [copy(`notice.slack_person_deactivated_by.${payload.reason}`)]
            : []),
        ].join(" ")
      : payload.notice === "access_expired"
        ? copy("notice.access_expired", { ...names, date: formatCalendarDate(payload.reason, locale) })
        : copy("notice.credentials_email_failed", {
            ...names,
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
