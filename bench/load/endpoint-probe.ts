// Measures the bot's event loop from outside: a GET to a route that does no work (and, beside it,
// one that asks the database for SELECT 1), sent on a fixed schedule every few milliseconds. When
// the bot's event loop is blocked, the answers to the idle route wait: their latency above the
// idle baseline is the event-loop delay the bot's other requests suffer.
import { summarize, type TLatencySummary } from "./latency-statistics.ts";

export interface TEndpointProbe {
  /** Stops probing and summarises the latencies (unanswered probes count as +Infinity). */
  stop(): Promise<TLatencySummary>;
}

export function startEndpointProbe(url: string, intervalMilliseconds: number): TEndpointProbe {
  const samples: Promise<number>[] = [];
  let stopped = false;
  const probeOnce = async (): Promise<number> => {
    const started = performance.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
      await response.arrayBuffer();
      return response.ok ? performance.now() - started : Number.POSITIVE_INFINITY;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  };
  const timer = setInterval(() => {
    if (!stopped) samples.push(probeOnce());
  }, intervalMilliseconds);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      return summarize(await Promise.all(samples));
    },
  };
}

/** Probes for `milliseconds` with nothing else going on: the baseline of the same route. */
export async function idleBaseline(
  url: string,
  intervalMilliseconds: number,
  milliseconds: number,
): Promise<TLatencySummary> {
  const probe = startEndpointProbe(url, intervalMilliseconds);
  await new Promise((resolve) => setTimeout(resolve, milliseconds));
  return probe.stop();
}
