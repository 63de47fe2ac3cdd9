// The rules of a portal account's fields (SPEC.md, "Create / edit modal fields").
import { ErrorCode, type TFieldError } from "./errors.ts";
import { textProblem } from "./text-rules.ts";

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
export const FULL_NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;
export const SLACK_USER_ID_PATTERN = /^[UW][A-Z0-9]{2,31}$/;
// RFC 5322's dot-atom in ASCII, and a domain of LDH labels with a dot: nothing a mail library could
// read as another address (no quotes, comments, controls or bidi marks), so what is stored is where
// the email goes. Addresses with non-ASCII local parts (SMTPUTF8) are refused: few servers take them.
const EMAIL_PATTERN =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Usernames are compared and stored in lower case, so "Juan.Perez" and "juan.perez" are one account. */
export function normalizeUsername(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}

export function normalizeEmail(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}

export function normalizeFullName(raw: string): string {
  return raw.normalize("NFC").trim().replace(/\s+/g, " ");
}

export function usernameProblem(username: string): TFieldError | undefined {
  return USERNAME_PATTERN.test(username)
    ? undefined
    : { field: "username", code: ErrorCode.USERNAME_INVALID };
}

export function fullNameProblem(fullName: string): TFieldError | undefined {
  const characters = textProblem("fullName", fullName);
  if (characters !== undefined) return characters;
  return fullName.length >= 1 && fullName.length <= FULL_NAME_MAX_LENGTH
    ? undefined
    : { field: "fullName", code: ErrorCode.FULL_NAME_INVALID, parameters: { maximum: FULL_NAME_MAX_LENGTH } };
}

export function emailProblem(email: string): TFieldError | undefined {
  const characters = textProblem("email", email);
  if (characters !== undefined) return characters;
  const valid = email.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(email) && !email.includes("..");
  return valid ? undefined : { field: "email", code: ErrorCode.EMAIL_INVALID };
}

export function slackUserIdProblem(slackUserId: string): TFieldError | undefined {
  return SLACK_USER_ID_PATTERN.test(slackUserId)
    ? undefined
    : { field: "slackUserId", code: ErrorCode.SLACK_USER_INVALID };
}

/** The part of an address before the @, which a chosen password may not contain. */
export function emailLocalPart(email: string): string {
  return email.slice(0, Math.max(0, email.lastIndexOf("@")));
}
