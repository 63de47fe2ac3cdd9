// Time-bound access, as the scheduler runs it every few minutes: owners whose Acceso hasta is at most
// 3 days away are warned (an email, and a DM when linked; once per date — a changed date warns
// again), and accounts whose date has passed are disabled (audited `user.expired` by the system,
// posted to the audit channel, the admin who set the date told by DM). One replica at a time: the run
// holds a lease on its row of scheduled_task_states (the one offboarding's reconciliation uses),
// renewed after each account. Each account is also claimed by a conditional update, so even two runs
// at once act once. Nothing lives in memory: what is done is written on the account in the same
// transaction as its outbox rows, so a restart (or a bot that was down for days) resumes with what is left.
import { randomUUID } from "node:crypto";
import { ACCESS_WARNING_DAYS, addDays, calendarDateOf, storedDateOf } from "../../domain/access-period.ts";
import { ACCESS_EXPIRY_ACTOR } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import { portalToday } from "./access-until.ts";
import { changeAccountState } from "./change-account-state.ts";
import { directMessageOwner } from "./direct-message-owner.ts";

export const ACCESS_EXPIRY_TASK = "access_expiry";

export interface TAccessExpiryOptions {
  /** Who holds the lease (host, process, a random part). */
  readonly workerId: string;
  /** How long the lease lasts without being renewed (each account renews it). */
  readonly leaseMs: number;
}

export interface TAccessExpiryResult {
  /** `busy`: another replica holds the run; `lease_lost`: it was taken over (this one was too slow). */
  readonly outcome: "busy" | "completed" | "lease_lost";
  readonly warned: number;
  readonly expired: number;
}

export async function expireAccess(
  dependencies: TUseCaseDependencies,
  options: TAccessExpiryOptions,
): Promise<TAccessExpiryResult> {
  const prisma = dependencies.database.prisma;
  const result = { warned: 0, expired: 0 };
  const leaseUntil = () => new Date(dependencies.clock().getTime() + options.leaseMs);
  const now = dependencies.clock();
  // Taken when nobody holds it, or the holder's lease lapsed (a replica that died in a run).
  const taken = await prisma.$queryRaw<{ name: string }[]>`
    INSERT INTO scheduled_task_states AS s (name, leased_by, leased_until, run_started_at)
    VALUES (${ACCESS_EXPIRY_TASK}, ${options.workerId}, ${leaseUntil()}, ${now})
    ON CONFLICT (name) DO UPDATE SET
      leased_by = ${options.workerId}, leased_until = ${leaseUntil()}, run_started_at = ${now}
    WHERE s.leased_until IS NULL OR s.leased_until < ${now}
    RETURNING s.name`;
  if (taken.length === 0) return { outcome: "busy", ...result };

  const renewLease = async () =>
    (
      await prisma.scheduledTaskState.updateMany({
        where: { name: ACCESS_EXPIRY_TASK, leasedBy: options.workerId },
        data: { leasedUntil: leaseUntil() },
      })
    ).count === 1;

  const today = portalToday(now);
  const warnings = await prisma.portalUser.findMany({
    where: {
      accessUntil: { gte: storedDateOf(today), lte: storedDateOf(addDays(today, ACCESS_WARNING_DAYS)) },
      accessExpiredAt: null,
      disabledAt: null,
    },
    orderBy: [{ accessUntil: "asc" }, { id: "asc" }],
    select: { id: true, accessUntil: true, accessWarnedFor: true },
  });
  for (const account of warnings) {
    if (account.accessUntil === null) continue;
    if (account.accessWarnedFor?.getTime() === account.accessUntil.getTime()) continue;
    if (await warnOwner(dependencies, account.id, calendarDateOf(account.accessUntil))) result.warned += 1;
    if (!(await renewLease())) return lost();
  }

  const ended = await prisma.portalUser.findMany({
    where: { accessUntil: { lt: storedDateOf(today) }, accessExpiredAt: null },
    orderBy: [{ accessUntil: "asc" }, { id: "asc" }],
    select: { id: true, accessUntil: true, disabledAt: true, accessUntilSetBy: true },
  });
  for (const account of ended) {
    if (account.accessUntil === null) continue;
    if (await disableExpired(dependencies, { ...account, accessUntil: account.accessUntil }))
      result.expired += 1;
    if (!(await renewLease())) return lost();
  }

  await prisma.scheduledTaskState.updateMany({
    where: { name: ACCESS_EXPIRY_TASK, leasedBy: options.workerId },
    data: { leasedBy: null, leasedUntil: null, lastCompletedAt: dependencies.clock() },
  });
  if (result.warned + result.expired > 0)
    dependencies.logger.info({ task: ACCESS_EXPIRY_TASK, ...result }, "access expiry run acted");
  return { outcome: "completed", ...result };

  function lost(): TAccessExpiryResult {
    dependencies.logger.warn({ task: ACCESS_EXPIRY_TASK }, "access expiry lost its lease; it stops");
    return { outcome: "lease_lost", ...result };
  }
}

