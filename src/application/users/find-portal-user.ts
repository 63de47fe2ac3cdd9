// Looks an account up by its username ("cuenta"), as admins type it, or by id, as buttons carry it.
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { normalizeUsername } from "../../domain/portal-user-rules.ts";
import type { TDatabaseClient, TTransaction } from "../ports/database.ts";
import {
  portalUserDetailsSelect,
  type TPortalUserDetails,
  toPortalUserDetails,
} from "./portal-user-details.ts";

export type TPortalUserReference = { readonly id: string } | { readonly username: string };

export function referenceLabel(reference: TPortalUserReference): string {
  return "username" in reference ? normalizeUsername(reference.username) : reference.id;
}

export async function findPortalUser(
  client: TDatabaseClient | TTransaction,
  reference: TPortalUserReference,
  now: Date,
): Promise<TPortalUserDetails> {
  const where =
    "username" in reference ? { username: normalizeUsername(reference.username) } : { id: reference.id };
  const row = await client.portalUser
    .findUnique({ where, select: portalUserDetailsSelect })
    .catch(() => null);
  if (row === null)
    throw new DomainError(ErrorCode.USER_NOT_FOUND, { parameters: { account: referenceLabel(reference) } });
  return toPortalUserDetails(row, now);
}
