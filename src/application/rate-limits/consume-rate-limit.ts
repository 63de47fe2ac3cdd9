// A rate limit kept in the database, so that every replica counts against one limit: at most
// `limit` attempts per key in a sliding window, estimated from the hits of the current fixed
// window and of the one before it (weighted by how much of it still overlaps the sliding window).
// One atomic statement counts an allowed attempt; a refused attempt is not counted, so waiting
// Retry-After is enough.
import type { TUseCaseDependencies } from "../dependencies.ts";

export interface TRateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export type TRateLimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Rows of windows this old no longer count for any limit: housekeeping removes them. */
export const RATE_LIMIT_ROW_RETENTION_MS = 60 * 60_000;

interface TWindow {
  readonly windowStartedAt: number;
  readonly hits: number;
  readonly previousHits: number;
}

/** The hits that count at `now` for a row last written in the window starting at `startedAt`. */
function countsAt(
  row: TWindow,
  windowStart: number,
  windowMs: number,
): { current: number; previous: number } {
  if (row.windowStartedAt === windowStart) return { current: row.hits, previous: row.previousHits };
  if (row.windowStartedAt === windowStart - windowMs) return { current: 0, previous: row.hits };
  return { current: 0, previous: 0 };
}

/** Seconds until the estimate falls under the limit again (at least one). */
function secondsUntilAllowed(row: TWindow, now: number, rule: TRateLimit): number {
  const { limit, windowMs } = rule;
  let windowStart = Math.floor(now / windowMs) * windowMs;
  let { current, previous } = countsAt(row, windowStart, windowMs);
  // Walk forward at most two windows: the estimate is under the limit by then.
  for (let step = 0; step < 3; step += 1) {
    // previous × (1 − (t − windowStart) / W) + current < limit, solved for t.
    if (current < limit) {
      const fractionNeeded = previous === 0 ? 0 : 1 - (limit - current) / previous;
      const at = windowStart + Math.max(0, fractionNeeded) * windowMs;
      // The estimate is under the limit just after `at`: the first whole second past it.
      if (at < windowStart + windowMs) return at <= now ? 1 : Math.floor((at - now) / 1000) + 1;
    }
    windowStart += windowMs;
    previous = current;
    current = 0;
  }
  return Math.max(1, Math.ceil(windowMs / 1000));
}

export async function consumeRateLimit(
  dependencies: TUseCaseDependencies,
  options: { key: string; rule: TRateLimit },
): Promise<TRateLimitDecision> {
  const { key, rule } = options;
  const now = dependencies.clock().getTime();
  const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
  const weight = 1 - (now - windowStart) / rule.windowMs;
  const current = new Date(windowStart);
  const previous = new Date(windowStart - rule.windowMs);
  const prisma = dependencies.database.prisma;
  const counted = await prisma.$queryRaw<{ hits: number }[]>`
    INSERT INTO rate_limit_windows AS w (key, window_started_at, hits, previous_hits)
    VALUES (${key}, ${current}, 1, 0)
    ON CONFLICT (key) DO UPDATE SET
      previous_hits = CASE WHEN w.window_started_at = ${current} THEN w.previous_hits
                           WHEN w.window_started_at = ${previous} THEN w.hits ELSE 0 END,
      hits = CASE WHEN w.window_started_at = ${current} THEN w.hits + 1 ELSE 1 END,
      window_started_at = ${current}
    WHERE (CASE WHEN w.window_started_at = ${current} THEN w.previous_hits
                WHEN w.window_started_at = ${previous} THEN w.hits ELSE 0 END) * ${weight}::float8
        + (CASE WHEN w.window_started_at = ${current} THEN w.hits ELSE 0 END) < ${rule.limit}
    RETURNING hits`;
  if (counted.length > 0) return { allowed: true };
  const row = await prisma.rateLimitWindow.findUnique({ where: { key } });
  const window: TWindow =
    row === null
      ? { windowStartedAt: windowStart, hits: rule.limit, previousHits: 0 }
      : { windowStartedAt: row.windowStartedAt.getTime(), hits: row.hits, previousHits: row.previousHits };
  return { allowed: false, retryAfterSeconds: secondsUntilAllowed(window, now, rule) };
}
