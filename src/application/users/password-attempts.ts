// Counting wrong passwords, shared by the login and the password change: five in a row lock the
// account for fifteen minutes; the lock is audited and its owner told.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction, type TAuditAction } from "../../domain/audit-actions.ts";
import { LOCKOUT_DURATION_MS, MAXIMUM_FAILED_PASSWORD_ATTEMPTS } from "../../domain/lockout.ts";
import { runAuditedChange } from "../audited-change.ts";
import type { TAuthority } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueLockNotices } from "./lock-notices.ts";
import { portalUserDetailsSelect, toPortalUserDetails } from "./portal-user-details.ts";

export interface TFailedAttemptOutcome {
  readonly locked: boolean;
  readonly lockedUntil: Date | null;
  readonly remainingAttempts: number;
}

export function recordFailedPasswordAttempt(
  dependencies: TUseCaseDependencies,
  context: TRequestContext,
  authority: TAuthority,
  options: { userId: string; action: TAuditAction },
): Promise<TFailedAttemptOutcome> {
  return runAuditedChange(dependencies, context, authority, async (transaction, audit, now) => {
    // One atomic increment: concurrent wrong guesses each count.
    const [counted] = await transaction.$queryRaw<{ failed_password_attempts: number }[]>`
      UPDATE portal_users SET failed_password_attempts = failed_password_attempts + 1
      WHERE id = ${options.userId}::uuid RETURNING failed_password_attempts`;
    const failures = counted?.failed_password_attempts ?? 0;
    const locks = failures >= MAXIMUM_FAILED_PASSWORD_ATTEMPTS;
    const row = await transaction.portalUser.update({
      where: { id: options.userId },
      data: locks
        ? { lockedUntil: new Date(now.getTime() + LOCKOUT_DURATION_MS), failedPasswordAttempts: 0 }
        : {},
      select: portalUserDetailsSelect,
    });
    const user = toPortalUserDetails(row, now);
    const target = { type: "portal_user", id: user.id, label: user.username };
    await audit({ action: options.action, target, changes: { failedAttempts: failures }, result: "failed" });
    if (locks) {
      await audit({
        action: AuditAction.USER_LOCKED,
        target,
        changes: {
          lockedUntil: user.lockedUntil?.toISOString() ?? null,
          after: `${failures} wrong passwords`,
        },
      });
      await enqueueLockNotices(transaction, user, dependencies.settings.locale);
    }
    return {
      locked: locks,
      lockedUntil: user.lockedUntil,
      remainingAttempts: Math.max(0, MAXIMUM_FAILED_PASSWORD_ATTEMPTS - failures),
    };
  });
}

export async function clearFailedPasswordAttempts(
  dependencies: TUseCaseDependencies,
  userId: string,
): Promise<void> {
  await dependencies.database.prisma.portalUser.updateMany({
    where: { id: userId, failedPasswordAttempts: { gt: 0 } },
    data: { failedPasswordAttempts: 0 },
  });
}

/**
 * A wrong password for an account that does not exist: audited like one for an account that does
 * (a refusal is a refusal, and support sees someone guessing), which also gives both answers the
 * same work — the portal cannot tell them apart by their time.
 */
export async function recordUnknownAccountAttempt(
  dependencies: TUseCaseDependencies,
  context: TRequestContext,
  authority: TAuthority,
  options: { username: string; action: TAuditAction },
): Promise<void> {
  await runAuditedChange(dependencies, context, authority, async (_transaction, audit) => {
    await audit({
      action: options.action,
      target: { type: "portal_user", label: options.username.slice(0, 64) },
      changes: { failedAttempts: 1 },
      result: "failed",
      reason: "no such account",
    });
  });
}
