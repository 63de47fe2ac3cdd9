// Delivers the outbox: claims a batch of due messages under a lease, delivers each outside any
// transaction, and records the outcome — SENT, CANCELLED, back to PENDING with a backoff, or FAILED
// (with its audit event, in one transaction). Several replicas on one PostgreSQL share the work:
// claiming skips rows another worker has locked or leased, and an outcome is recorded only by the
// worker that still holds the lease, so a worker whose lease ran out cannot overwrite a newer one.
//
// Time comes from the injected clock (not the database's now()), for claiming, leases and
// backoff alike: tests move it, and replicas are assumed to keep their clocks in step (NTP) to
// well within a lease. leaseMs must exceed the longest delivery (SMTP timeouts), or a slow
// delivery may be claimed again by another worker and sent twice.
import { recordAuditEvent } from "../../application/audit/record-audit-event.ts";
import { OutboxKind, type TOutboxKind } from "../../application/outbox/outbox-messages.ts";
import { type Clock, systemClock } from "../../application/ports/clock.ts";
import type { Database } from "../../application/ports/database.ts";
import type { Logger } from "../../application/ports/logger.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { backoffDelayMs, DEFAULT_BACKOFF, type TBackoffPolicy } from "./backoff.ts";
import { PermanentDeliveryError, TransientDeliveryError } from "./delivery-errors.ts";
import type {
  TOutboxDelivery,
  TOutboxFailureHooks,
  TOutboxHandler,
  TOutboxHandlers,
} from "./outbox-handler.ts";

export const OUTBOX_WORKER_ACTOR = { kind: "system", name: "outbox" } as const;

const DEFAULT_MAX_ATTEMPTS = 10;
const LAST_ERROR_MAX_LENGTH = 500;
// The embedded database is one connection: a waiting transaction queues behind the running one.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

export interface TFailedOutboxMessage extends TOutboxDelivery {
  readonly reason: string;
}

export interface TOutboxWorkerOptions {
  readonly database: Database;
  readonly handlers: TOutboxHandlers;
  /** Per kind, what a permanent failure also does and names (see outbox-handler.ts). */
  readonly failureHooks?: TOutboxFailureHooks;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Unique per running instance (e.g. host, process id and a random suffix): it names the lease holder. */
  readonly workerId: string;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly leaseMs: number;
  readonly maxAttempts?: number;
  readonly backoff?: Partial<TBackoffPolicy>;
  /** Where the delivery.failed audit event is also posted (none for a failed audit post itself). */
  readonly auditChannelId: string | undefined;
  /** Told about each message that will not be delivered (FAILED); its errors are logged, not thrown. */
  readonly onPermanentFailure: (message: TFailedOutboxMessage) => void | Promise<void>;
  /** In [0, 1), like Math.random: the backoff's jitter. */
  readonly random?: () => number;
  /** Told of each failed attempt (the operator's metrics): `permanent` when the message is FAILED. */
  readonly onDeliveryFailure?: (kind: string, permanent: boolean) => void;
}

export interface TOutboxBatchResult {
  readonly claimed: number;
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
  readonly cancelled: number;
  /** Delivered or not, but the outcome was not recorded: the lease was lost or the database failed. */
  readonly unrecorded: number;
}

export interface OutboxWorker {
  /** Polls until stopped; a full batch is followed at once by the next one. */
  start(): void;
  /**
   * Stops polling and waits for the batch in progress, at most `drainMs` (a process being stopped
   * has seconds, an SMTP timeout minutes): the rows still leased then go back to the queue for
   * another worker or the next start.
   */
  stop(options?: { readonly drainMs?: number }): Promise<void>;
  /** Polling (started and not stopped). */
  isRunning(): boolean;
  /** Claims and delivers one batch. */
  runOnce(): Promise<TOutboxBatchResult>;
}

type TOutcome = Exclude<keyof TOutboxBatchResult, "claimed">;

interface TClaimedRow {
  readonly id: string;
  readonly kind: string;
  readonly payload: unknown;
  readonly attempts: number;
  readonly createdAt: Date;
}

