// How a value is put into a catalogue's text: `{name}` marks filled in, times shown in Mexico City's
// time, where PremiumOne's users work.
import type { TErrorParameters } from "../domain/errors.ts";
import { DISPLAY_TIME_ZONE, INTL_LOCALE, type TLocale } from "./locale.ts";

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function formatTime(value: Date | string, locale: TLocale): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: DISPLAY_TIME_ZONE,
  }).format(date);
}

/** Puts the values into `{name}` marks; an ISO time is shown as a Mexico City date and time. */
export function fillTemplate(template: string, parameters: TErrorParameters, locale: TLocale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = parameters[name];
    if (value === undefined) return whole;
    return typeof value === "string" && ISO_TIME.test(value) ? formatTime(value, locale) : String(value);
  });
}

/** A calendar date (YYYY-MM-DD) in words: "20 de diciembre de 2026", "December 20, 2026". */
export function formatCalendarDate(date: string, locale: TLocale): string {
  // Noon UTC of that day, read in UTC: the same day whatever the zone of the machine.
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00.000Z`),
  );
}
