// The owner of an invitation link (CREDENTIAL_DELIVERY=link) chooses the account's password on the
// bot's page: Nueva contraseña and Confirmar nueva contraseña under the very policy of the Slack
// modal and the portal API, the same audited change as a password change (`user.password_set`,
// posted to the audit channel, the owner told), attempts rate-limited per link. The link works once:
// the update holds only over the token's hash it found, which it clears in the same statement.
import { INVITATION_LINK_ACTOR, type TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode, type TFieldError, ValidationError } from "../../domain/errors.ts";
import { normalizePassword, passwordPolicyProblems } from "../../domain/password-policy.ts";
import { emailLocalPart } from "../../domain/portal-user-rules.ts";
import { runAuditedChange } from "../audited-change.ts";
import type { TAuthority } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import { consumeRateLimit, type TRateLimit } from "../rate-limits/consume-rate-limit.ts";
import { directMessageOwner } from "./direct-message-owner.ts";
import { findOpenInvitation, type TOpenInvitation } from "./invitation-links.ts";
import { portalUserAuditTarget } from "./portal-user-details.ts";

export const InvitationField = {
  NEW: "newPassword",
  CONFIRMATION: "confirmation",
} as const;

/** Submissions per link: a person retrying the policy is never stopped, a script hammering one is. */
export const INVITATION_RATE_LIMIT: TRateLimit = { limit: 10, windowMs: 10 * 60_000 };

/** Audited as the account's owner (who holds the link), not as the bot. */
const OWNER_AUTHORITY: TAuthority = { roles: [], auditRole: "PORTAL_USER" };

export interface TSetPasswordWithInvitationInput {
  readonly token: string;
  readonly newPassword: string;
  readonly confirmation: string;
}

/** The account a link opens, or INVITATION_LINK_INVALID (wrong, used, voided, expired alike). */
export async function openInvitation(
  dependencies: TUseCaseDependencies,
  options: { token: string },
): Promise<TOpenInvitation> {
  const invitation = await findOpenInvitation(
    dependencies.database.prisma,
    options.token,
    dependencies.clock(),
  );
  if (invitation === undefined) throw new DomainError(ErrorCode.INVITATION_LINK_INVALID);
  return invitation;
}

export async function setPasswordWithInvitation(
  dependencies: TUseCaseDependencies,
  options: { requestId: string; input: TSetPasswordWithInvitationInput },
): Promise<{ readonly username: string }> {
  const { input } = options;
  const context: TRequestContext = { actor: INVITATION_LINK_ACTOR, requestId: options.requestId };
  const invitation = await openInvitation(dependencies, { token: input.token });
  const decision = await consumeRateLimit(dependencies, {
    key: `invitation:${invitation.tokenHash}`,
    rule: INVITATION_RATE_LIMIT,
  });
  if (!decision.allowed) {
    throw new DomainError(ErrorCode.INVITATION_LINK_RATE_LIMITED, {
      parameters: { seconds: decision.retryAfterSeconds },
    });
  }
  const problems: TFieldError[] = await passwordPolicyProblems(input.newPassword, {
    field: InvitationField.NEW,
    minimumLength: dependencies.settings.passwordMinimumLength,
    username: invitation.username,
    emailLocalPart: emailLocalPart(invitation.email),
    checker: dependencies.commonPasswordChecker,
  });
  if (normalizePassword(input.confirmation) !== normalizePassword(input.newPassword)) {
    problems.push({ field: InvitationField.CONFIRMATION, code: ErrorCode.PASSWORD_CONFIRMATION_MISMATCH });
  }
  if (problems.length > 0) throw new ValidationError(problems);

  // Hashed before the transaction: the embedded database is one connection, held for no bcrypt.
  const passwordHash = await dependencies.passwordHasher.hash(input.newPassword);
  const locale = dependencies.settings.locale;
  return runAuditedChange(dependencies, context, OWNER_AUTHORITY, async (transaction, audit, now) => {
    const updated = await transaction.portalUser.updateMany({
      where: {
        id: invitation.userId,
        invitationTokenHash: invitation.tokenHash,
        invitationExpiresAt: { gt: now },
        disabledAt: null,
      },
      data: {
        passwordHash,
        passwordIsTemporary: false,
        passwordExpiresAt: null,
        passwordChangedAt: now,
        invitationTokenHash: null,
        invitationExpiresAt: null,
        failedPasswordAttempts: 0,
        lockedUntil: null,
      },
    });
    // Used (or voided) between the page's read and this write: the one answer of a dead link.
    if (updated.count === 0) throw new DomainError(ErrorCode.INVITATION_LINK_INVALID);
    const user = await transaction.portalUser.findUniqueOrThrow({
      where: { id: invitation.userId },
      select: { id: true, username: true, fullName: true, email: true, slackUserId: true },
    });
    await audit({
      action: AuditAction.USER_PASSWORD_SET,
      target: portalUserAuditTarget(user),
      changes: { password: "set", via: "invitation_link" },
    });
    await enqueueOutboxMessage(transaction, OutboxKind.NOTICE_EMAIL, {
      template: "password_changed",
      to: user.email,
      locale,
      username: user.username,
      fullName: user.fullName,
      occurredAt: now.toISOString(),
    });
    await directMessageOwner(transaction, user, "credentials_changed", locale);
    return { username: user.username };
  });
}
