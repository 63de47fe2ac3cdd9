// Accounts waiting on an invitation link (CREDENTIAL_DELIVERY=link), made straight in the database
// for the hardening files about the link page: each gets a fresh token, of which only the hash is
// stored, as the welcome email's first attempt does.
import { invitationTokenHash, newInvitationToken } from "../../../src/application/users/invitation-links.ts";
import type { TSlackHarness } from "../../support/slack-harness.ts";

export interface TArmedLink {
  readonly username: string;
  readonly token: string;
  readonly url: string;
}

/** Creates the account if needed and gives it a new open link (voiding any earlier one). */
export async function armInvitationLink(
  harness: TSlackHarness,
  options: { username: string; placeId: string },
): Promise<TArmedLink> {
  const prisma = harness.testDatabase.database.prisma;
  const token = newInvitationToken();
  const link = {
    passwordHash: null,
    passwordIsTemporary: true,
    invitationTokenHash: invitationTokenHash(token),
    invitationExpiresAt: new Date(harness.bot.dependencies.clock().getTime() + 72 * 3_600_000),
  };
  const email = `${options.username}@cliente.example`;
  await prisma.portalUser.upsert({
    where: { username: options.username },
    update: link,
    create: {
      username: options.username,
      fullName: `Cuenta ${options.username}`,
      email,
      emailNormalized: email,
      places: { create: [{ placeId: options.placeId }] },
      ...link,
    },
  });
  return { username: options.username, token, url: `${harness.baseUrl}/acceso/${token}` };
}
