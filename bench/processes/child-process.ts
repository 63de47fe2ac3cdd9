// A Node child process — compiled JavaScript as is, the repository's TypeScript through tsx's loader
// (`node --import tsx <file>`) — one process, so its pid is the program's own and /proc/<pid> reads
// its memory, not a wrapper's — with its output in a log file, stopped by SIGTERM (SIGKILL after 15 s).
import { type ChildProcess, spawn } from "node:child_process";
import { open, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { TCleanup } from "../cleanup.ts";

export const REPOSITORY_ROOT = fileURLToPath(new URL("../../", import.meta.url));

const STOP_GRACE_MILLISECONDS = 15_000;

export interface TMemory {
  /** VmRSS: resident now. */
  readonly residentMegabytes: number;
  /** VmHWM: the highest resident size so far. */
  readonly peakMegabytes: number;
}

export interface TStopResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stopMilliseconds: number;
}

export interface TRunningChild {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly logFile: string;
  /** performance.now() just before spawn. */
  readonly spawnedAt: number;
  hasExited(): boolean;
  memory(): Promise<TMemory | undefined>;
  logTail(lines?: number): Promise<string>;
  stop(): Promise<TStopResult>;
}

/** A port free right now on 127.0.0.1 (the child binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

export async function readMemory(pid: number): Promise<TMemory | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
    return { residentMegabytes: kilobytes("VmRSS") / 1024, peakMegabytes: kilobytes("VmHWM") / 1024 };
  } catch {
    return undefined;
  }
}

export async function spawnTypeScript(options: {
  readonly cleanup: TCleanup;
  readonly description: string;
  readonly entry: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly logFile: string;
  /** Node's own options before the entry (e.g. --cpu-prof). */
  readonly nodeArguments?: readonly string[];
}): Promise<TRunningChild> {
  const log = await open(options.logFile, "a");
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArguments ?? []),
      // Compiled JavaScript runs as is; TypeScript through tsx's loader.
      ...(options.entry.endsWith(".ts") ? ["--import", "tsx"] : []),
      options.entry,
    ],
    {
      cwd: REPOSITORY_ROOT,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? "/tmp",
        ...options.environment,
      },
      stdio: ["ignore", log.fd, log.fd],
    },
  );
  await log.close();
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.description}: did not spawn`);
  let exited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true;
      resolve({ code, signal });
    });
  });

  async function stop(): Promise<TStopResult> {
    const started = performance.now();
    if (!exited) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => {
        if (!exited) child.kill("SIGKILL");
      }, STOP_GRACE_MILLISECONDS);
      await exit;
      clearTimeout(timer);
    }
    const { code, signal } = await exit;
    return { exitCode: code, signal, stopMilliseconds: performance.now() - started };
  }

  const unregister = options.cleanup.add(`stop ${options.description} (pid ${pid})`, async () => {
    await stop();
  });

  return {
    child,
    pid,
    logFile: options.logFile,
    spawnedAt,
    hasExited: () => exited,
    memory: () => readMemory(pid),
    async logTail(lines = 30) {
      try {
        return (await readFile(options.logFile, "utf8")).trimEnd().split("\n").slice(-lines).join("\n");
      } catch {
        return "";
      }
    },
    async stop() {
      const result = await stop();
      await unregister();
      return result;
    },
  };
}
