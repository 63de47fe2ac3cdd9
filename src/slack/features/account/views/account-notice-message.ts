// The DMs a linked portal user receives: the welcome after creation, a notice after each
// credential change and after a lock, and the warning that its Acceso hasta is near. Each offers the Cambiar contraseña button; none holds a secret.
import type { TCredentialDelivery } from "../../../../application/dependencies.ts";
import type { TSlackDirectMessagePayload } from "../../../../application/outbox/outbox-messages.ts";
import type { TPortalUserDetails } from "../../../../application/users/portal-user-details.ts";
import { formatCalendarDate } from "../../../../i18n/format.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { actions, button, escapeMrkdwn, section } from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { accountCopy } from "../copy.ts";
import { AccountActionId } from "../ids.ts";

export function accountNoticeMessage(
  message: TSlackDirectMessagePayload["message"],
  user: TPortalUserDetails,
  locale: TLocale,
  /** CREDENTIAL_DELIVERY=link: the welcome speaks of the link, and offers no password change (there is none yet). */
  credentialDelivery: TCredentialDelivery = "password",
): TMessageContent {
  const copy = accountCopy(locale);
  const values = {
    fullName: escapeMrkdwn(user.fullName),
    username: escapeMrkdwn(user.username),
    email: escapeMrkdwn(user.email),
    expires: user.passwordExpiresAt?.toISOString() ?? "",
    until: user.lockedUntil?.toISOString() ?? "",
    date: user.accessUntil === null ? "" : formatCalendarDate(user.accessUntil, locale),
  };
  const byLink = message === "welcome" && credentialDelivery === "link";
  const text = byLink
    ? copy("notice.welcome_link", values)
    : message === "welcome"
      ? copy(user.passwordExpiresAt === null ? "notice.welcome_no_expiry" : "notice.welcome", values)
      : message === "credentials_changed"
        ? copy("notice.credentials_changed", values)
        : message === "access_expiring"
          ? copy("notice.access_expiring", values)
          : copy("notice.account_locked", values);
  return {
    text,
    blocks: [
      section(text),
      ...(byLink
        ? []
        : [
            actions("account.notice", [
              button(copy("button.change_password"), AccountActionId.CHANGE_PASSWORD, { style: "primary" }),
            ]),
          ]),
    ],
  };
}
