// The bot as operators run it: `node --import tsx src/main.ts`, a process of its own with the
// environment it is given (nothing inherited from the test run but PATH and HOME), ready once
// GET /healthz answers 200. Its pino lines are kept in memory (parsed); it can be SIGKILLed or
// stopped with SIGTERM and started again on the same port, keeping one log across its lives.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { freePort, waitUntil } from "./free-port.ts";

const PROJECT_DIRECTORY = fileURLToPath(new URL("../../..", import.meta.url));
const MAIN = fileURLToPath(new URL("../../../src/main.ts", import.meta.url));

export interface TBotLogLine {
  /** Which life of the process wrote it: 0 for the first start, 1 after the first restart… */
  readonly life: number;
  readonly stream: "stdout" | "stderr";
  readonly text: string;
  /** The pino object, when the line is JSON. */
  readonly json: Readonly<Record<string, unknown>> | undefined;
  /** Milliseconds since the epoch, when the test process read it. */
  readonly at: number;
}

export interface TBotExit {
  readonly life: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** False when the process ended without being told to (a crash). */
  readonly expected: boolean;
}

export interface TBotProcessOptions {
  /** The bot's whole environment (PORT is set by the tooling). */
  readonly environment: Readonly<Record<string, string>>;
  /** A fixed port; a free one when left out. Restarts keep it. */
  readonly port?: number;
  /** How long a start may take until /healthz answers (default 90 s: PGlite and tsx on a slow machine). */
  readonly startTimeoutMilliseconds?: number;
  /** More values to black out of the errors this tooling throws (the environment's secrets already are). */
  readonly secrets?: readonly string[];
}

export interface TBotProcess {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** `<baseUrl>/slack/events` */
  readonly appUrl: string;
  readonly environment: Readonly<Record<string, string>>;
  /** Every line of every life, in order. */
  readonly logs: readonly TBotLogLine[];
  readonly exits: readonly TBotExit[];
  /** How many times the process was started. */
  readonly lives: number;
  readonly pid: number | undefined;
  isRunning(): boolean;
  /** Waits for a log line (from index `since` of `logs` on) that matches. */
  waitForLog(
    match: (line: TBotLogLine) => boolean,
    options?: { since?: number; timeoutMilliseconds?: number; description?: string },
  ): Promise<TBotLogLine>;
  /** Sends the signal (SIGKILL when left out) and resolves when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<TBotExit>;
  /** SIGTERM: the graceful stop SPEC asks for; resolves with its exit (code 0 expected). */
  stop(): Promise<TBotExit>;
  /** Starts it again on the same port (killing it first if it still runs), with optional changes. */
  restart(environmentChanges?: Readonly<Record<string, string>>): Promise<void>;
  /** Kills it if it runs. Safe to call twice. */
  close(): Promise<void>;
}

const SECRET_NAME = /TOKEN|SECRET|KEY|PEPPER|PASSWORD/i;

/** Values the tooling never prints: secret-named variables, and the password of any URL. */
function secretsOf(environment: Readonly<Record<string, string>>, more: readonly string[]): string[] {
  const secrets = [...more];
  for (const [name, value] of Object.entries(environment)) {
    if (value === "") continue;
    if (SECRET_NAME.test(name)) secrets.push(value);
    try {
      const url = new URL(value);
      if (url.password !== "") secrets.push(decodeURIComponent(url.password), url.password);
    } catch {
      // not a URL
    }
  }
  return secrets.filter((secret) => secret.length >= 4).sort((left, right) => right.length - left.length);
}

export function redact(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) redacted = redacted.replaceAll(secret, "[secret]");
  return redacted;
}

