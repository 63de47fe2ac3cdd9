// Offboarding from Slack: Slack reports a linked person deactivated (a user_change event, or the
// daily reconciliation's users.info). The account is disabled — not deleted — through the same
// account-state change an admin's Deshabilitar makes, audited `user.disabled` with actor Slack
// (system:slack), posted to the audit channel, marked so the list shows the person is gone, and
// every admin is told by DM. It acts once per deactivation: an account already marked is left as
// it is (also when an admin enabled it again since), so redeliveries and the reconciliation after
// the event change nothing. A reactivation in Slack never re-enables anything.
import { randomUUID } from "node:crypto";
import { SLACK_ACTOR } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import { changeAccountState } from "./change-account-state.ts";

export type TOffboardingOutcome = "disabled" | "not_linked" | "already_offboarded";

/** Why Slack disabled an account, as its audit row says it. */
export type TOffboardingSource = "user_change_event" | "reconciliation";

export async function disableForDeactivatedSlackPerson(
  dependencies: TUseCaseDependencies,
  options: { slackUserId: string; source: TOffboardingSource; requestId?: string },
): Promise<TOffboardingOutcome> {
  const linked = await dependencies.database.prisma.portalUser.findUnique({
    where: { slackUserId: options.slackUserId },
    select: { id: true, slackPersonGoneAt: true, disabledAt: true },
  });
  if (linked === null) return "not_linked";
  if (linked.slackPersonGoneAt !== null) return "already_offboarded";
  let changed = false;
  await changeAccountState(dependencies, {
    context: { actor: SLACK_ACTOR, requestId: options.requestId ?? randomUUID() },
    user: { id: linked.id },
    action: AuditAction.USER_DISABLED,
    // An account an admin had already disabled keeps the time they did.
    data: (now) => ({ disabledAt: linked.disabledAt ?? now, slackPersonGoneAt: now }),
    describe: (user) => ({ disabled: user.disabled, slackPersonGone: user.slackPersonGone }),
    onlyIf: { slackUserId: options.slackUserId, slackPersonGoneAt: null },
    afterChange: async (transaction, user) => {
      changed = true;
      const admins = await transaction.roleAssignment.findMany({
        where: { role: "ADMIN", revokedAt: null },
        orderBy: { slackUserId: "asc" },
        select: { slackUserId: true },
      });
      for (const admin of admins) {
        await enqueueOutboxMessage(transaction, OutboxKind.SLACK_ADMIN_NOTICE, {
          slackUserId: admin.slackUserId,
          notice: "slack_person_deactivated",
          userId: user.id,
          username: user.username,
          email: user.email,
          reason: options.source,
          locale: dependencies.settings.locale,
        });
      }
    },
  });
  return changed ? "disabled" : "already_offboarded";
}

/**
 * Slack reports the person active again (reactivated, or never gone): the list's mark goes, and the
 * account stays as it is — disabled until an admin enables it. A later deactivation acts again.
 * True when a mark was cleared.
 */
export async function clearSlackPersonGoneMark(
  dependencies: TUseCaseDependencies,
  slackUserId: string,
): Promise<boolean> {
  const cleared = await dependencies.database.prisma.portalUser.updateMany({
    where: { slackUserId, slackPersonGoneAt: { not: null } },
    data: { slackPersonGoneAt: null },
  });
  return cleared.count > 0;
}
