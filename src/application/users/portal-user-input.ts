// Normalises and checks the fields of the create and edit forms, collecting every problem — the
// format of each field and whether the username, email, Slack user and places are free and real —
// so that each field shows its own error at once, in the form's order.
import { accessUntilFormatProblem } from "../../domain/access-period.ts";
import { ErrorCode, type TFieldError, ValidationError } from "../../domain/errors.ts";
import {
  emailProblem,
  fullNameProblem,
  normalizeEmail,
  normalizeFullName,
  normalizeUsername,
  slackUserIdProblem,
  usernameProblem,
} from "../../domain/portal-user-rules.ts";
import type { TTransaction } from "../ports/database.ts";

export interface TPortalUserFields {
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  /** Empty or undefined: no linked Slack user. */
  readonly slackUserId?: string | null | undefined;
  readonly placeIds: readonly string[];
  /** Acceso hasta, YYYY-MM-DD; empty or undefined: no end. */
  readonly accessUntil?: string | null | undefined;
}

export interface TNormalizedPortalUserFields {
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  readonly emailNormalized: string;
  readonly slackUserId: string | null;
  readonly placeIds: readonly string[];
  readonly accessUntil: string | null;
}

export interface TCheckedPortalUserFields {
  readonly fields: TNormalizedPortalUserFields;
  /** Format problems; checkAvailability adds the rest. */
  readonly problems: readonly TFieldError[];
}

/** The account's own columns, as the create and edit forms write them (its places are rows of their own). */
export function accountColumnsOf(
  fields: TNormalizedPortalUserFields,
): Omit<TNormalizedPortalUserFields, "placeIds" | "accessUntil"> {
  return {
    username: fields.username,
    fullName: fields.fullName,
    email: fields.email,
    emailNormalized: fields.emailNormalized,
    slackUserId: fields.slackUserId,
  };
}

const FIELD_ORDER = ["username", "fullName", "email", "slackUserId", "placeIds", "accessUntil"];

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkPortalUserFields(input: TPortalUserFields): TCheckedPortalUserFields {
  const username = normalizeUsername(input.username);
  const fullName = normalizeFullName(input.fullName);
  const email = input.email.normalize("NFKC").trim();
  const slackUserId = input.slackUserId?.trim() || null;
  const placeIds = [...new Set(input.placeIds.map((id) => id.trim()).filter((id) => id !== ""))];
  const accessUntil = input.accessUntil?.trim() || null;
  const problems = [
    usernameProblem(username),
    fullNameProblem(fullName),
    emailProblem(email),
    slackUserId === null ? undefined : slackUserIdProblem(slackUserId),
    placeIds.length === 0 ? { field: "placeIds", code: ErrorCode.PLACES_REQUIRED } : undefined,
    accessUntilFormatProblem(accessUntil),
  ].filter((problem): problem is TFieldError => problem !== undefined);
  return {
    fields: {
      username,
      fullName,
      email,
      emailNormalized: normalizeEmail(email),
      slackUserId,
      placeIds,
      accessUntil,
    },
    problems,
  };
}

/**
 * Throws one ValidationError with every problem: the format ones, then a username, email or Slack
 * user another account holds, and places that do not exist (removed while the form was open, or
 * forged). The unique indexes still decide a race between two forms.
 */
export async function requireValidAndAvailable(
  transaction: TTransaction,
  checked: TCheckedPortalUserFields,
  exceptUserId?: string,
): Promise<TNormalizedPortalUserFields> {
  const { fields } = checked;
  const problems = [...checked.problems];
  const invalid = new Set(problems.map((problem) => problem.field));
  const candidates = [
    ...(invalid.has("username") ? [] : [{ username: fields.username }]),
    ...(invalid.has("email") ? [] : [{ emailNormalized: fields.emailNormalized }]),
    ...(fields.slackUserId === null || invalid.has("slackUserId")
      ? []
      : [{ slackUserId: fields.slackUserId }]),
  ];
  const others =
    candidates.length === 0
      ? []
      : await transaction.portalUser.findMany({
          where: { ...(exceptUserId === undefined ? {} : { id: { not: exceptUserId } }), OR: candidates },
          select: { username: true, emailNormalized: true, slackUserId: true },
        });
  if (!invalid.has("username") && others.some((other) => other.username === fields.username)) {
    problems.push({ field: "username", code: ErrorCode.USERNAME_TAKEN });
  }
  if (!invalid.has("email") && others.some((other) => other.emailNormalized === fields.emailNormalized)) {
    problems.push({ field: "email", code: ErrorCode.EMAIL_TAKEN });
  }
  if (fields.slackUserId !== null && others.some((other) => other.slackUserId === fields.slackUserId)) {
    problems.push({ field: "slackUserId", code: ErrorCode.SLACK_USER_TAKEN });
  }
  if (!invalid.has("placeIds")) {
    const wellFormed = fields.placeIds.filter((id) => UUID_PATTERN.test(id));
    const found =
      wellFormed.length === 0
        ? 0
        : await transaction.issuingPlace.count({ where: { id: { in: [...wellFormed] } } });
    if (found !== fields.placeIds.length)
      problems.push({ field: "placeIds", code: ErrorCode.PLACE_NOT_FOUND });
  }
  if (problems.length > 0) {
    problems.sort((left, right) => FIELD_ORDER.indexOf(left.field) - FIELD_ORDER.indexOf(right.field));
    throw new ValidationError(problems);
  }
  return fields;
}
