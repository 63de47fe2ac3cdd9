// An admin creates a portal account: the fields are checked, the account and its places stored,
// the audit event written and the welcome email (and Slack DM, when linked) queued — one transaction.
// The account has no password until the welcome email is sent: the worker makes it then.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { Permission } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import {
  auditSnapshotOf,
  portalUserDetailsSelect,
  type TPortalUserDetails,
  toPortalUserDetails,
} from "./portal-user-details.ts";
import {
  checkPortalUserFields,
  requireValidAndAvailable,
  type TPortalUserFields,
} from "./portal-user-input.ts";

export async function createPortalUser(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; fields: TPortalUserFields },
): Promise<TPortalUserDetails> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.USERS_WRITE, {
    action: AuditAction.USER_CREATED,
    target: { type: "portal_user", label: options.fields.username },
  });
  const checked = checkPortalUserFields(options.fields);
  const locale = dependencies.settings.locale;
  return runAuditedChange(dependencies, context, authority, async (transaction, audit, now) => {
    const fields = await requireValidAndAvailable(transaction, checked);
    const row = await transaction.portalUser.create({
      data: {
        username: fields.username,
        fullName: fields.fullName,
        email: fields.email,
        emailNormalized: fields.emailNormalized,
        slackUserId: fields.slackUserId,
        passwordIsTemporary: true,
        places: { create: fields.placeIds.map((placeId) => ({ placeId })) },
      },
      select: portalUserDetailsSelect,
    });
    const user = toPortalUserDetails(row, now);
    await audit({
      action: AuditAction.USER_CREATED,
      target: { type: "portal_user", id: user.id, label: user.username },
      changes: { after: auditSnapshotOf(user) },
    });
    await enqueueOutboxMessage(transaction, OutboxKind.CREDENTIALS_EMAIL, {
      reason: "welcome",
      userId: user.id,
      locale,
      ...(context.actor.kind === "slack" ? { requestedBy: context.actor.slackUserId } : {}),
    });
    if (user.slackUserId !== null) {
      await enqueueOutboxMessage(transaction, OutboxKind.SLACK_DIRECT_MESSAGE, {
        slackUserId: user.slackUserId,
        message: "welcome",
        userId: user.id,
        locale,
      });
    }
    return user;
  });
}
