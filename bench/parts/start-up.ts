// Part 5: from spawn to ready on a new embedded data folder (migrations run, roles granted) and
// on the same folder again (existing), with the bot's resident memory just after start and how
// long SIGTERM takes to stop it.

import type { TReadyRoute } from "../processes/bot-process.ts";
import type { TMemory } from "../processes/child-process.ts";
import type { TRunContext } from "../run-context.ts";

export interface TStartSample {
  readonly startMilliseconds: number;
  readonly readyRoute: TReadyRoute;
  readonly memory: TMemory | undefined;
  readonly stopMilliseconds: number;
  readonly exitCode: number | null;
}

export interface TStartUpResult {
  readonly newFolder: readonly TStartSample[];
  readonly existingFolder: readonly TStartSample[];
}

async function startAndStop(
  context: TRunContext,
  name: string,
  dataDirectory: string,
): Promise<TStartSample> {
  const bot = await context.startBot(name, { dataDirectory });
  // Resident memory a moment after ready, when the start's allocations have settled.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const memory = await bot.memory();
  const stopped = await bot.stop();
  return {
    startMilliseconds: bot.startMilliseconds,
    readyRoute: bot.readyRoute,
    memory,
    stopMilliseconds: stopped.stopMilliseconds,
    exitCode: stopped.exitCode,
  };
}

export async function measureStartUp(context: TRunContext): Promise<TStartUpResult> {
  const newFolder: TStartSample[] = [];
  const existingFolder: TStartSample[] = [];
  for (let repetition = 1; repetition <= context.settings.startRepetitions; repetition += 1) {
    if (context.cleanup.interrupted) break;
    const dataDirectory = await context.newDataDirectory(`start-${repetition}`);
    const fresh = await startAndStop(context, `start on a new folder #${repetition}`, dataDirectory);
    newFolder.push(fresh);
    context.log(`  new folder #${repetition}: ready in ${Math.round(fresh.startMilliseconds)} ms`);
    const again = await startAndStop(context, `start on an existing folder #${repetition}`, dataDirectory);
    existingFolder.push(again);
    context.log(`  existing folder #${repetition}: ready in ${Math.round(again.startMilliseconds)} ms`);
  }
  return { newFolder, existingFolder };
}
