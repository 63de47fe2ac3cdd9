// The Solicitar acceso form's fields: Nombre de la persona and Correo electrónico under the same
// rules as the create form, at least one existing Lugar de expedición, and a Motivo (required). Every
// problem is collected, so each field shows its own error at once, in the form's order. Whether the
// email is already an account's is not said here: the request form is open to anyone in the
// workspace, and the admin's create form says it when the request is approved.
import { ErrorCode, type TFieldError, ValidationError } from "../../domain/errors.ts";
import {
  emailProblem,
  fullNameProblem,
  normalizeEmail,
  normalizeFullName,
} from "../../domain/portal-user-rules.ts";
import { textProblem } from "../../domain/text-rules.ts";
import type { TTransaction } from "../ports/database.ts";
import { UUID_PATTERN } from "../users/portal-user-input.ts";

export const ACCESS_REQUEST_REASON_MAX_LENGTH = 500;

export interface TAccessRequestFields {
  readonly fullName: string;
  readonly email: string;
  readonly placeIds: readonly string[];
  readonly reason: string;
}

export interface TNormalizedAccessRequestFields extends TAccessRequestFields {
  readonly emailNormalized: string;
}

/** A Motivo (the requester's) or a rejection's reason (the admin's, optional): multi-line text. */
export function reasonProblem(
  field: string,
  text: string,
  options: {
    required: boolean;
    code: typeof ErrorCode.ACCESS_REQUEST_REASON_INVALID | typeof ErrorCode.ACCESS_REQUEST_NOTE_INVALID;
  },
): TFieldError | undefined {
  const characters = textProblem(field, text, "multiline");
  if (characters !== undefined) return characters;
  const tooShort = options.required && text.length === 0;
  return tooShort || text.length > ACCESS_REQUEST_REASON_MAX_LENGTH
    ? { field, code: options.code, parameters: { maximum: ACCESS_REQUEST_REASON_MAX_LENGTH } }
    : undefined;
}

/** Normalises and checks every field; the places are looked up in the caller's transaction. */
export async function requireValidAccessRequest(
  transaction: TTransaction,
  input: TAccessRequestFields,
): Promise<TNormalizedAccessRequestFields> {
  const fullName = normalizeFullName(input.fullName);
  const email = input.email.normalize("NFKC").trim();
  const reason = input.reason.normalize("NFC").trim();
  const placeIds = [...new Set(input.placeIds.map((id) => id.trim()).filter((id) => id !== ""))];
  const problems = [
    fullNameProblem(fullName),
    emailProblem(email),
    placeIds.length === 0 ? { field: "placeIds", code: ErrorCode.PLACES_REQUIRED } : undefined,
    reasonProblem("reason", reason, { required: true, code: ErrorCode.ACCESS_REQUEST_REASON_INVALID }),
  ].filter((problem): problem is TFieldError => problem !== undefined);
  if (placeIds.length > 0) {
    const wellFormed = placeIds.filter((id) => UUID_PATTERN.test(id));
    const found =
      wellFormed.length === 0
        ? 0
        : await transaction.issuingPlace.count({ where: { id: { in: wellFormed } } });
    if (found !== placeIds.length) problems.push({ field: "placeIds", code: ErrorCode.PLACE_NOT_FOUND });
  }
  if (problems.length > 0) {
    const order = ["fullName", "email", "placeIds", "reason"];
    problems.sort((left, right) => order.indexOf(left.field) - order.indexOf(right.field));
    throw new ValidationError(problems);
  }
  return { fullName, email, emailNormalized: normalizeEmail(email), placeIds, reason };
}
