// Acceso hasta as the create and edit forms write it: the date checked against today in the portal's
// time zone (only when it is being set or changed: an edit of an account whose date has passed keeps
// it without a refusal), and the columns a new or changed date writes — who set it (told when the
// access ends), and a fresh warning and expiry for the new date.

import { accessUntilDateProblem, calendarDateIn, storedDateOf } from "../../domain/access-period.ts";
import type { TActor } from "../../domain/actor.ts";
import { DISPLAY_TIME_ZONE } from "../../i18n/locale.ts";
import type { TCheckedPortalUserFields } from "./portal-user-input.ts";

/** The portal's calendar day at an instant (Mexico City's). */
export function portalToday(now: Date): string {
  return calendarDateIn(now, DISPLAY_TIME_ZONE);
}

/** The checked fields, with the date refused when it is being set to today, a past day or too far ahead. */
export function withAccessUntilChecked(
  checked: TCheckedPortalUserFields,
  options: { now: Date; current: string | null },
): TCheckedPortalUserFields {
  const { accessUntil } = checked.fields;
  if (accessUntil === null || accessUntil === options.current) return checked;
  if (checked.problems.some((problem) => problem.field === "accessUntil")) return checked;
  const problem = accessUntilDateProblem(accessUntil, portalToday(options.now));
  return problem === undefined ? checked : { ...checked, problems: [...checked.problems, problem] };
}

/** What a set or changed date writes on the account; nothing when it did not change. */
export function accessUntilColumns(
  accessUntil: string | null,
  options: { current: string | null; actor: TActor },
): {
  accessUntil?: Date | null;
  accessUntilSetBy?: string | null;
  accessWarnedFor?: null;
  accessExpiredAt?: null;
} {
  if (accessUntil === options.current) return {};
  return {
    accessUntil: accessUntil === null ? null : storedDateOf(accessUntil),
    accessUntilSetBy:
      accessUntil !== null && options.actor.kind === "slack" ? options.actor.slackUserId : null,
    accessWarnedFor: null,
    accessExpiredAt: null,
  };
}
