// Runs a piece of work every so often, one run at a time, on a timer that never keeps the process
// alive; a failed run is logged and the next one comes anyway. stop() waits for a run in progress.
import type { Logger } from "../../application/ports/logger.ts";

export interface TPeriodicTask {
  start(): void;
  stop(): Promise<void>;
}

export function createPeriodicTask(options: {
  readonly name: string;
  readonly intervalMs: number;
  /** Before the first run; the interval when not given. */
  readonly firstDelayMs?: number;
  readonly run: () => Promise<unknown>;
  readonly logger: Logger;
}): TPeriodicTask {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let running = false;

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      timer = undefined;
      current = runOnce().finally(() => {
        current = undefined;
        if (running) schedule(options.intervalMs);
      });
    }, delayMs);
    timer.unref();
  }

  async function runOnce(): Promise<void> {
    try {
      await options.run();
    } catch (error) {
      options.logger.error({ err: error, task: options.name }, "a periodic task failed; it runs again later");
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(options.firstDelayMs ?? options.intervalMs);
    },
    async stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await current;
    },
  };
}
