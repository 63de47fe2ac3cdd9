// Invitation links (CREDENTIAL_DELIVERY=link): instead of a temporary password, the welcome and
// reset emails carry `<PUBLIC_URL>/acceso/<token>`, where the owner chooses a password. The token is
// 256 random bits in base64url; only its SHA-256 is stored on the account, with its expiry. One
// account has at most one open link: a new one (a reset) replaces it, setting the password clears it.
import { createHash, randomBytes } from "node:crypto";
import type { TDatabaseClient } from "../ports/database.ts";

/** 32 bytes in base64url without padding: 43 characters. */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The path of the page, with the token appended. */
export const INVITATION_PATH_PREFIX = "/acceso/";

export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database holds for a token: SHA-256, lower-case hex. */
export function invitationTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitationUrl(publicUrl: string, token: string): string {
  return new URL(`${INVITATION_PATH_PREFIX.slice(1)}${token}`, publicUrl).toString();
}

export interface TOpenInvitation {
  readonly userId: string;
  readonly username: string;
  readonly fullName: string;
  readonly email: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
}

/**
 * The account a token opens now; undefined for a malformed, unknown, used, voided or expired token,
 * or a disabled account — every one of them answered alike.
 */
export async function findOpenInvitation(
  client: TDatabaseClient,
  token: string,
  now: Date,
): Promise<TOpenInvitation | undefined> {
  if (!INVITATION_TOKEN_PATTERN.test(token)) return undefined;
  const tokenHash = invitationTokenHash(token);
  const row = await client.portalUser.findUnique({
    where: { invitationTokenHash: tokenHash },
    select: {
      id: true,
      username: true,
      fullName: true,
      email: true,
      invitationExpiresAt: true,
      disabledAt: true,
    },
  });
  if (row === null || row.disabledAt !== null) return undefined;
  if (row.invitationExpiresAt === null || row.invitationExpiresAt <= now) return undefined;
  return {
    userId: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    tokenHash,
    expiresAt: row.invitationExpiresAt,
  };
}
