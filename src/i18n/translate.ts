// Looks a message up in the locale's catalogue and puts the values in. Times are shown in Mexico
// City's time, where PremiumOne's users work.
import type { TErrorCode, TErrorParameters } from "../domain/errors.ts";
import { DISPLAY_TIME_ZONE, INTL_LOCALE, type TLocale } from "./locale.ts";
import { messagesEn } from "./messages-en.ts";
import { messagesEs, type TMessageKey } from "./messages-es.ts";

export type { TMessageKey };

const CATALOGUES: Readonly<Record<TLocale, Readonly<Record<TMessageKey, string>>>> = {
  es: messagesEs,
  en: messagesEn,
};
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

export function translate(locale: TLocale, key: TMessageKey, parameters: TErrorParameters = {}): string {
  return fillTemplate(CATALOGUES[locale][key], parameters, locale);
}

export function errorMessage(locale: TLocale, code: TErrorCode, parameters: TErrorParameters = {}): string {
  return translate(locale, `error.${code}`, parameters);
}
