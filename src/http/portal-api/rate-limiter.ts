// A sliding-window rate limiter held in this process's memory: at most `limit` attempts per key in
// any `windowMs`. Each replica counts on its own, so N replicas allow up to N times the limit —
// the lockout after five wrong passwords, kept in the database, is the limit that holds across them.
import type { Clock } from "../../application/ports/clock.ts";

export interface TRateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export type TRateLimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface TRateLimiter {
  /** Counts one attempt for the key when it is allowed; a refused attempt is not counted. */
  consume(key: string): TRateLimitDecision;
  /** How many keys are held now (memory check for tests and metrics). */
  size(): number;
}

export function createRateLimiter(options: TRateLimit & { readonly clock: Clock }): TRateLimiter {
  const { limit, windowMs, clock } = options;
  // Per key, the times of the attempts still inside the window, oldest first (at most `limit`).
  const attempts = new Map<string, number[]>();
  let lastSweep = clock().getTime();

  // Forgets keys with no attempt left in the window, at most once a window: keys sprayed by a
  // caller (made-up usernames) cannot pile up.
  function sweep(now: number): void {
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, times] of attempts) {
      const newest = times[times.length - 1];
      if (newest === undefined || newest <= now - windowMs) attempts.delete(key);
    }
  }

  return {
    consume(key) {
      const now = clock().getTime();
      sweep(now);
      const times = (attempts.get(key) ?? []).filter((time) => time > now - windowMs);
      const oldest = times[0];
      if (times.length >= limit && oldest !== undefined) {
        attempts.set(key, times);
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)),
        };
      }
      times.push(now);
      attempts.set(key, times);
      return { allowed: true };
    },
    size: () => attempts.size,
  };
}
