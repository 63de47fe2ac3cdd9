// The /auditoria trail as a message: 10 events a page, newest first, each with its time (Mexico
// City), actor, action in words with its code, account, changed fields and result; ◀ / ▶ keep the
// account filter. Rows hold no secret: the audit trail stores none.
import type { TAuditEventPage, TAuditEventRow } from "../../../../application/audit/list-audit-events.ts";
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
import { auditCopy } from "../copy.ts";
import { AuditActionId, AuditBlockId } from "../ids.ts";
import { encodeAuditListState, type TAuditListState } from "../list-state.ts";
import { auditEventText } from "./audit-event-text.ts";

type TAuditCopy = ReturnType<typeof auditCopy>;
type TAuditCopyKey = Parameters<TAuditCopy>[0];

/** The roles an audit row records (src/domain/roles.ts, auditRoleOf), in words. */
const ROLE_KEYS: Readonly<Record<string, TAuditCopyKey>> = {
  ADMIN: "role.ADMIN",
  SUPPORT: "role.SUPPORT",
  PORTAL_USER: "role.PORTAL_USER",
  PORTAL: "role.PORTAL",
  SYSTEM: "role.SYSTEM",
  NONE: "role.NONE",
};

function roleText(actorRole: string, copy: TAuditCopy): string {
  const key = ROLE_KEYS[actorRole];
  return key === undefined ? escapeMrkdwn(actorRole) : copy(key);
}

function resultText(result: string, copy: TAuditCopy): string {
  if (result === "success") return copy("row.result_success");
  return copy(result === "denied" ? "row.result_denied" : "row.result_failed");
}

/** The line under an event: its result (always, not only when it failed), the actor's role and the request reference. */
function eventDetails(event: TAuditEventRow, copy: TAuditCopy): string {
  return copy("row.details", {
    result: resultText(event.result, copy),
    role: roleText(event.actorRole, copy),
    requestId: escapeMrkdwn(truncate(event.requestId, 64)),
  });
}

export function auditListMessage(options: {
  page: TAuditEventPage;
  account: string | undefined;
  locale: TLocale;
}): TMessageContent {
  const { page, account, locale } = options;
  const copy = auditCopy(locale);
  const state: TAuditListState = { ...(account === undefined ? {} : { account }), page: page.page };
  const shownAccount = account === undefined ? undefined : escapeMrkdwn(truncate(account, 80));
  const counts = { page: page.page, pageCount: page.pageCount, total: page.total };
  const summary =
    shownAccount === undefined
      ? copy("list.summary", counts)
      : copy("list.summary_account", { ...counts, account: shownAccount });
  const blocks: KnownBlock[] = [header(copy("list.title")), context(summary, copy("list.hint"))];
  if (page.events.length === 0) {
    blocks.push(
      section(
        shownAccount === undefined
          ? copy("list.empty")
          : copy("list.empty_account", { account: shownAccount }),
      ),
    );
  }
  for (const event of page.events) {
    blocks.push(divider());
    blocks.push(section(auditEventText(event, locale, { withTime: true })));
    blocks.push(context(eventDetails(event, copy)));
  }
  const paging = [
    ...(page.page > 1
      ? [
          button(copy("list.previous"), AuditActionId.PAGE_PREVIOUS, {
            value: encodeAuditListState({ ...state, page: page.page - 1 }),
          }),
        ]
      : []),
    ...(page.page < page.pageCount
      ? [
          button(copy("list.next"), AuditActionId.PAGE_NEXT, {
            value: encodeAuditListState({ ...state, page: page.page + 1 }),
          }),
        ]
      : []),
  ];
  if (paging.length > 0) blocks.push(actions(AuditBlockId.PAGING, paging));
  return { text: `${copy("list.title")} · ${summary}`, blocks };
}
