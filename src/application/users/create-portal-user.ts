// An admin creates a portal account: the fields are checked, the account and its places stored,
// the audit event written and the welcome email (and Slack DM, when linked) queued — one transaction.
// With no Slack user picked, the workspace member holding the email (when the input has a Slack
// directory and that member is free) is linked in the same create: one effect, one audit event.
// The account has no password until the welcome email is sent: the worker makes it then.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { Permission } from "../../domain/roles.ts";
import { runAuditedChange, type TAuditWriter } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import type { TTransaction } from "../ports/database.ts";
import type { SlackDirectory } from "../ports/slack-directory.ts";
import { accessUntilColumns, withAccessUntilChecked } from "./access-until.ts";
import { directMessageOwner } from "./direct-message-owner.ts";
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

export async function createPortalUser(
  dependencies: TUseCaseDependencies,
  options: {
    context: TRequestContext;
    fields: TPortalUserFields;
    /** Where to look for the person holding the email when no Slack user was picked. */
    slackDirectory?: SlackDirectory;
    /** More of the same change, in its transaction: an access request's approval (decided first, told after). */
    withinTransaction?: {
      readonly before?: (transaction: TTransaction, now: Date) => Promise<void>;
      readonly after?: (
        transaction: TTransaction,
        user: TPortalUserDetails,
        audit: TAuditWriter,
        now: Date,
      ) => Promise<void>;
    };
  },
): Promise<TPortalUserDetails> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.USERS_WRITE, {
    action: AuditAction.USER_CREATED,
    target: { type: "portal_user", label: options.fields.username },
  });
  const checked = withAccessUntilChecked(checkPortalUserFields(options.fields), {
    now: dependencies.clock(),
    current: null,
  });
  const looksUpByEmail = checked.fields.slackUserId === null && options.slackDirectory !== undefined;
  // A form the checks refuse (a taken username, a bad field) is answered before any call to Slack,
  // whose lookup may take up to a second. The transaction checks again; this read spares the lookup.
  if (looksUpByEmail) await requireValidAndAvailable(dependencies.database.prisma, checked);
  const foundByEmail = looksUpByEmail
    ? await slackUserWithEmail(dependencies, options.slackDirectory, checked.fields.email)
    : undefined;
  const locale = dependencies.settings.locale;
  return runAuditedChange(
    dependencies,
    context,
    authority,
    async (transaction, audit, now) => {
      await options.withinTransaction?.before?.(transaction, now);
      const valid = await requireValidAndAvailable(transaction, checked);
      // Linked only when no other account holds that person: the email link is a help, never a refusal.
      const linkable =
        foundByEmail !== undefined &&
        (await transaction.portalUser.count({ where: { slackUserId: foundByEmail } })) === 0;
      const fields = linkable ? { ...valid, slackUserId: foundByEmail } : valid;
      const row = await transaction.portalUser.create({
        data: {
          ...accountColumnsOf(fields),
          ...accessUntilColumns(fields.accessUntil, { current: null, actor: context.actor }),
          passwordIsTemporary: true,
          places: { create: fields.placeIds.map((placeId) => ({ placeId })) },
        },
        select: portalUserDetailsSelect,
      });
      const user = toPortalUserDetails(row, now);
      await audit({
        action: AuditAction.USER_CREATED,
        target: portalUserAuditTarget(user),
        changes: { after: auditSnapshotOf(user) },
      });
      await enqueueOutboxMessage(transaction, OutboxKind.CREDENTIALS_EMAIL, {
        reason: "welcome",
        userId: user.id,
        locale,
        ...(context.actor.kind === "slack" ? { requestedBy: context.actor.slackUserId } : {}),
      });
      await directMessageOwner(transaction, user, "welcome", locale);
      await options.withinTransaction?.after?.(transaction, user, audit, now);
      return user;
    },
    // Two forms for one account at once (a double click, a resent envelope, two replicas): name the
    // username or email the winner holds, not the Slack person the index may have tried first.
    { recheckAfterUniqueViolation: () => requireValidAndAvailable(dependencies.database.prisma, checked) },
  );
}

/** What Slack gives for an email within a second; a failure or a slow Slack leaves it unlinked. */
const LOOKUP_BUDGET_MS = 1_000;

async function slackUserWithEmail(
  dependencies: TUseCaseDependencies,
  directory: SlackDirectory | undefined,
  email: string,
): Promise<string | undefined> {
  if (directory === undefined) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), LOOKUP_BUDGET_MS);
  });
  try {
    return await Promise.race([directory.slackUserIdByEmail(email), late]);
  } catch (error) {
    dependencies.logger.info({ err: error }, "no Slack user looked up by email: the account stays unlinked");
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
