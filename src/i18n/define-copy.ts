// A catalogue: Spanish first (the default), English with exactly the same keys — the compiler
// refuses an English table that misses or adds a key. Where each catalogue lives: README.md here.
import type { TErrorParameters } from "../domain/errors.ts";
import { fillTemplate } from "./format.ts";
import type { TLocale } from "./locale.ts";

export type TCopy<TKey extends string> = (key: TKey, parameters?: TErrorParameters) => string;

/** The keys of a catalogue made with `defineCopy`. */
export type TCopyKey<TCatalogue> = TCatalogue extends (locale: TLocale) => TCopy<infer TKey> ? TKey : never;

export function defineCopy<const TSpanish extends Readonly<Record<string, string>>>(
  spanish: TSpanish,
  english: Readonly<Record<keyof TSpanish, string>>,
): (locale: TLocale) => TCopy<Extract<keyof TSpanish, string>> {
  return (locale) =>
    (key, parameters = {}) =>
      fillTemplate((locale === "en" ? english : spanish)[key] ?? key, parameters, locale);
}
