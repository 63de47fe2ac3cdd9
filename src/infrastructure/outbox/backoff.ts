// When a transiently failed message is tried again: "full jitter" exponential backoff, a random
// delay between 0 and min(maxMs, baseMs · 2^(attempts − 1)), so that replicas retrying together
// spread out instead of hammering a recovering mail server in step.

export interface TBackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: TBackoffPolicy = { baseMs: 5_000, maxMs: 3_600_000 };

/** The longest delay after the given number of attempts (1 = the first one failed). */
export function backoffCeilingMs(policy: TBackoffPolicy, attempts: number): number {
  const exponent = Math.max(0, Math.floor(attempts) - 1);
  // 2^1100 is Infinity, which Math.min turns into maxMs: no overflow to guard against.
  return Math.max(0, Math.min(policy.maxMs, policy.baseMs * 2 ** exponent));
}

/** The delay before the next attempt; `random` returns a number in [0, 1) like Math.random. */
export function backoffDelayMs(
  policy: TBackoffPolicy,
  attempts: number,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeilingMs(policy, attempts));
}
