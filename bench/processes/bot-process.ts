// The bot as production runs it — `node dist/main.js` (built once per run with `npm run build`; or
// `src/main.ts` through tsx with BENCH_BOT_ENTRY=source) in its own process, configured only through
// its environment — and the time from spawn to ready: GET /readyz answering 200, or GET /healthz while
// the bot has no /readyz (a 404 there), polled every 20 ms.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { TCleanup } from "../cleanup.ts";
import { freePort, REPOSITORY_ROOT, spawnTypeScript, type TRunningChild } from "./child-process.ts";

const FROM_SOURCE = process.env.BENCH_BOT_ENTRY === "source";
const MAIN = path.join(REPOSITORY_ROOT, FROM_SOURCE ? "src/main.ts" : "dist/main.js");
/** How the bot is started, as the report names it. */
export const BOT_COMMAND = FROM_SOURCE ? "node --import tsx src/main.ts" : "node dist/main.js";
const TYPESCRIPT_COMPILER = path.join(REPOSITORY_ROOT, "node_modules/typescript/bin/tsc");
let built: Promise<void> | undefined;

/** `npm run build` once per benchmark run, so that the bot measured is the code in the tree. */
function buildOnce(): Promise<void> {
  if (FROM_SOURCE) return Promise.resolve();
  built ??= promisify(execFile)(process.execPath, [TYPESCRIPT_COMPILER, "-p", "tsconfig.build.json"], {
    cwd: REPOSITORY_ROOT,
  }).then(() => undefined);
  return built;
}
const READY_POLL_MILLISECONDS = 20;
const START_TIMEOUT_MILLISECONDS = 180_000;

export type TReadyRoute = "/readyz" | "/healthz";

export interface TBotProcess extends TRunningChild {
  readonly port: number;
  readonly baseUrl: string;
  readonly appUrl: string;
  readonly readyRoute: TReadyRoute;
  /** From spawn to the first 200 of the ready route. */
  readonly startMilliseconds: number;
}

async function statusOf(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined; // not listening yet
  }
}

/** Polls until ready; which route answered is part of the result, so the report can say. */
export async function waitUntilReady(
  baseUrl: string,
  child: TRunningChild,
  spawnedAt: number,
): Promise<{ route: TReadyRoute; milliseconds: number }> {
  let route: TReadyRoute = "/readyz";
  const deadline = spawnedAt + START_TIMEOUT_MILLISECONDS;
  while (performance.now() < deadline) {
    if (child.hasExited()) throw new Error(`the bot exited while starting:\n${await child.logTail()}`);
    const status = await statusOf(`${baseUrl}${route}`);
    if (status === 200) return { route, milliseconds: performance.now() - spawnedAt };
    if (status === 404 && route === "/readyz") {
      route = "/healthz";
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MILLISECONDS));
  }
  throw new Error(
    `the bot was not ready after ${START_TIMEOUT_MILLISECONDS / 1000} s:\n${await child.logTail()}`,
  );
}

export async function startBotProcess(options: {
  readonly cleanup: TCleanup;
  readonly name: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly logFile: string;
}): Promise<TBotProcess> {
  await buildOnce();
  const port = await freePort();
  const child = await spawnTypeScript({
    cleanup: options.cleanup,
    description: `bot (${options.name})`,
    entry: MAIN,
    environment: { ...options.environment, PORT: String(port) },
    logFile: options.logFile,
    // BENCH_BOT_NODE_ARGUMENTS="--cpu-prof --cpu-prof-dir=/tmp/profiles": profile the bot under load.
    nodeArguments: (process.env.BENCH_BOT_NODE_ARGUMENTS ?? "").split(" ").filter((part) => part !== ""),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const ready = await waitUntilReady(baseUrl, child, child.spawnedAt);
    return {
      ...child,
      port,
      baseUrl,
      appUrl: `${baseUrl}/slack/events`,
      readyRoute: ready.route,
      startMilliseconds: ready.milliseconds,
    };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
