// One audit event in a line a support agent reads: who, what in words with its code, which account,
// which fields changed. The audit channel posts it; /auditoria lists it. Never a secret: audit rows
// hold none, and only field names and short non-secret values are shown.
import type { TAuditEventRow } from "../../../../application/audit/list-audit-events.ts";
import { actorIdOf, INVITATION_LINK_ACTOR, SLACK_ACTOR } from "../../../../domain/actor.ts";
import { SLACK_USER_ID_PATTERN } from "../../../../domain/portal-user-rules.ts";
import { formatTime } from "../../../../i18n/format.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { escapeMrkdwn, truncate } from "../../../ui/blocks.ts";
import { auditCopy } from "../copy.ts";

type TAuditCopy = ReturnType<typeof auditCopy>;
type TAuditCopyKey = Parameters<TAuditCopy>[0];

const SNAPSHOT_KEYS = new Set(["before", "after"]);

function actorText(event: TAuditEventRow, copy: TAuditCopy): string {
  if (event.actorType === "slack") return `<@${event.actorId}>`;
  if (event.actorType === "system" && event.actorId === actorIdOf(SLACK_ACTOR)) return copy("actor.slack");
  if (event.actorType === "system" && event.actorId === actorIdOf(INVITATION_LINK_ACTOR)) {
    return copy("actor.invitation_link");
  }
  return copy(event.actorType === "portal" ? "actor.portal" : "actor.system");
}

/** The account (or company, place…) acted on; a Slack user (a role's holder) is shown as a mention. */
function targetText(event: TAuditEventRow): string {
  if (event.targetLabel === null) return "";
  if (event.targetType === "slack_user" && SLACK_USER_ID_PATTERN.test(event.targetLabel)) {
    return ` <@${event.targetLabel}>`;
  }
  return ` *${escapeMrkdwn(event.targetLabel)}*`;
}

function fieldName(field: string, copy: TAuditCopy): string {
  const key = `field.${field}` as TAuditCopyKey;
  const named = copy(key);
  return named === key ? field : named;
}

function shortValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value) && value.length === 0) return "—";
  const text = Array.isArray(value)
    ? value.map(String).join(", ")
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
  return escapeMrkdwn(truncate(text, 60));
}

/** The fields an event changed: "nombre: Ana → Ana María", or the names alone for a snapshot. */
export function changedFieldsText(changes: unknown, copy: TAuditCopy): string | undefined {
  if (changes === null || typeof changes !== "object" || Array.isArray(changes)) return undefined;
  const entries = Object.entries(changes as Record<string, unknown>);
  if (entries.length === 0) return undefined;
  const parts = entries.flatMap(([key, value]) => {
    if (SNAPSHOT_KEYS.has(key) && value !== null && typeof value === "object" && !Array.isArray(value)) {
      return Object.keys(value).map((field) => fieldName(field, copy));
    }
    if (value !== null && typeof value === "object" && "before" in value && "after" in value) {
      return [`${fieldName(key, copy)}: ${shortValue(value.before)} → ${shortValue(value.after)}`];
    }
    return [`${fieldName(key, copy)}: ${shortValue(value)}`];
  });
  return [...new Set(parts)].join(" · ");
}

export function auditEventText(
  event: TAuditEventRow,
  locale: TLocale,
  options: { withTime?: boolean } = {},
): string {
  const copy = auditCopy(locale);
  const actionKey = `action.${event.action}` as TAuditCopyKey;
  const verb = copy(actionKey) === actionKey ? copy("action.unknown") : copy(actionKey);
  const target = targetText(event);
  const result =
    event.result === "success"
      ? ""
      : ` (${copy(event.result === "denied" ? "result.denied" : "result.failed")})`;
  const changed = changedFieldsText(event.changes, copy);
  const time = options.withTime ? `${formatTime(event.occurredAt, locale)} · ` : "";
  return [
    `${time}${actorText(event, copy)} ${verb}${target}${result} · \`${event.action}\``,
    ...(changed === undefined ? [] : [copy("changed", { fields: changed })]),
  ].join("\n");
}
