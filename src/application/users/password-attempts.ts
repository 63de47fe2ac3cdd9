// The lockout, shared by the login and the password change, decided in the database so that it
// holds for concurrent requests and across replicas. Before any bcrypt work a check takes one of
// the attempts left in one atomic statement — wrong passwords so far plus checks still running may
// never pass five — or is refused. When it settles, a wrong password counts; the one that makes
// five takes the lock (once: the counter stays at five until the lock ends), audited, its owner told.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction, type TAuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { LOCKOUT_DURATION_MS, MAXIMUM_FAILED_PASSWORD_ATTEMPTS } from "../../domain/lockout.ts";
import { runAuditedChange } from "../audited-change.ts";
import type { TAuthority } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueLockNotices } from "./lock-notices.ts";
import {
  portalUserAuditTarget,
  portalUserDetailsSelect,
  toPortalUserDetails,
} from "./portal-user-details.ts";

/** A check that started this long ago and never settled was lost (its process died): it no longer counts. */
export const PASSWORD_CHECK_STALE_AFTER_MS = 60_000;

export interface TFailedAttemptOutcome {
  readonly locked: boolean;
  readonly lockedUntil: Date | null;
  readonly remainingAttempts: number;
}

/**
 * Takes one attempt for the account before its password is checked, or throws: ACCOUNT_LOCKED
 * while a lock lasts, PASSWORD_CHECK_BUSY while checks already running use up the attempts left.
 * A lock that has ended is lifted here, and the count starts again.
 */
