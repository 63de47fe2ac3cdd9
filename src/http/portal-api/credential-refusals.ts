// The refusals the login and the password change share, from the use cases' coded errors. A wrong
// password, a wrong current password and an unknown account are one answer, with nothing more
// (not the attempts left): the caller has not proven who it is.
import { ErrorCode, isDomainError, ValidationError } from "../../domain/errors.ts";
import { refusal, type TPortalApiReply } from "./portal-api-replies.ts";

export const CREDENTIAL_REFUSALS = [
  "invalid_credentials",
  "rate_limited",
  "account_locked",
  "account_disabled",
  "temporary_password_expired",
  "password_not_set",
] as const;

export type TCredentialRefusal = (typeof CREDENTIAL_REFUSALS)[number];

/** The reply for a credential refusal; undefined when the error is something else. */
export function credentialRefusal(error: unknown): TPortalApiReply<TCredentialRefusal> | undefined {
  if (!isDomainError(error)) return undefined;
  // The password change reports its credential refusals on the currentPassword field.
  const onlyFieldError =
    error instanceof ValidationError && error.fieldErrors.length === 1 ? error.fieldErrors[0] : undefined;
  const code = onlyFieldError?.code ?? error.code;
  switch (code) {
    case ErrorCode.INVALID_CREDENTIALS:
    case ErrorCode.CURRENT_PASSWORD_WRONG:
      return refusal("invalid_credentials");
    case ErrorCode.ACCOUNT_LOCKED:
      return refusal("account_locked", { lockedUntil: String(error.parameters.until ?? "") });
    case ErrorCode.PASSWORD_CHECK_BUSY:
      // Checks already running for the account use up its attempts left: the next may pass soon.
      return refusal("rate_limited", {}, { "retry-after": "1" });
    case ErrorCode.USER_DISABLED:
      return refusal("account_disabled");
    case ErrorCode.TEMPORARY_PASSWORD_EXPIRED:
      return refusal("temporary_password_expired");
    case ErrorCode.PASSWORD_NOT_SET:
      return refusal("password_not_set");
    default:
      return undefined;
  }
}
