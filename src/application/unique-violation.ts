// Maps the database's refusal of a duplicate (Prisma's P2002, the same on PGlite and PostgreSQL)
// to the field a person can fix. The friendly checks before the insert cover the common case;
// this covers the race they cannot (two admins creating one email at the same moment).
import { ErrorCode, type TErrorCode, ValidationError } from "../domain/errors.ts";

const FIELD_BY_COLUMN: ReadonlyArray<readonly [RegExp, string, TErrorCode]> = [
  [/email_normalized|emailNormalized/, "email", ErrorCode.EMAIL_TAKEN],
  [/slack_user_id|slackUserId/, "slackUserId", ErrorCode.SLACK_USER_TAKEN],
  [/username/, "username", ErrorCode.USERNAME_TAKEN],
  [/rfc/, "rfc", ErrorCode.RFC_TAKEN],
  [/postal_code|postalCode|company_id/, "placeName", ErrorCode.PLACE_TAKEN],
];

function isUniqueViolation(error: unknown): error is { code: string; meta?: unknown; message: string } {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** A ValidationError naming the field for a unique violation, or undefined for any other error. */
export function uniqueViolationAsValidationError(error: unknown): ValidationError | undefined {
  if (!isUniqueViolation(error)) return undefined;
  const described = `${JSON.stringify(error.meta ?? {})} ${error.message}`;
  for (const [pattern, field, code] of FIELD_BY_COLUMN) {
    if (pattern.test(described)) return ValidationError.single(field, code);
  }
  return ValidationError.single("form", ErrorCode.CONFLICT);
}

/**
 * Runs work and rethrows a unique violation as the field's ValidationError. `recheck`, when given,
 * runs after a violation, outside the failed transaction: the winner of the race is committed by
 * then, so the use case's own checks can name every field it holds (in the form's order) instead of
 * the one column the index happened to try first; if they find nothing, the mapped error stands.
 */
export async function withUniqueViolationsAsFieldErrors<T>(
  work: () => Promise<T>,
  recheck?: () => Promise<unknown>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const asFieldError = uniqueViolationAsValidationError(error);
    if (asFieldError === undefined) throw error;
    await recheck?.();
    throw asFieldError;
  }
}
