// Normalises and checks the fields of the create and edit forms, collecting every problem so that
// each field shows its own error at once.
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
}

export interface TNormalizedPortalUserFields {
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  readonly emailNormalized: string;
  readonly slackUserId: string | null;
  readonly placeIds: readonly string[];
}

export function normalizePortalUserFields(fields: TPortalUserFields): TNormalizedPortalUserFields {
  const username = normalizeUsername(fields.username);
  const fullName = normalizeFullName(fields.fullName);
  const email = fields.email.normalize("NFKC").trim();
  const slackUserId = fields.slackUserId?.trim() || null;
  const placeIds = [...new Set(fields.placeIds.map((id) => id.trim()).filter((id) => id !== ""))];
  const problems = [
    usernameProblem(username),
    fullNameProblem(fullName),
    emailProblem(email),
    slackUserId === null ? undefined : slackUserIdProblem(slackUserId),
    placeIds.length === 0 ? { field: "placeIds", code: ErrorCode.PLACES_REQUIRED } : undefined,
  ].filter((problem): problem is TFieldError => problem !== undefined);
  if (problems.length > 0) throw new ValidationError(problems);
  return { username, fullName, email, emailNormalized: normalizeEmail(email), slackUserId, placeIds };
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses ids of places that do not exist (removed while the form was open, or forged). */
export async function requireExistingPlaces(
  transaction: TTransaction,
  placeIds: readonly string[],
): Promise<void> {
  const wellFormed = placeIds.filter((id) => UUID_PATTERN.test(id));
  const found =
    wellFormed.length === 0
      ? 0
      : await transaction.issuingPlace.count({ where: { id: { in: [...wellFormed] } } });
  if (found !== placeIds.length) throw ValidationError.single("placeIds", ErrorCode.PLACE_NOT_FOUND);
}

/** Friendly checks before the insert, every taken field at once; the unique indexes still decide races. */
export async function requireFreeIdentifiers(
  transaction: TTransaction,
  fields: Pick<TNormalizedPortalUserFields, "username" | "emailNormalized" | "slackUserId">,
  exceptUserId?: string,
): Promise<void> {
  const others = await transaction.portalUser.findMany({
    where: {
      ...(exceptUserId === undefined ? {} : { id: { not: exceptUserId } }),
      OR: [
        { username: fields.username },
        { emailNormalized: fields.emailNormalized },
        ...(fields.slackUserId === null ? [] : [{ slackUserId: fields.slackUserId }]),
      ],
    },
    select: { username: true, emailNormalized: true, slackUserId: true },
  });
  const problems: TFieldError[] = [];
  if (others.some((other) => other.username === fields.username)) {
    problems.push({ field: "username", code: ErrorCode.USERNAME_TAKEN });
  }
  if (others.some((other) => other.emailNormalized === fields.emailNormalized)) {
    problems.push({ field: "email", code: ErrorCode.EMAIL_TAKEN });
  }
  if (fields.slackUserId !== null && others.some((other) => other.slackUserId === fields.slackUserId)) {
    problems.push({ field: "slackUserId", code: ErrorCode.SLACK_USER_TAKEN });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}
