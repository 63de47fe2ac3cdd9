// The /usuarios catalogue as a message: 10 accounts a page, each with its places and state, and
// (for admins) the buttons that act on it.
import type { TPortalUserPage } from "../../../../application/users/list-portal-users.ts";
import type { TPortalUserDetails } from "../../../../application/users/portal-user-details.ts";
import { formatCalendarDate } from "../../../../i18n/format.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import {
  actions,
  button,
  context,
  divider,
  escapeMrkdwn,
  header,
  type KnownBlock,
  section,
  truncate,
} from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { usersCopy } from "../copy.ts";
import { UsersActionId } from "../ids.ts";
import { encodeValue, type TListState } from "../list-state.ts";

const PLACES_SHOWN_PER_ROW = 2;

export function userSummaryLines(user: TPortalUserDetails, locale: TLocale): string {
  const copy = usersCopy(locale);
  const places =
    user.places.length === 0
      ? copy("row.no_places")
      : [
          ...user.places.slice(0, PLACES_SHOWN_PER_ROW).map((place) => escapeMrkdwn(place.label)),
          ...(user.places.length > PLACES_SHOWN_PER_ROW
            ? [copy("row.more_places", { count: user.places.length - PLACES_SHOWN_PER_ROW })]
            : []),
        ].join(" · ");
  const states = [
    user.disabled ? copy("status.disabled") : undefined,
    user.slackPersonGone ? copy("status.slack_person_gone") : undefined,
    user.accessUntil === null
      ? undefined
      : copy(user.accessEnded ? "status.access_ended" : "status.access_until", {
          date: formatCalendarDate(user.accessUntil, locale),
        }),
    user.locked ? copy("status.locked", { until: user.lockedUntil?.toISOString() ?? "" }) : undefined,
    user.credentialEmailRefused !== null
      ? copy("status.email_refused", {
          reason: escapeMrkdwn(truncate(user.credentialEmailRefused.reason, 120)),
        })
      : !user.hasPassword
        ? user.invitationExpiresAt !== null
          ? copy("status.invitation_sent", { expires: user.invitationExpiresAt.toISOString() })
          : copy("status.awaiting_email")
        : user.passwordIsTemporary
          ? copy("status.temporary")
          : undefined,
    user.slackUserId === null ? undefined : copy("status.linked", { slackUserId: user.slackUserId }),
  ].filter((state): state is string => state !== undefined);
  return [
    `*${escapeMrkdwn(user.username)}* — ${escapeMrkdwn(user.fullName)}`,
    `${escapeMrkdwn(user.email)}`,
    places,
    ...(states.length === 0 ? [] : [states.join(" · ")]),
  ].join("\n");
}

function rowButtons(user: TPortalUserDetails, state: TListState, locale: TLocale) {
  const copy = usersCopy(locale);
  const value = encodeValue({ ...state, userId: user.id });
  return [
    button(copy("row.edit"), UsersActionId.EDIT, { value }),
    button(copy("row.reset"), UsersActionId.ASK_RESET, { value }),
    user.disabled
      ? button(copy("row.enable"), UsersActionId.ENABLE, { value })
      : button(copy("row.disable"), UsersActionId.DISABLE, { value }),
    ...(user.locked ? [button(copy("row.unlock"), UsersActionId.UNLOCK, { value })] : []),
    button(copy("row.delete"), UsersActionId.ASK_DELETE, { value, style: "danger" }),
  ];
}

export function usersListMessage(options: {
  page: TPortalUserPage;
  query: string | undefined;
  canManage: boolean;
  locale: TLocale;
  /** A line above the list saying what just happened ("Se eliminó al usuario …"). */
  notice?: string;
}): TMessageContent {
  const { page, query, canManage, locale } = options;
  const copy = usersCopy(locale);
  const state: TListState = { ...(query ? { query } : {}), page: page.page };
  const blocks: KnownBlock[] = [];
  if (options.notice !== undefined) blocks.push(section(options.notice));
  blocks.push(header(copy("list.title")));
  blocks.push(
    context(
      query
        ? copy("list.summary_search", {
            page: page.page,
            pageCount: page.pageCount,
            total: page.total,
            query: escapeMrkdwn(query),
          })
        : copy("list.summary", { page: page.page, pageCount: page.pageCount, total: page.total }),
      copy("list.hint"),
    ),
  );
  if (canManage) {
    blocks.push(
      actions("users.toolbar", [
        button(copy("list.new"), UsersActionId.NEW_USER, { style: "primary", value: encodeValue(state) }),
      ]),
    );
  }
  if (page.users.length === 0) {
    blocks.push(
      section(query ? copy("list.empty_search", { query: escapeMrkdwn(query) }) : copy("list.empty")),
    );
  }
  for (const user of page.users) {
    blocks.push(divider());
    blocks.push(section(userSummaryLines(user, locale), { blockId: `users.row.${user.id}` }));
    if (canManage) blocks.push(actions(`users.row_actions.${user.id}`, rowButtons(user, state, locale)));
  }
  const paging = [
    ...(page.page > 1
      ? [
          button(copy("list.previous"), `${UsersActionId.PAGE}.previous`, {
            value: encodeValue({ ...state, page: page.page - 1 }),
          }),
        ]
      : []),
    ...(page.page < page.pageCount
      ? [
          button(copy("list.next"), `${UsersActionId.PAGE}.next`, {
            value: encodeValue({ ...state, page: page.page + 1 }),
          }),
        ]
      : []),
  ];
  if (paging.length > 0) blocks.push(actions("users.paging", paging));
  const text = options.notice ?? copy("list.title");
  return { text, blocks };
}
