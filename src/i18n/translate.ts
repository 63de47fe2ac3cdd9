// Looks a message of the shared catalogue up in the locale and puts the values in.
import type { TErrorCode, TErrorParameters } from "../domain/errors.ts";
import { sharedCopy } from "./copy.ts";
import type { TCopyKey } from "./define-copy.ts";
import type { TLocale } from "./locale.ts";

export type TMessageKey = TCopyKey<typeof sharedCopy>;

export function translate(locale: TLocale, key: TMessageKey, parameters: TErrorParameters = {}): string {
  return sharedCopy(locale)(key, parameters);
}

export function errorMessage(locale: TLocale, code: TErrorCode, parameters: TErrorParameters = {}): string {
  return translate(locale, `error.${code}`, parameters);
}
