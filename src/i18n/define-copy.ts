// A feature's own catalogue: Spanish first (the default), English with exactly the same keys —
// the compiler refuses an English catalogue that misses or adds a key.
import type { TErrorParameters } from "../domain/errors.ts";
import type { TLocale } from "./locale.ts";
import { fillTemplate } from "./translate.ts";

export type TCopy<TKey extends string> = (key: TKey, parameters?: TErrorParameters) => string;

export function defineCopy<const TSpanish extends Readonly<Record<string, string>>>(
  spanish: TSpanish,
  english: Readonly<Record<keyof TSpanish, string>>,
): (locale: TLocale) => TCopy<Extract<keyof TSpanish, string>> {
  return (locale) =>
    (key, parameters = {}) =>
      fillTemplate((locale === "en" ? english : spanish)[key] ?? key, parameters, locale);
}
