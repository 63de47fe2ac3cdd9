// Open-loop load: request i is due at start + i / rate and is sent then, whether or not earlier
// requests were answered (a closed loop would slow down with the app and hide its queue). Latency
// is measured from the due time, so a late send (the generator falling behind) counts against the
// target too; the generator's own lag is reported beside it.

export interface TOpenLoopOptions<TResult> {
  readonly ratePerSecond: number;
  readonly durationSeconds: number;
  /** Sends request `index`; `dueAt` is its scheduled performance.now(). */
  readonly send: (index: number, dueAt: number) => Promise<TResult>;
  readonly shouldStop?: () => boolean;
}

export interface TOpenLoopResult<TResult> {
  readonly results: TResult[];
  /** The latest a request left after its due time, in ms. */
  readonly maximumSendLagMilliseconds: number;
  readonly sent: number;
}

export async function runOpenLoop<TResult>(
  options: TOpenLoopOptions<TResult>,
): Promise<TOpenLoopResult<TResult>> {
  const total = Math.max(1, Math.round(options.ratePerSecond * options.durationSeconds));
  const interval = 1_000 / options.ratePerSecond;
  const start = performance.now() + 20;
  const pending: Promise<TResult>[] = [];
  let maximumSendLagMilliseconds = 0;
  let index = 0;
  while (index < total && options.shouldStop?.() !== true) {
    const now = performance.now();
    while (index < total && start + index * interval <= now) {
      const dueAt = start + index * interval;
      maximumSendLagMilliseconds = Math.max(maximumSendLagMilliseconds, now - dueAt);
      pending.push(options.send(index, dueAt));
      index += 1;
    }
    if (index < total) {
      const wait = start + index * interval - performance.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    }
  }
  return { results: await Promise.all(pending), maximumSendLagMilliseconds, sent: pending.length };
}
