// The one mapper from errors to what a Slack user sees: coded domain errors become their catalogue
// message (on the modal's field when they name one); anything else is logged with the request id
// and shown as "something went wrong (reference …)".

import type { Logger } from "../../application/ports/logger.ts";
import { type DomainError, isDomainError, ValidationError } from "../../domain/errors.ts";
import type { TLocale } from "../../i18n/locale.ts";
import { errorMessage, translate } from "../../i18n/translate.ts";
import { isDatabaseUnavailable } from "../../infrastructure/prisma/database-unavailable.ts";

/** Slack's `response_action: errors` body: block id → message, for the fields the modal has. */
export function modalFieldErrors(
  error: DomainError,
  locale: TLocale,
  blockIdByField: Readonly<Record<string, string>>,
  fallbackBlockId: string,
): Record<string, string> {
  const fieldErrors =
    error instanceof ValidationError
      ? error.fieldErrors
      : [{ field: error.field ?? "", code: error.code, parameters: error.parameters }];
  const errors: Record<string, string> = {};
  for (const fieldError of fieldErrors) {
    const blockId = blockIdByField[fieldError.field] ?? fallbackBlockId;
    const message = errorMessage(locale, fieldError.code, fieldError.parameters);
    errors[blockId] = errors[blockId] === undefined ? message : `${errors[blockId]} ${message}`;
  }
  return errors;
}

/** The sentence for a message or a modal's banner. Unexpected errors are logged here, once. */
export function errorText(error: unknown, locale: TLocale, requestId: string, logger: Logger): string {
  if (isDomainError(error)) {
    if (error instanceof ValidationError) {
      return error.fieldErrors
        .map((fieldError) => errorMessage(locale, fieldError.code, fieldError.parameters))
        .join(" ");
    }
    return errorMessage(locale, error.code, error.parameters);
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error, requestId }, "a Slack request failed: the database did not answer");
    return translate(locale, "error.database_unavailable", { requestId });
  }
  logger.error({ err: error, requestId }, "a Slack request failed");
  return translate(locale, "error.unexpected", { requestId });
}

/**
 * What a modal submission answers when its use case refused: each coded error on its field (or
 * the form's first field), anything unexpected logged once and shown there with its reference.
 */
export function submissionErrors(
  error: unknown,
  options: {
    locale: TLocale;
    blockIdByField: Readonly<Record<string, string>>;
    fallbackBlockId: string;
    requestId: string;
    logger: Logger;
  },
): Record<string, string> {
  return isDomainError(error)
    ? modalFieldErrors(error, options.locale, options.blockIdByField, options.fallbackBlockId)
    : { [options.fallbackBlockId]: errorText(error, options.locale, options.requestId, options.logger) };
}
