// Coded domain errors. The code says what went wrong, the field says where (a modal field, an API
// property); the words a person reads come from the message catalogues, looked up by code.

export const ErrorCode = {
  VALIDATION_FAILED: "VALIDATION_FAILED",
  TEXT_CHARACTERS_INVALID: "TEXT_CHARACTERS_INVALID",
  USERNAME_INVALID: "USERNAME_INVALID",
  USERNAME_TAKEN: "USERNAME_TAKEN",
  FULL_NAME_INVALID: "FULL_NAME_INVALID",
  EMAIL_INVALID: "EMAIL_INVALID",
  EMAIL_TAKEN: "EMAIL_TAKEN",
  SLACK_USER_INVALID: "SLACK_USER_INVALID",
  SLACK_USER_TAKEN: "SLACK_USER_TAKEN",
  PLACES_REQUIRED: "PLACES_REQUIRED",
  PLACE_NOT_FOUND: "PLACE_NOT_FOUND",
  NO_PLACES_REGISTERED: "NO_PLACES_REGISTERED",
  RFC_INVALID: "RFC_INVALID",
  RFC_TAKEN: "RFC_TAKEN",
  COMPANY_NAME_INVALID: "COMPANY_NAME_INVALID",
  COMPANY_NOT_FOUND: "COMPANY_NOT_FOUND",
  COMPANY_HAS_PLACES: "COMPANY_HAS_PLACES",
  POSTAL_CODE_INVALID: "POSTAL_CODE_INVALID",
  PLACE_NAME_INVALID: "PLACE_NAME_INVALID",
  PLACE_TAKEN: "PLACE_TAKEN",
  PLACE_IN_USE: "PLACE_IN_USE",
  USER_NOT_FOUND: "USER_NOT_FOUND",
  /** A form's own private_metadata could not be read (tampered, or from an older version). */
  FORM_UNREADABLE: "FORM_UNREADABLE",
  ACCOUNT_NOT_LINKED: "ACCOUNT_NOT_LINKED",
  USER_DISABLED: "USER_DISABLED",
  ACCESS_DENIED: "ACCESS_DENIED",
  LAST_ADMIN: "LAST_ADMIN",
  ROLE_ALREADY_GRANTED: "ROLE_ALREADY_GRANTED",
  ROLE_NOT_GRANTED: "ROLE_NOT_GRANTED",
  ROLE_INVALID: "ROLE_INVALID",
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  CURRENT_PASSWORD_WRONG: "CURRENT_PASSWORD_WRONG",
  ACCOUNT_LOCKED: "ACCOUNT_LOCKED",
  PASSWORD_CHECK_BUSY: "PASSWORD_CHECK_BUSY",
  TEMPORARY_PASSWORD_EXPIRED: "TEMPORARY_PASSWORD_EXPIRED",
  PASSWORD_NOT_SET: "PASSWORD_NOT_SET",
  PASSWORD_CONFIRMATION_MISMATCH: "PASSWORD_CONFIRMATION_MISMATCH",
  PASSWORD_TOO_SHORT: "PASSWORD_TOO_SHORT",
  PASSWORD_TOO_LONG: "PASSWORD_TOO_LONG",
  PASSWORD_COMMON: "PASSWORD_COMMON",
  PASSWORD_CONTAINS_USERNAME: "PASSWORD_CONTAINS_USERNAME",
  PASSWORD_CONTAINS_EMAIL: "PASSWORD_CONTAINS_EMAIL",
  PASSWORD_UNCHANGED: "PASSWORD_UNCHANGED",
  CONFLICT: "CONFLICT",
  CONFIRMATION_USED: "CONFIRMATION_USED",
  /** Acceso hasta: not a calendar date; today or earlier; too far ahead. */
  ACCESS_UNTIL_INVALID: "ACCESS_UNTIL_INVALID",
  ACCESS_UNTIL_NOT_FUTURE: "ACCESS_UNTIL_NOT_FUTURE",
  ACCESS_UNTIL_TOO_FAR: "ACCESS_UNTIL_TOO_FAR",
  /** An invitation link that is wrong, used, voided by a reset or expired: one answer for all. */
  INVITATION_LINK_INVALID: "INVITATION_LINK_INVALID",
  INVITATION_LINK_RATE_LIMITED: "INVITATION_LINK_RATE_LIMITED",
  /** Access requests (Solicitar acceso). */
  ACCESS_REQUEST_REASON_INVALID: "ACCESS_REQUEST_REASON_INVALID",
  ACCESS_REQUEST_NOTE_INVALID: "ACCESS_REQUEST_NOTE_INVALID",
  ACCESS_REQUEST_ALREADY_OPEN: "ACCESS_REQUEST_ALREADY_OPEN",
  ACCESS_REQUEST_HAS_ACCOUNT: "ACCESS_REQUEST_HAS_ACCOUNT",
  ACCESS_REQUEST_NOT_FOUND: "ACCESS_REQUEST_NOT_FOUND",
  ACCESS_REQUEST_ALREADY_APPROVED: "ACCESS_REQUEST_ALREADY_APPROVED",
  ACCESS_REQUEST_ALREADY_REJECTED: "ACCESS_REQUEST_ALREADY_REJECTED",
  ACCESS_REQUEST_EXPIRED: "ACCESS_REQUEST_EXPIRED",
} as const;

export type TErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type TErrorParameters = Readonly<Record<string, string | number>>;

export interface TFieldError {
  readonly field: string;
  readonly code: TErrorCode;
  readonly parameters?: TErrorParameters;
}

/** An expected refusal, to be shown to the person who caused it. */
export class DomainError extends Error {
  readonly code: TErrorCode;
  readonly field: string | undefined;
  readonly parameters: TErrorParameters;

  constructor(
    code: TErrorCode,
    options: { field?: string; parameters?: TErrorParameters; cause?: unknown } = {},
  ) {
    super(options.field === undefined ? code : `${code} (${options.field})`, { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.field = options.field;
    this.parameters = options.parameters ?? {};
  }
}

/** One or more fields are wrong; each carries its own code. */
export class ValidationError extends DomainError {
  readonly fieldErrors: readonly TFieldError[];

  constructor(fieldErrors: readonly TFieldError[]) {
    super(ErrorCode.VALIDATION_FAILED, { field: fieldErrors[0]?.field });
    this.name = "ValidationError";
    this.fieldErrors = fieldErrors;
  }

  static single(field: string, code: TErrorCode, parameters?: TErrorParameters): ValidationError {
    return new ValidationError([{ field, code, ...(parameters === undefined ? {} : { parameters }) }]);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
