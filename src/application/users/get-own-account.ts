// "Mi cuenta": the portal account linked to the Slack user who asks. No role is needed — the link
// itself is the right to see it. Only a Slack user has an own account here.
import type { TRequestContext } from "../../domain/actor.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import {
  portalUserDetailsSelect,
  type TPortalUserDetails,
  toPortalUserDetails,
} from "./portal-user-details.ts";

/** The caller's linked account, or undefined when no account is linked to them. */
export async function getOwnAccount(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext },
): Promise<TPortalUserDetails | undefined> {
  const { actor } = options.context;
  if (actor.kind !== "slack") return undefined;
  const row = await dependencies.database.prisma.portalUser.findUnique({
    where: { slackUserId: actor.slackUserId },
    select: portalUserDetailsSelect,
  });
  return row === null ? undefined : toPortalUserDetails(row, dependencies.clock());
}
