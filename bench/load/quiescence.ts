// When the bot has finished the work a burst left behind (after its acks: bcrypt on libuv's
// threads, views.update calls, outbox rows), read from its CPU time in /proc/<pid>/stat (every
// thread included): the first moment it stayed nearly idle for a whole second.
import { readFile } from "node:fs/promises";

const POLL_MILLISECONDS = 100;
const QUIET_WINDOW_MILLISECONDS = 1_000;
/** Below this share of one core over the window, the bot counts as idle (its timers, the outbox poll). */
export const IDLE_CPU_SHARE = 0.05;
/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** CPU time the process has used so far (user + system, every thread), in seconds. */
export async function cpuSeconds(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which is in parentheses and may hold spaces): utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * Resolves with performance.now() at the start of the first idle second (the end of the work),
 * or undefined when the bot is still busy after `timeoutMilliseconds`. While something else keeps
 * the bot a little busy (probes), pass its share of a core measured beforehand as `idleShare`.
 */
export async function waitUntilQuiet(
  pid: number,
  timeoutMilliseconds: number,
  idleShare: number = IDLE_CPU_SHARE,
): Promise<number | undefined> {
  const deadline = performance.now() + timeoutMilliseconds;
  const samples: { at: number; cpu: number }[] = [];
  while (performance.now() < deadline) {
    const cpu = await cpuSeconds(pid);
    if (cpu === undefined) return undefined;
    const at = performance.now();
    samples.push({ at, cpu });
    const windowStart = samples.find((sample) => sample.at >= at - QUIET_WINDOW_MILLISECONDS);
    const oldest = samples[0];
    if (oldest !== undefined && at - oldest.at >= QUIET_WINDOW_MILLISECONDS && windowStart !== undefined) {
      const share = (cpu - windowStart.cpu) / ((at - windowStart.at) / 1_000);
      if (share < idleShare) return windowStart.at;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MILLISECONDS));
  }
  return undefined;
}
