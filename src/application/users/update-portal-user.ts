// An admin edits an account: the same field rules as creation; the audit row lists only what
// changed; a changed email sends a notice to the old address.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { Permission } from "../../domain/roles.ts";
import { changedFields } from "../audit/changed-fields.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import { accessUntilColumns, withAccessUntilChecked } from "./access-until.ts";
import { directMessageOwner } from "./direct-message-owner.ts";
import { findPortalUser, portalUserTarget, type TPortalUserReference } from "./find-portal-user.ts";
import {
  auditSnapshotOf,
  portalUserAuditTarget,
  portalUserDetailsSelect,
  type TPortalUserDetails,
  toPortalUserDetails,
} from "./portal-user-details.ts";
import {
  accountColumnsOf,
  checkPortalUserFields,
  requireValidAndAvailable,
  type TPortalUserFields,
} from "./portal-user-input.ts";

/** The masked form of an address for a notice: "j***@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

export async function updatePortalUser(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; user: TPortalUserReference; fields: TPortalUserFields },
): Promise<TPortalUserDetails> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.USERS_WRITE, {
    action: AuditAction.USER_UPDATED,
    target: portalUserTarget(options.user),
  });
  const checked = checkPortalUserFields(options.fields);
  return runAuditedChange(dependencies, context, authority, async (transaction, audit, now) => {
    const before = await findPortalUser(transaction, options.user, now);
    // A date is checked against today only when it changes: an account past its date keeps it on any edit.
    const fields = await requireValidAndAvailable(
      transaction,
      withAccessUntilChecked(checked, { now, current: before.accessUntil }),
      before.id,
    );
    await transaction.portalUserPlace.deleteMany({
      where: { userId: before.id, placeId: { notIn: [...fields.placeIds] } },
    });
    await transaction.portalUserPlace.createMany({
      data: fields.placeIds.map((placeId) => ({ userId: before.id, placeId })),
      skipDuplicates: true,
    });
    const row = await transaction.portalUser.update({
      where: { id: before.id },
      data: {
        ...accountColumnsOf(fields),
        ...accessUntilColumns(fields.accessUntil, { current: before.accessUntil, actor: context.actor }),
      },
      select: portalUserDetailsSelect,
    });
    const after = toPortalUserDetails(row, now);
    const changes = changedFields(
      { ...auditSnapshotOf(before), accessUntil: before.accessUntil },
      { ...auditSnapshotOf(after), accessUntil: after.accessUntil },
    );
    if (Object.keys(changes).length === 0) return after;
    await audit({
      action: AuditAction.USER_UPDATED,
      target: portalUserAuditTarget(after),
      changes,
    });
    if (before.email.toLowerCase() !== after.email.toLowerCase()) {
      await enqueueOutboxMessage(transaction, OutboxKind.NOTICE_EMAIL, {
        template: "email_changed",
        to: before.email,
        locale: dependencies.settings.locale,
        username: after.username,
        fullName: after.fullName,
        occurredAt: now.toISOString(),
        detail: maskEmail(after.email),
      });
    }
    // Newly linked (or linked to someone else): the person is welcomed.
    if (after.slackUserId !== before.slackUserId) {
      await directMessageOwner(transaction, after, "welcome", dependencies.settings.locale);
    }
    return after;
  });
}