export function createOutboxWorker(options: TOutboxWorkerOptions): OutboxWorker {
  const { database, logger, workerId, batchSize, leaseMs } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoff: TBackoffPolicy = { ...DEFAULT_BACKOFF, ...options.backoff };
  const handlers = new Map<string, { kind: TOutboxKind; handler: TOutboxHandler }>();
  for (const kind of Object.values(OutboxKind)) {
    const handler = options.handlers[kind];
    if (handler !== undefined) handlers.set(kind, { kind, handler });
  }
  const kinds = [...handlers.keys()];

  async function claim(): Promise<TClaimedRow[]> {
    if (kinds.length === 0) return [];
    const now = clock();
    const leasedUntil = new Date(now.getTime() + leaseMs);
    // One statement, so one short transaction of its own: the row locks last only while it runs.
    // A row another worker claims meanwhile fails the lease condition when PostgreSQL re-checks it.
    return database.prisma.$queryRaw<TClaimedRow[]>`
      UPDATE outbox_messages
         SET leased_until = ${leasedUntil}, leased_by = ${workerId}, attempts = attempts + 1
       WHERE id IN (
             SELECT id FROM outbox_messages
              WHERE status = 'PENDING'
                AND next_attempt_at <= ${now}
                AND (leased_until IS NULL OR leased_until < ${now})
                AND kind = ANY(${kinds})
              ORDER BY created_at
              LIMIT ${batchSize}
                FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, created_at AS "createdAt"`;
  }

  /**
   * The row as this claim left it. Each claim counts an attempt, so an older claim — another
   * worker's, or this one's before its lease ran out — no longer matches.
   */
  function claimedBy(claim: { id: string; attempts: number }) {
    return { id: claim.id, status: "PENDING", leasedBy: workerId, attempts: claim.attempts } as const;
  }

  /** Records an outcome if this claim still holds the row; false when it does not. */
  async function record(
    row: TClaimedRow,
    data: {
      status: "PENDING" | "SENT" | "CANCELLED";
      lastError?: string | null;
      sentAt?: Date;
      nextAttemptAt?: Date;
    },
  ): Promise<boolean> {
    const updated = await database.prisma.outboxMessage.updateMany({
      where: claimedBy(row),
      data: {
        ...data,
        leasedUntil: null,
        // A row going back to the queue belongs to no one and keeps its sealed secret for the retry;
        // a closed one keeps who closed it, and its secret is wiped.
        ...(data.status === "PENDING" ? { leasedBy: null } : { sealedSecret: null }),
      },
    });
    return updated.count === 1;
  }

  async function fail(delivery: TOutboxDelivery, reason: string): Promise<TOutcome> {
    const now = clock();
    const recorded = await database.prisma.$transaction(async (transaction) => {
      const updated = await transaction.outboxMessage.updateMany({
        where: claimedBy(delivery),
        data: { status: "FAILED", leasedUntil: null, lastError: reason, sealedSecret: null },
      });
      if (updated.count !== 1) return false;
      const details = await options.failureHooks?.[delivery.kind]?.(transaction, delivery, { reason, now });
      await recordAuditEvent(
        transaction,
        {
          actor: OUTBOX_WORKER_ACTOR,
          actorRole: "SYSTEM",
          requestId: delivery.id,
          action: details?.action ?? AuditAction.DELIVERY_FAILED,
          target: details?.target ?? { type: "outbox_message", id: delivery.id },
          changes: {
            kind: delivery.kind,
            reason,
            attempts: delivery.attempts,
            ...details?.changes,
            ...(details === undefined ? {} : { outboxMessageId: delivery.id }),
          },
          result: "failed",
        },
        {
          occurredAt: now,
          // A failed audit post is not posted again: a channel that keeps refusing would loop.
          auditChannelId:
            delivery.kind === OutboxKind.AUDIT_CHANNEL_POST ? undefined : options.auditChannelId,
        },
      );
      return true;
    }, TRANSACTION_OPTIONS);
    if (!recorded) return leaseLost(delivery);
    options.onDeliveryFailure?.(delivery.kind, true);
    logger.error(
      { outboxMessageId: delivery.id, kind: delivery.kind, attempts: delivery.attempts, reason },
      "outbox message failed for good",
    );
    try {
      await options.onPermanentFailure({ ...delivery, reason });
    } catch (error) {
      logger.error({ outboxMessageId: delivery.id, error: describeError(error) }, "onPermanentFailure threw");
    }
    return "failed";
  }

  function leaseLost(delivery: TOutboxDelivery): TOutcome {
    logger.warn(
      { outboxMessageId: delivery.id, kind: delivery.kind, attempts: delivery.attempts },
      "outbox lease lost before the outcome was recorded",
    );
    return "unrecorded";
  }

  /** The backoff, or longer when the other side asked for a longer wait. */
  function retryDelayMs(error: unknown, attempts: number): number {
    const delay = backoffDelayMs(backoff, attempts, random);
    const asked = error instanceof TransientDeliveryError ? (error.retryAfterMs ?? 0) : 0;
    return Number.isFinite(asked) ? Math.max(delay, asked) : delay;
  }

  async function deliver(row: TClaimedRow): Promise<TOutcome> {
    const entry = handlers.get(row.kind);
    if (entry === undefined) throw new Error(`claimed a message of kind ${row.kind} with no handler`);
    const delivery: TOutboxDelivery = { ...row, kind: entry.kind, leasedBy: workerId };
    if (delivery.attempts > maxAttempts) {
      // Earlier claims ended with no outcome (a crash, a lost lease): do not try for ever.
      return fail(delivery, `no outcome after ${delivery.attempts - 1} attempts`);
    }
    let outcome: Awaited<ReturnType<TOutboxHandler>>;
    try {
      outcome = await entry.handler(delivery);
    } catch (error) {
      const reason = describeError(error);
      if (error instanceof PermanentDeliveryError) return fail(delivery, reason);
      if (delivery.attempts >= maxAttempts)
        return fail(delivery, `gave up after ${delivery.attempts} attempts: ${reason}`);
      const nextAttemptAt = new Date(clock().getTime() + retryDelayMs(error, delivery.attempts));
      if (!(await record(row, { status: "PENDING", lastError: reason, nextAttemptAt })))
        return leaseLost(delivery);
      options.onDeliveryFailure?.(delivery.kind, false);
      logger.warn(
        {
          outboxMessageId: delivery.id,
          kind: delivery.kind,
          attempts: delivery.attempts,
          reason,
          nextAttemptAt,
        },
        "outbox delivery failed; will retry",
      );
      return "retried";
    }
    if (outcome.status === "cancelled") {
      const reason = shorten(outcome.reason);
      if (!(await record(row, { status: "CANCELLED", lastError: reason }))) return leaseLost(delivery);
      logger.info({ outboxMessageId: delivery.id, kind: delivery.kind, reason }, "outbox message cancelled");
      return "cancelled";
    }
    if (!(await record(row, { status: "SENT", sentAt: clock(), lastError: null })))
      return leaseLost(delivery);
    logger.debug(
      { outboxMessageId: delivery.id, kind: delivery.kind, attempts: delivery.attempts },
      "outbox message sent",
    );
    return "sent";
  }

  async function runOnce(): Promise<TOutboxBatchResult> {
    const rows = await claim();
    const counts = { claimed: rows.length, sent: 0, retried: 0, failed: 0, cancelled: 0, unrecorded: 0 };
    // In parallel, so that the lease covers one delivery rather than a whole batch of them.
    const outcomes = await Promise.allSettled(rows.map((row) => deliver(row)));
    outcomes.forEach((outcome, index) => {
      if (outcome.status === "fulfilled") {
        counts[outcome.value] += 1;
        return;
      }
      // Recording failed (the database went away): the lease runs out and the message is tried again.
      counts.unrecorded += 1;
      logger.error(
        { outboxMessageId: rows[index]?.id, error: describeError(outcome.reason) },
        "could not record an outbox outcome",
      );
    });
    return counts;
  }

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      timer = undefined;
      current = poll();
    }, delayMs);
  }

  async function poll(): Promise<void> {
    let claimed = 0;
    try {
      claimed = (await runOnce()).claimed;
    } catch (error) {
      logger.error({ error: describeError(error) }, "outbox batch failed");
    }
    current = undefined;
    if (running) schedule(claimed >= batchSize ? 0 : options.pollIntervalMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      logger.info({ workerId, kinds }, "outbox worker started");
      schedule(0);
    },
    async stop(stopOptions = {}) {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const drainMs = stopOptions.drainMs;
      let drained = true;
      if (current !== undefined && drainMs !== undefined) {
        let timeout: NodeJS.Timeout | undefined;
        drained = await Promise.race([
          current.then(() => true),
          new Promise<boolean>((resolve) => {
            timeout = setTimeout(() => resolve(false), drainMs);
          }),
        ]);
        clearTimeout(timeout);
      } else {
        await current;
      }
      if (!drained) {
        const released = await options.database.prisma.$executeRaw`
          UPDATE outbox_messages SET leased_until = NULL, leased_by = NULL
          WHERE leased_by = ${workerId} AND status = 'PENDING'`;
        logger.warn(
          { workerId, released, drainMs },
          "outbox worker stopped mid-batch: its leased rows go back to the queue",
        );
      }
      logger.info({ workerId }, "outbox worker stopped");
    },
    isRunning: () => running,
    runOnce,
  };
}

/** A few words for last_error and the logs: the delivery errors' own message, else the error's type and code. */
export function describeError(error: unknown): string {
  if (error instanceof TransientDeliveryError || error instanceof PermanentDeliveryError)
    return shorten(error.message);
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? ` ${error.code}` : "";
    // Only the first line: libraries put their arguments on the following ones.
    const firstLine = error.message.split("\n").find((line) => line.trim() !== "") ?? "";
    return shorten(`${error.name}${code}: ${firstLine.trim()}`);
  }
  return "unknown error";
}

function shorten(text: string): string {
  return text.length <= LAST_ERROR_MAX_LENGTH ? text : `${text.slice(0, LAST_ERROR_MAX_LENGTH - 1)}…`;
}
