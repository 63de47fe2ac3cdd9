// The daily Slack reconciliation as the bot runs it: a periodic task that looks every so often
// whether a run is due (or one was left half-way by a restart) and runs it when this replica gets
// the lease (reconcile-slack-people.ts). Stopping the bot ends a run at the next person, its place kept.
import type { WebClient } from "@slack/web-api";
import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import {
  reconcileSlackPeople,
  type TReconciliationOptions,
  type TReconciliationResult,
} from "../../application/users/reconcile-slack-people.ts";
import { createPeriodicTask } from "../../infrastructure/scheduling/periodic-task.ts";
import { createSlackPersonLookup } from "./slack-person-lookup.ts";

export interface TReconciliationSettings {
  readonly pauseBetweenCallsMs: number;
  readonly intervalMs: number;
  readonly leaseMs: number;
  readonly checkEveryMs: number;
  readonly firstCheckAfterMs: number;
}

/** Slack's Tier 4 for users.info is 100+ a minute; 50 leaves room for everything else the bot asks. */
export const RECONCILIATION_DEFAULTS: TReconciliationSettings = {
  pauseBetweenCallsMs: 1_200,
  intervalMs: 24 * 60 * 60_000,
  leaseMs: 5 * 60_000,
  /** How often a replica looks whether a run is due. */
  checkEveryMs: 15 * 60_000,
  firstCheckAfterMs: 2 * 60_000,
};

export interface TSlackReconciliation {
  start(): void;
  /** One look: a run when due and the lease is free (tests call it directly). */
  runOnce(): Promise<TReconciliationResult>;
  stop(): Promise<void>;
}

export function createSlackReconciliation(options: {
  dependencies: TUseCaseDependencies;
  client: WebClient;
  workerId: string;
  settings?: Partial<TReconciliationSettings> & Pick<Partial<TReconciliationOptions>, "sleep" | "shouldStop">;
}): TSlackReconciliation {
  const settings = { ...RECONCILIATION_DEFAULTS, ...options.settings };
  const logger = options.dependencies.logger.child({ component: "slack-reconciliation" });
  let stopping = false;
  const wakeUps = new Set<() => void>();
  const sleep =
    settings.sleep ??
    ((milliseconds: number) =>
      new Promise<void>((resolve) => {
        if (stopping) return resolve();
        const timer = setTimeout(done, Math.max(0, milliseconds));
        timer.unref();
        function done() {
          clearTimeout(timer);
          wakeUps.delete(done);
          resolve();
        }
        wakeUps.add(done);
      }));
  const runOnce = () =>
    reconcileSlackPeople(
      { ...options.dependencies, logger },
      {
        lookup: createSlackPersonLookup(options.client),
        workerId: options.workerId,
        pauseBetweenCallsMs: settings.pauseBetweenCallsMs,
        intervalMs: settings.intervalMs,
        leaseMs: settings.leaseMs,
        sleep,
        shouldStop: (checked) => stopping || settings.shouldStop?.(checked) === true,
      },
    );
  const task = createPeriodicTask({
    name: "slack-reconciliation",
    intervalMs: settings.checkEveryMs,
    firstDelayMs: settings.firstCheckAfterMs,
    run: runOnce,
    logger,
  });
  return {
    start: () => task.start(),
    runOnce,
    async stop() {
      stopping = true;
      for (const wakeUp of [...wakeUps]) wakeUp();
      await task.stop();
    },
  };
}
