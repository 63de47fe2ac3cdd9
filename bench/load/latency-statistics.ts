// Percentiles of latency samples (nearest rank). A request that got no answer counts as +Infinity,
// so that a timed-out request pushes a percentile up instead of vanishing from it.

export interface TLatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Samples above 1 s and above Slack's 3 s. */
  readonly overOneSecond: number;
  readonly overThreeSeconds: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): TLatencySummary {
  const sorted = [...samples].sort((left, right) => left - right);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    overOneSecond: sorted.filter((sample) => sample > 1_000).length,
    overThreeSeconds: sorted.filter((sample) => sample > 3_000).length,
  };
}