/** The warning for one date: claimed on the account with its outbox rows, so it goes once. */
async function warnOwner(dependencies: TUseCaseDependencies, userId: string, accessUntil: string) {
  const date = storedDateOf(accessUntil);
  const { locale } = dependencies.settings;
  return dependencies.database.prisma.$transaction(
    async (transaction) => {
      const claimed = await transaction.portalUser.updateMany({
        where: {
          id: userId,
          accessUntil: date,
          accessExpiredAt: null,
          OR: [{ accessWarnedFor: null }, { accessWarnedFor: { not: date } }],
        },
        data: { accessWarnedFor: date },
      });
      if (claimed.count === 0) return false;
      const user = await transaction.portalUser.findUniqueOrThrow({
        where: { id: userId },
        select: { id: true, username: true, fullName: true, email: true, slackUserId: true },
      });
      await enqueueOutboxMessage(transaction, OutboxKind.NOTICE_EMAIL, {
        template: "access_expiring",
        to: user.email,
        locale,
        username: user.username,
        fullName: user.fullName,
        occurredAt: dependencies.clock().toISOString(),
        detail: accessUntil,
      });
      await directMessageOwner(transaction, user, "access_expiring", locale);
      return true;
    },
    // The embedded database is one connection: a waiting transaction queues behind the running one.
    { maxWait: 10_000, timeout: 20_000 },
  );
}

/** Disables one account past its date, through the same audited state change as Deshabilitar. */
async function disableExpired(
  dependencies: TUseCaseDependencies,
  account: { id: string; accessUntil: Date; disabledAt: Date | null; accessUntilSetBy: string | null },
): Promise<boolean> {
  let changed = false;
  await changeAccountState(dependencies, {
    context: { actor: ACCESS_EXPIRY_ACTOR, requestId: randomUUID() },
    user: { id: account.id },
    action: AuditAction.USER_EXPIRED,
    // An account an admin had already disabled keeps the time they did.
    data: (now) => ({ disabledAt: account.disabledAt ?? now, accessExpiredAt: now }),
    describe: (user) => ({
      disabled: user.disabled,
      accessUntil: user.accessUntil,
      accessExpired: user.accessExpired,
    }),
    // Only for the date read above: one changed meanwhile (an edit) is left for the next run.
    onlyIf: { accessUntil: account.accessUntil, accessExpiredAt: null },
    afterChange: async (transaction, user) => {
      changed = true;
      if (account.accessUntilSetBy === null || user.accessUntil === null) return;
      await enqueueOutboxMessage(transaction, OutboxKind.SLACK_ADMIN_NOTICE, {
        slackUserId: account.accessUntilSetBy,
        notice: "access_expired",
        userId: user.id,
        username: user.username,
        email: user.email,
        reason: user.accessUntil,
        locale: dependencies.settings.locale,
      });
    },
  });
  return changed;
}
