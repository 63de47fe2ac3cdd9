// Finds the account whose password is being checked: a Slack user's own linked account, or the
// account the portal names. The hash stays inside the application layer.
import type { TRequestContext } from "../../domain/actor.ts";
import { normalizeUsername } from "../../domain/portal-user-rules.ts";
import type { TDatabaseClient } from "../ports/database.ts";
import {
  portalUserDetailsSelect,
  type TPortalUserDetails,
  toPortalUserDetails,
} from "./portal-user-details.ts";

export interface TCredentialAccount {
  readonly user: TPortalUserDetails;
  readonly passwordHash: string | null;
  readonly disabled: boolean;
}

/** The Slack actor's own account, or the portal's named one; undefined when there is none. */
export async function findCredentialAccount(
  client: TDatabaseClient,
  context: TRequestContext,
  username: string | undefined,
  now: Date,
): Promise<TCredentialAccount | undefined> {
  const where =
    context.actor.kind === "slack"
      ? { slackUserId: context.actor.slackUserId }
      : username === undefined
        ? undefined
        : { username: normalizeUsername(username) };
  if (where === undefined) return undefined;
  const row = await client.portalUser.findUnique({ where, select: portalUserDetailsSelect });
  if (row === null) return undefined;
  const user = toPortalUserDetails(row, now);
  return {
    user,
    passwordHash: row.passwordHash,
    // Past its Acceso hasta, an account is refused as disabled even before the scheduler disables it
    // (once it has, disabledAt says, and an admin's Habilitar since is honoured).
    disabled: row.disabledAt !== null || (user.accessEnded && !user.accessExpired),
  };
}