function parseJsonLine(text: string): Readonly<Record<string, unknown>> | undefined {
  if (!text.startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export async function startBotProcess(options: TBotProcessOptions): Promise<TBotProcess> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  let environment: Readonly<Record<string, string>> = { ...options.environment, PORT: String(port) };
  const logs: TBotLogLine[] = [];
  const exits: TBotExit[] = [];
  const logListeners = new Set<() => void>();
  let child: ChildProcess | undefined;
  let exited: Promise<TBotExit> | undefined;
  let lives = 0;
  let expectingExit = false;

  const secrets = () => secretsOf(environment, options.secrets ?? []);
  const tail = () =>
    redact(
      logs
        .slice(-30)
        .map((line) => line.text)
        .join("\n"),
      secrets(),
    );

  // A test process that dies must not leave a bot behind on the machine.
  const killOnExit = () => child?.kill("SIGKILL");

  async function launch(): Promise<void> {
    const life = lives;
    lives += 1;
    expectingExit = false;
    const spawned = spawn(process.execPath, ["--import", "tsx", MAIN], {
      cwd: PROJECT_DIRECTORY,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...environment },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = spawned;
    process.once("exit", killOnExit);
    for (const stream of ["stdout", "stderr"] as const) {
      const source = spawned[stream];
      if (source === null) continue;
      createInterface({ input: source }).on("line", (text) => {
        logs.push({ life, stream, text, json: parseJsonLine(text), at: Date.now() });
        for (const listener of [...logListeners]) listener();
      });
    }
    exited = new Promise<TBotExit>((resolve) => {
      spawned.once("exit", (code, signal) => {
        process.off("exit", killOnExit);
        const exit = { life, code, signal, expected: expectingExit };
        exits.push(exit);
        if (child === spawned) child = undefined;
        resolve(exit);
      });
    });
    const deadline = Date.now() + (options.startTimeoutMilliseconds ?? 90_000);
    for (;;) {
      if (child !== spawned) {
        const exit = exits.at(-1);
        throw new Error(
          `the bot exited while starting (code ${exit?.code ?? "?"}, signal ${exit?.signal ?? "none"}):\n${tail()}`,
        );
      }
      try {
        const health = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
        await health.body?.cancel();
        if (health.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        spawned.kill("SIGKILL");
        throw new Error(`the bot did not answer /healthz within the start timeout:\n${tail()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function signalAndWait(signal: NodeJS.Signals): Promise<TBotExit> {
    const running = child;
    const waiting = exited;
    if (running === undefined || waiting === undefined) {
      const last = exits.at(-1);
      if (last === undefined) throw new Error("the bot was never started");
      return last;
    }
    expectingExit = true;
    running.kill(signal);
    return waiting;
  }

  await launch();

  const bot: TBotProcess = {
    port,
    baseUrl,
    appUrl: `${baseUrl}/slack/events`,
    get environment() {
      return environment;
    },
    logs,
    exits,
    get lives() {
      return lives;
    },
    get pid() {
      return child?.pid;
    },
    isRunning: () => child !== undefined,
    waitForLog(match, waitOptions = {}) {
      const since = waitOptions.since ?? 0;
      const find = () => logs.slice(since).find(match);
      return new Promise((resolve, reject) => {
        const found = find();
        if (found !== undefined) {
          resolve(found);
          return;
        }
        const check = () => {
          const line = find();
          if (line === undefined) return;
          logListeners.delete(check);
          clearTimeout(timer);
          resolve(line);
        };
        const timer = setTimeout(() => {
          logListeners.delete(check);
          reject(new Error(`timed out waiting for the log line: ${waitOptions.description ?? "a match"}`));
        }, waitOptions.timeoutMilliseconds ?? 10_000);
        logListeners.add(check);
      });
    },
    kill: (signal = "SIGKILL") => signalAndWait(signal),
    stop: () => signalAndWait("SIGTERM"),
    async restart(environmentChanges = {}) {
      if (child !== undefined) await signalAndWait("SIGKILL");
      environment = { ...environment, ...environmentChanges, PORT: String(port) };
      // The port was just let go by the dead process; wait until nothing answers on it.
      await waitUntil(
        async () => {
          try {
            await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(500) });
            return undefined;
          } catch {
            return true;
          }
        },
        { description: `port ${port} to be free`, timeoutMilliseconds: 10_000 },
      );
      await launch();
    },
    async close() {
      if (child !== undefined) await signalAndWait("SIGKILL");
    },
  };
  return bot;
}

/** The log lines a bot wrote as pino objects whose `msg` is `message`. */
export function logLinesWithMessage(bot: TBotProcess, message: string): TBotLogLine[] {
  return bot.logs.filter((line) => line.json?.msg === message);
}