export async function beginPasswordCheck(dependencies: TUseCaseDependencies, userId: string): Promise<void> {
  const prisma = dependencies.database.prisma;
  const now = dependencies.clock();
  const staleBefore = new Date(now.getTime() - PASSWORD_CHECK_STALE_AFTER_MS);
  const taken = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE portal_users SET
      failed_password_attempts = CASE WHEN locked_until <= ${now} THEN 0 ELSE failed_password_attempts END,
      locked_until = CASE WHEN locked_until <= ${now} THEN NULL ELSE locked_until END,
      password_checks_in_flight = CASE
        WHEN password_checks_started_at IS NULL OR password_checks_started_at < ${staleBefore} THEN 1
        ELSE password_checks_in_flight + 1 END,
      password_checks_started_at = ${now}
    WHERE id = ${userId}::uuid
      AND (locked_until IS NULL OR locked_until <= ${now})
      AND (CASE WHEN locked_until <= ${now} THEN 0 ELSE failed_password_attempts END)
        + (CASE WHEN password_checks_started_at IS NULL OR password_checks_started_at < ${staleBefore} THEN 0
                ELSE password_checks_in_flight END) < ${MAXIMUM_FAILED_PASSWORD_ATTEMPTS}
    RETURNING id`;
  if (taken.length > 0) return;
  const row = await prisma.portalUser.findUnique({ where: { id: userId }, select: { lockedUntil: true } });
  if (row?.lockedUntil != null && row.lockedUntil > now) {
    throw new DomainError(ErrorCode.ACCOUNT_LOCKED, { parameters: { until: row.lockedUntil.toISOString() } });
  }
  throw new DomainError(ErrorCode.PASSWORD_CHECK_BUSY);
}

/** Gives the attempt back without counting it: the check could not be made (an error on the way). */
export async function abandonPasswordCheck(
  dependencies: TUseCaseDependencies,
  userId: string,
): Promise<void> {
  await dependencies.database.prisma.$executeRaw`
    UPDATE portal_users SET password_checks_in_flight = GREATEST(password_checks_in_flight - 1, 0)
    WHERE id = ${userId}::uuid`;
}

/**
 * The password was right: the wrong ones before it no longer count. Throws ACCOUNT_LOCKED when
 * wrong passwords checked at the same time locked the account meanwhile — a lock refuses every
 * answer given after it, even a right one.
 */
export async function settleCorrectPassword(
  dependencies: TUseCaseDependencies,
  userId: string,
): Promise<void> {
  const prisma = dependencies.database.prisma;
  const now = dependencies.clock();
  const settled = await prisma.$queryRaw<{ locked_until: Date | null }[]>`
    UPDATE portal_users SET
      password_checks_in_flight = GREATEST(password_checks_in_flight - 1, 0),
      failed_password_attempts = CASE WHEN locked_until > ${now} THEN failed_password_attempts ELSE 0 END
    WHERE id = ${userId}::uuid
    RETURNING locked_until`;
  const lockedUntil = settled[0]?.locked_until ?? null;
  if (lockedUntil !== null && lockedUntil > now) {
    throw new DomainError(ErrorCode.ACCOUNT_LOCKED, { parameters: { until: lockedUntil.toISOString() } });
  }
}

/**
 * The password was wrong: it counts, audited as `action`; the fifth takes the lock. The row is
 * locked for the transaction, so of concurrent failures exactly one takes it.
 */
export function settleWrongPassword(
  dependencies: TUseCaseDependencies,
  context: TRequestContext,
  authority: TAuthority,
  options: { userId: string; action: TAuditAction },
): Promise<TFailedAttemptOutcome> {
  let lockTaken = false;
  const outcome = runAuditedChange(dependencies, context, authority, async (transaction, audit, now) => {
    lockTaken = false; // a retried transaction decides again
    const lockEnds = new Date(now.getTime() + LOCKOUT_DURATION_MS);
    const [counted] = await transaction.$queryRaw<
      { failed_password_attempts: number; locked_until: Date | null; was_locked: boolean }[]
    >`
      WITH before AS (
        SELECT id, (locked_until IS NOT NULL AND locked_until > ${now}) AS was_locked
        FROM portal_users WHERE id = ${options.userId}::uuid FOR UPDATE)
      UPDATE portal_users AS account SET
        password_checks_in_flight = GREATEST(account.password_checks_in_flight - 1, 0),
        failed_password_attempts = LEAST(account.failed_password_attempts + 1, ${MAXIMUM_FAILED_PASSWORD_ATTEMPTS}),
        locked_until = CASE
          WHEN NOT before.was_locked AND account.failed_password_attempts + 1 >= ${MAXIMUM_FAILED_PASSWORD_ATTEMPTS}
          THEN ${lockEnds} ELSE account.locked_until END
      FROM before WHERE account.id = before.id
      RETURNING account.failed_password_attempts, account.locked_until, before.was_locked`;
    if (counted === undefined) throw new DomainError(ErrorCode.USER_NOT_FOUND);
    const takesLock =
      !counted.was_locked && counted.failed_password_attempts >= MAXIMUM_FAILED_PASSWORD_ATTEMPTS;
    const row = await transaction.portalUser.findUniqueOrThrow({
      where: { id: options.userId },
      select: portalUserDetailsSelect,
    });
    const user = toPortalUserDetails(row, now);
    const target = portalUserAuditTarget(user);
    await audit({
      action: options.action,
      target,
      changes: { failedAttempts: counted.failed_password_attempts },
      result: "failed",
    });
    if (takesLock) {
      await audit({
        action: AuditAction.USER_LOCKED,
        target,
        changes: {
          lockedUntil: user.lockedUntil?.toISOString() ?? null,
          after: `${counted.failed_password_attempts} wrong passwords`,
        },
      });
      await enqueueLockNotices(transaction, user, dependencies.settings.locale, now);
      lockTaken = true;
    }
    return {
      locked: user.locked,
      lockedUntil: user.lockedUntil,
      remainingAttempts: Math.max(0, MAXIMUM_FAILED_PASSWORD_ATTEMPTS - counted.failed_password_attempts),
    };
  });
  return outcome.then((settled) => {
    if (lockTaken) dependencies.metrics?.accountLocked();
    return settled;
  });
}

/**
 * Checks a password under the lockout: takes an attempt, runs `check` (the bcrypt work), and
 * settles it. Resolves to the outcome of a wrong password, or to undefined for a right one.
 */
export async function checkPasswordUnderLockout(
  dependencies: TUseCaseDependencies,
  context: TRequestContext,
  authority: TAuthority,
  options: { userId: string; action: TAuditAction; check: () => Promise<boolean> },
): Promise<TFailedAttemptOutcome | undefined> {
  await beginPasswordCheck(dependencies, options.userId);
  let matches: boolean;
  try {
    matches = await options.check();
  } catch (error) {
    await abandonPasswordCheck(dependencies, options.userId);
    throw error;
  }
  if (!matches) return settleWrongPassword(dependencies, context, authority, options);
  await settleCorrectPassword(dependencies, options.userId);
  return undefined;
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
