// A portal user changes their own password — from Slack (their linked account) or through the
// portal's API (the account it names): current password, new password, confirmation. The same
// rules and audit either way. A wrong current password counts towards the lockout.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode, type TFieldError, ValidationError } from "../../domain/errors.ts";
import { isLocked } from "../../domain/lockout.ts";
import { normalizePassword, passwordPolicyProblems } from "../../domain/password-policy.ts";
import { emailLocalPart, normalizeUsername } from "../../domain/portal-user-rules.ts";
import { runAuditedChange } from "../audited-change.ts";
import { authorityOf } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import { findCredentialAccount } from "./credential-account.ts";
import { directMessageOwner } from "./direct-message-owner.ts";
import { checkPasswordUnderLockout, recordUnknownAccountAttempt } from "./password-attempts.ts";
import { portalUserAuditTarget, type TPortalUserDetails } from "./portal-user-details.ts";

export const PasswordField = {
  CURRENT: "currentPassword",
  NEW: "newPassword",
  CONFIRMATION: "confirmation",
} as const;

export interface TChangePasswordInput {
  /** Required for the portal; ignored for a Slack actor, who changes their own linked account. */
  readonly username?: string;
  readonly currentPassword: string;
  readonly newPassword: string;
  /** The portal's API has no confirmation field: it confirms on its own form. */
  readonly confirmation?: string;
}

export async function changePassword(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; input: TChangePasswordInput },
): Promise<TPortalUserDetails> {
  const { context, input } = options;
  const prisma = dependencies.database.prisma;
  const now = dependencies.clock();
  const account = await findCredentialAccount(prisma, context, input.username, now);
  if (account === undefined) {
    // The same work and the same answer as a wrong password: the portal cannot probe for accounts.
    await dependencies.passwordHasher.verify(input.currentPassword, null);
    if (context.actor.kind === "slack") throw new DomainError(ErrorCode.ACCOUNT_NOT_LINKED);
    await recordUnknownAccountAttempt(dependencies, context, await authorityOf(prisma, context), {
      username: normalizeUsername(input.username ?? ""),
      action: AuditAction.USER_PASSWORD_CHANGE_FAILED,
    });
    throw ValidationError.single(PasswordField.CURRENT, ErrorCode.CURRENT_PASSWORD_WRONG);
  }
  const { user } = account;
  const baseAuthority = await authorityOf(prisma, context);
  const authority = {
    ...baseAuthority,
    auditRole:
      context.actor.kind === "slack" && baseAuthority.roles.length === 0
        ? "PORTAL_USER"
        : baseAuthority.auditRole,
  };
  if (isLocked(user.lockedUntil, now)) {
    throw new DomainError(ErrorCode.ACCOUNT_LOCKED, {
      parameters: { until: user.lockedUntil?.toISOString() ?? "" },
    });
  }
  // A Slack user is the account's proven owner: before the welcome email has made a password, tell
  // them to wait for it instead of counting their guesses towards a lock. The portal learns nothing.
  // With CREDENTIAL_DELIVERY=link an account without a password waits for its invitation link,
  // and the portal is told so as its login is (password_not_set): there is nothing to guess.
  if (
    account.passwordHash === null &&
    (context.actor.kind === "slack" || dependencies.settings.credentialDelivery === "link")
  ) {
    throw ValidationError.single(PasswordField.CURRENT, ErrorCode.PASSWORD_NOT_SET);
  }
  const wrong = await checkPasswordUnderLockout(dependencies, context, authority, {
    userId: user.id,
    action: AuditAction.USER_PASSWORD_CHANGE_FAILED,
    check: () => dependencies.passwordHasher.verify(input.currentPassword, account.passwordHash),
  });
  if (wrong !== undefined) {
    if (wrong.locked) {
      throw new DomainError(ErrorCode.ACCOUNT_LOCKED, {
        parameters: { until: wrong.lockedUntil?.toISOString() ?? "" },
      });
    }
    throw ValidationError.single(PasswordField.CURRENT, ErrorCode.CURRENT_PASSWORD_WRONG, {
      remaining: wrong.remainingAttempts,
    });
  }
  if (account.disabled) throw new DomainError(ErrorCode.USER_DISABLED);
  if (user.passwordIsTemporary && user.passwordExpiresAt !== null && user.passwordExpiresAt <= now) {
    throw ValidationError.single(PasswordField.CURRENT, ErrorCode.TEMPORARY_PASSWORD_EXPIRED);
  }
  const problems: TFieldError[] = await passwordPolicyProblems(input.newPassword, {
    field: PasswordField.NEW,
    minimumLength: dependencies.settings.passwordMinimumLength,
    username: user.username,
    emailLocalPart: emailLocalPart(user.email),
    checker: dependencies.commonPasswordChecker,
  });
  if (
    problems.length === 0 &&
    normalizePassword(input.newPassword) === normalizePassword(input.currentPassword)
  ) {
    problems.push({ field: PasswordField.NEW, code: ErrorCode.PASSWORD_UNCHANGED });
  }
  if (
    input.confirmation !== undefined &&
    normalizePassword(input.confirmation) !== normalizePassword(input.newPassword)
  ) {
    problems.push({ field: PasswordField.CONFIRMATION, code: ErrorCode.PASSWORD_CONFIRMATION_MISMATCH });
  }
  if (problems.length > 0) throw new ValidationError(problems);

  const newHash = await dependencies.passwordHasher.hash(input.newPassword);
  const locale = dependencies.settings.locale;
  return runAuditedChange(dependencies, context, authority, async (transaction, audit, changedAt) => {
    // Only over the hash that was verified: a reset or another change in between wins, and this one retries.
    const updated = await transaction.portalUser.updateMany({
      where: { id: user.id, passwordHash: account.passwordHash },
      data: {
        passwordHash: newHash,
        passwordIsTemporary: false,
        passwordExpiresAt: null,
        passwordChangedAt: changedAt,
        failedPasswordAttempts: 0,
      },
    });
    if (updated.count === 0) throw new DomainError(ErrorCode.CONFLICT);
    await audit({
      action: AuditAction.USER_PASSWORD_CHANGED,
      target: portalUserAuditTarget(user),
      changes: { password: "changed", wasTemporary: user.passwordIsTemporary, via: context.actor.kind },
    });
    await enqueueOutboxMessage(transaction, OutboxKind.NOTICE_EMAIL, {
      template: "password_changed",
      to: user.email,
      locale,
      username: user.username,
      fullName: user.fullName,
      occurredAt: changedAt.toISOString(),
    });
    await directMessageOwner(transaction, user, "credentials_changed", locale);
    return {
      ...user,
      passwordIsTemporary: false,
      passwordExpiresAt: null,
      passwordChangedAt: changedAt,
      hasPassword: true,
    };
  });
}
