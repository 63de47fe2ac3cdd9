// "Mi cuenta": the caller's account (username, name, email, places by company) with the Cambiar
// contraseña button — shown by /micuenta, in reply to any DM, and on the App Home tab.
import type { TPortalUserDetails } from "../../../../application/users/portal-user-details.ts";
import { formatCalendarDate } from "../../../../i18n/format.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { contactLine } from "../../../help/help-message.ts";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  header,
  type KnownBlock,
  section,
} from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { accessRequestsCopy } from "../../access-requests/copy.ts";
import { AccessRequestsActionId } from "../../access-requests/ids.ts";
import { accountCopy } from "../copy.ts";
import { AccountActionId } from "../ids.ts";

function placesByCompany(user: TPortalUserDetails): string[] {
  const companies = new Map<string, string[]>();
  for (const place of user.places) {
    const company = `${escapeMrkdwn(place.companyLegalName)} (${escapeMrkdwn(place.rfc)})`;
    companies.set(company, [
      ...(companies.get(company) ?? []),
      `${escapeMrkdwn(place.postalCode)} — ${escapeMrkdwn(place.name)}`,
    ]);
  }
  return [...companies.entries()].map(([company, places]) => `• ${company}: ${places.join(", ")}`);
}

function contactBlocks(locale: TLocale, supportContact: string | undefined): KnownBlock[] {
  return [context(contactLine(locale, supportContact))];
}

function accessRequestOffer(
  accessRequest: { readonly openSince: Date | undefined },
  locale: TLocale,
): KnownBlock[] {
  const copy = accessRequestsCopy(locale);
  if (accessRequest.openSince !== undefined)
    return [section(copy("summary.request_open", { createdAt: accessRequest.openSince.toISOString() }))];
  return [
    section(copy("summary.request_hint")),
    actions("account.access_request", [
      button(copy("button.request"), AccessRequestsActionId.REQUEST, { style: "primary" }),
    ]),
  ];
}

export function accountSummaryBlocks(options: {
  user: TPortalUserDetails | undefined;
  locale: TLocale;
  supportContact: string | undefined;
  /** In a DM: remind not to type passwords as text. */
  inDirectMessage?: boolean;
  /** For someone with no account: Solicitar acceso is offered, or their open request is named. */
  accessRequest?: { readonly openSince: Date | undefined };
}): TMessageContent {
  const { user, locale } = options;
  const copy = accountCopy(locale);
  if (user === undefined) {
    return {
      text: copy("summary.not_linked"),
      blocks: [
        header(copy("summary.title")),
        section(copy("summary.not_linked")),
        ...(options.accessRequest === undefined ? [] : accessRequestOffer(options.accessRequest, locale)),
        ...contactBlocks(locale, options.supportContact),
      ],
    };
  }
  const states = [
    user.disabled ? copy("summary.disabled") : undefined,
    user.locked ? copy("summary.locked", { until: user.lockedUntil?.toISOString() ?? "" }) : undefined,
    !user.hasPassword
      ? user.invitationExpiresAt !== null
        ? copy("summary.awaiting_link")
        : copy("summary.awaiting_email")
      : user.passwordIsTemporary
        ? copy("summary.must_change")
        : undefined,
  ].filter((state): state is string => state !== undefined);
  const places = placesByCompany(user);
  const blocks: KnownBlock[] = [
    header(copy("summary.title")),
    section(
      [
        copy("summary.username", { username: escapeMrkdwn(user.username) }),
        copy("summary.full_name", { fullName: escapeMrkdwn(user.fullName) }),
        copy("summary.email", { email: escapeMrkdwn(user.email) }),
        ...(user.accessUntil === null
          ? []
          : [copy("summary.access_until", { date: formatCalendarDate(user.accessUntil, locale) })]),
      ].join("\n"),
    ),
    section(
      [copy("summary.places"), ...(places.length === 0 ? [copy("summary.no_places")] : places)].join("\n"),
    ),
    ...states.map((state) => section(state)),
    actions("account.actions", [
      button(copy("button.change_password"), AccountActionId.CHANGE_PASSWORD, { style: "primary" }),
    ]),
    ...(options.inDirectMessage ? [context(copy("summary.dm_hint"))] : []),
    ...contactBlocks(locale, options.supportContact),
  ];
  return { text: `${copy("summary.title")}: ${user.username}`, blocks };
}
