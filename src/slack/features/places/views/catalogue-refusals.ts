// What the catalogue says when an action could not be done: a calm "ya no existe" when the company or
// place acted on is gone (a second Sí, a stale message), else the error's own message.
import type { Logger } from "../../../../application/ports/logger.ts";
import { ErrorCode, isDomainError } from "../../../../domain/errors.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { errorText } from "../../../respond/error-responses.ts";
import { placesCopy } from "../copy.ts";

export function isGone(error: unknown): boolean {
  return (
    isDomainError(error) &&
    (error.code === ErrorCode.COMPANY_NOT_FOUND || error.code === ErrorCode.PLACE_NOT_FOUND)
  );
}

export function refusalNotice(error: unknown, locale: TLocale, requestId: string, logger: Logger): string {
  if (isDomainError(error) && error.code === ErrorCode.COMPANY_NOT_FOUND) {
    return placesCopy(locale)("done.company_gone");
  }
  if (isDomainError(error) && error.code === ErrorCode.PLACE_NOT_FOUND) {
    return placesCopy(locale)("done.place_gone");
  }
  return errorText(error, locale, requestId, logger);
}
