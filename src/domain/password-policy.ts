// The policy for chosen passwords (SPEC.md; NIST SP 800-63B-4, OWASP ASVS 5): length in Unicode
// code points after NFKC, no composition rules, no common or guessable passwords, nothing of the
// account's own name in it. "Equals the current one" needs the hash and is checked by the use case.
import { ErrorCode, type TFieldError } from "./errors.ts";
import { textProblem } from "./text-rules.ts";

export const PASSWORD_MAX_LENGTH = 128;

/** The dictionary check is a port: the domain says what is refused, an adapter knows the words. */
export interface CommonPasswordChecker {
  isCommon(password: string, accountWords: readonly string[]): Promise<boolean>;
}

export function normalizePassword(raw: string): string {
  return raw.normalize("NFKC");
}

export function passwordLength(password: string): number {
  return [...password].length;
}

export async function passwordPolicyProblems(
  rawPassword: string,
  options: {
    field: string;
    minimumLength: number;
    username: string;
    emailLocalPart: string;
    checker: CommonPasswordChecker;
  },
): Promise<TFieldError[]> {
  const password = normalizePassword(rawPassword);
  const length = passwordLength(password);
  const { field } = options;
  const characters = textProblem(field, password, "secret");
  if (characters !== undefined) return [characters];
  if (length < options.minimumLength) {
    return [{ field, code: ErrorCode.PASSWORD_TOO_SHORT, parameters: { minimum: options.minimumLength } }];
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return [{ field, code: ErrorCode.PASSWORD_TOO_LONG, parameters: { maximum: PASSWORD_MAX_LENGTH } }];
  }
  const lowered = password.toLowerCase();
  const username = options.username.toLowerCase();
  if (username.length >= 3 && lowered.includes(username)) {
    return [{ field, code: ErrorCode.PASSWORD_CONTAINS_USERNAME }];
  }
  const localPart = options.emailLocalPart.toLowerCase();
  if (localPart.length >= 3 && lowered.includes(localPart)) {
    return [{ field, code: ErrorCode.PASSWORD_CONTAINS_EMAIL }];
  }
  if (await options.checker.isCommon(password, [options.username, options.emailLocalPart])) {
    return [{ field, code: ErrorCode.PASSWORD_COMMON }];
  }
  return [];
}
