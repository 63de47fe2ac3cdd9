// The daily reconciliation of offboarding: Slack's user_change events can be missed (the bot was
// down, the event was dropped), so once a day every linked account's person is asked about
// (users.info) and a deactivated one is disabled exactly as the event does. One replica at a time:
// the run holds a lease on its row of scheduled_task_states, renewed with each person; it paces its
// calls under Slack's Tier 4 limit and waits out a 429's Retry-After; it keeps its place (the last
// Slack user id done) in the same row, so a restart resumes where it stopped. A Slack failure on one
// person is logged and skipped: the next run asks again.
import type { TUseCaseDependencies } from "../dependencies.ts";
import { SlackLookupRateLimited, type SlackPersonLookup } from "../ports/slack-directory.ts";
import {
  clearSlackPersonGoneMark,
  disableForDeactivatedSlackPerson,
} from "./disable-for-deactivated-slack-person.ts";

export const SLACK_RECONCILIATION_TASK = "slack_people_reconciliation";

export interface TReconciliationOptions {
  readonly lookup: SlackPersonLookup;
  /** Who holds the lease (host, process, a random part). */
  readonly workerId: string;
  /** Between two users.info calls: 1.2 s keeps under 50 a minute. */
  readonly pauseBetweenCallsMs: number;
  /** A run starts when the last complete one is older than this (a day). */
  readonly intervalMs: number;
  /** How long the lease lasts without being renewed (each person renews it). */
  readonly leaseMs: number;
  /** Rate-limit answers in a row on one person before it is skipped for this run. */
  readonly maximumRateLimitWaits?: number;
  /**
   * Asked before each person: true stops the run there, its place kept for the next one (the bot
   * stopping; a test's restart in the middle of a run).
   */
  readonly shouldStop?: (checked: number) => boolean;
  /** Waits (the pace, a Retry-After); the bot's ends early when it stops. */
  readonly sleep?: (milliseconds: number) => Promise<void>;
}

export interface TReconciliationResult {
  /** `busy`: another replica holds the run; `not_due`: the last run is recent. */
  readonly outcome: "busy" | "not_due" | "completed" | "stopped" | "lease_lost";
  readonly checked: number;
  readonly disabled: number;
  readonly failed: number;
}

const PAGE_SIZE = 100;
const sleepFor = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, milliseconds)));

export async function reconcileSlackPeople(
  dependencies: TUseCaseDependencies,
  options: TReconciliationOptions,
): Promise<TReconciliationResult> {
  const { logger } = dependencies;
  const prisma = dependencies.database.prisma;
  const sleep = options.sleep ?? sleepFor;
  const result = { checked: 0, disabled: 0, failed: 0 };
  const leaseUntil = () => new Date(dependencies.clock().getTime() + options.leaseMs);

  const now = dependencies.clock();
  const dueBefore = new Date(now.getTime() - options.intervalMs);
  // Taken when nobody holds it (or the holder's lease lapsed) and a run is due or under way.
  const taken = await prisma.$queryRaw<{ cursor: string | null }[]>`
    INSERT INTO scheduled_task_states AS s (name, leased_by, leased_until, run_started_at)
    VALUES (${SLACK_RECONCILIATION_TASK}, ${options.workerId}, ${leaseUntil()}, ${now})
    ON CONFLICT (name) DO UPDATE SET
      leased_by = ${options.workerId},
      leased_until = ${leaseUntil()},
      run_started_at = CASE WHEN s.cursor IS NULL THEN ${now} ELSE s.run_started_at END
    WHERE (s.leased_until IS NULL OR s.leased_until < ${now})
      AND (s.cursor IS NOT NULL OR s.last_completed_at IS NULL OR s.last_completed_at <= ${dueBefore})
    RETURNING s.cursor`;
  const [lease] = taken;
  if (lease === undefined) {
    const state = await prisma.scheduledTaskState.findUnique({ where: { name: SLACK_RECONCILIATION_TASK } });
    const busy = state?.leasedUntil != null && state.leasedUntil >= now;
    return { outcome: busy ? "busy" : "not_due", ...result };
  }
  logger.info(
    { task: SLACK_RECONCILIATION_TASK, resumingAfter: lease.cursor ?? undefined },
    lease.cursor === null ? "Slack reconciliation started" : "Slack reconciliation resumed",
  );

  let cursor = lease.cursor;
  let calls = 0;
  for (;;) {
    const page = await prisma.portalUser.findMany({
      where: { slackUserId: cursor === null ? { not: null } : { gt: cursor } },
      orderBy: { slackUserId: "asc" },
      take: PAGE_SIZE,
      select: { slackUserId: true },
    });
    if (page.length === 0) break;
    for (const { slackUserId } of page) {
      if (slackUserId === null) continue;
      if (options.shouldStop?.(result.checked) === true) {
        await releaseLease(dependencies, options.workerId);
        return { outcome: "stopped", ...result };
      }
      const deactivated = await askSlack(slackUserId, () => {
        const pause = calls === 0 ? 0 : options.pauseBetweenCallsMs;
        calls += 1;
        return pause;
      });
      result.checked += 1;
      if (deactivated === undefined) result.failed += 1;
      else if (deactivated) {
        const outcome = await disableForDeactivatedSlackPerson(dependencies, {
          slackUserId,
          source: "reconciliation",
        });
        if (outcome === "disabled") result.disabled += 1;
      } else await clearSlackPersonGoneMark(dependencies, slackUserId);
      cursor = slackUserId;
      const renewed = await prisma.scheduledTaskState.updateMany({
        where: { name: SLACK_RECONCILIATION_TASK, leasedBy: options.workerId },
        data: { cursor, leasedUntil: leaseUntil() },
      });
      if (renewed.count === 0) {
        logger.warn({ task: SLACK_RECONCILIATION_TASK }, "Slack reconciliation lost its lease; it stops");
        return { outcome: "lease_lost", ...result };
      }
    }
  }
  await prisma.scheduledTaskState.updateMany({
    where: { name: SLACK_RECONCILIATION_TASK, leasedBy: options.workerId },
    data: { cursor: null, lastCompletedAt: dependencies.clock(), leasedBy: null, leasedUntil: null },
  });
  logger.info({ task: SLACK_RECONCILIATION_TASK, ...result }, "Slack reconciliation completed");
  return { outcome: "completed", ...result };

  /** True / false as Slack says; undefined when Slack failed (logged; asked again next run). */
  async function askSlack(slackUserId: string, nextPause: () => number): Promise<boolean | undefined> {
    const maximumWaits = options.maximumRateLimitWaits ?? 5;
    for (let waits = 0; ; waits += 1) {
      await sleep(nextPause());
      try {
        return await options.lookup.isDeactivated(slackUserId);
      } catch (error) {
        if (error instanceof SlackLookupRateLimited && waits < maximumWaits) {
          logger.warn(
            { task: SLACK_RECONCILIATION_TASK, retryAfterMs: error.retryAfterMs },
            "Slack rate-limited users.info; waiting as it asks",
          );
          await sleep(error.retryAfterMs);
          continue;
        }
        logger.warn(
          { task: SLACK_RECONCILIATION_TASK, slackUserId, err: error },
          "users.info failed for one person; skipped until the next run",
        );
        return undefined;
      }
    }
  }
}

async function releaseLease(dependencies: TUseCaseDependencies, workerId: string): Promise<void> {
  await dependencies.database.prisma.scheduledTaskState.updateMany({
    where: { name: SLACK_RECONCILIATION_TASK, leasedBy: workerId },
    data: { leasedBy: null, leasedUntil: null },
  });
}
