// Time-bound access ("Acceso hasta"): an account may carry the last calendar day it can be used.
// Access ends at the end of that day in the portal's time zone (Mexico City's, where PremiumOne's
// users work); the owner is warned WARNING_DAYS before. Dates are ISO calendar dates, YYYY-MM-DD.
import { ErrorCode, type TFieldError } from "./errors.ts";

/** The owner is told this many days before the last day (on that day, or at once when set later). */
export const ACCESS_WARNING_DAYS = 3;

/** How far ahead a date may be set: a typo like 3026 is refused on the field. */
export const ACCESS_UNTIL_MAXIMUM_YEARS = 10;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = CALENDAR_DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar day an instant falls on in a time zone. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** The date `days` after (or before, when negative) a calendar date. */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00.000Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** A date column's value (midnight UTC) as the calendar date it stores, and back. */
export function calendarDateOf(stored: Date): string {
  return stored.toISOString().slice(0, 10);
}
export function storedDateOf(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** Whether the access that ends with `accessUntil` has ended on `today`. */
export function hasAccessEnded(accessUntil: string | null, today: string): boolean {
  return accessUntil !== null && accessUntil < today;
}

/** The format of the field: empty (no end) or a real calendar date. */
export function accessUntilFormatProblem(accessUntil: string | null): TFieldError | undefined {
  if (accessUntil === null || isCalendarDate(accessUntil)) return undefined;
  return { field: "accessUntil", code: ErrorCode.ACCESS_UNTIL_INVALID };
}

/** A date being set must leave at least tomorrow, and not lie beyond the maximum. */
export function accessUntilDateProblem(accessUntil: string, today: string): TFieldError | undefined {
  if (accessUntil <= today) {
    return { field: "accessUntil", code: ErrorCode.ACCESS_UNTIL_NOT_FUTURE, parameters: { today } };
  }
  const latest = `${String(Number(today.slice(0, 4)) + ACCESS_UNTIL_MAXIMUM_YEARS)}${today.slice(4)}`;
  if (accessUntil > latest) {
    return {
      field: "accessUntil",
      code: ErrorCode.ACCESS_UNTIL_TOO_FAR,
      parameters: { years: ACCESS_UNTIL_MAXIMUM_YEARS },
    };
  }
  return undefined;
}
