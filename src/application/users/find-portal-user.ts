// Looks an account up by its username ("cuenta"), as admins type it, or by id, as buttons carry it.
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { normalizeUsername } from "../../domain/portal-user-rules.ts";
import type { TLazyAuditTarget } from "../authorization.ts";
import type { TDatabaseClient, TTransaction } from "../ports/database.ts";
import {
  portalUserDetailsSelect,
  type TPortalUserDetails,
  toPortalUserDetails,
} from "./portal-user-details.ts";
import { UUID_PATTERN } from "./portal-user-input.ts";

export type TPortalUserReference = { readonly id: string } | { readonly username: string };

export function referenceLabel(reference: TPortalUserReference): string {
  return "username" in reference ? normalizeUsername(reference.username) : reference.id;
}

/**
 * The account an attempt was about, as a refusal's audit row names it: by its username, also when
 * the request named it by id (a button) — support reads usernames. Looked up only when refused.
 */
export function portalUserTarget(reference: TPortalUserReference): TLazyAuditTarget {
  return async (client) => {
    if ("username" in reference) return { type: "portal_user", label: normalizeUsername(reference.username) };
    const row = UUID_PATTERN.test(reference.id)
      ? await client.portalUser.findUnique({ where: { id: reference.id }, select: { username: true } })
      : null;
    return {
      type: "portal_user",
      id: reference.id.slice(0, 64),
      label: row?.username ?? reference.id.slice(0, 64),
    };
  };
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
