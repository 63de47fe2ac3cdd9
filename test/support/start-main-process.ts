// What `npm start` runs (package.json's start script, without npm), as a child process from the
// project folder with the environment a test gives it: for the tests of the README's first line
// and of the sandbox page in a browser.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PROJECT_DIRECTORY = fileURLToPath(new URL("../..", import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  scripts: { start: string };
};

/** The log line `npm start` ends its start with in sandbox mode. */
export const SANDBOX_STARTED = "sandbox: a stand-in for Slack is at";

export interface TMainProcess {
  readonly child: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** A port few other things on this machine use, picked at random. */
export function randomPort(): number {
  return 30_000 + Math.floor(Math.random() * 20_000);
}

export async function startMainProcess(options: {
  readonly dataDirectory: string;
  readonly port: number;
  readonly variables?: Readonly<Record<string, string>>;
  /** The output that says it started; `"msg":"listening"` unless given. */
  readonly startedWhen?: string;
}): Promise<TMainProcess> {
  let output = "";
  // `exec` lets npm's SIGTERM reach node itself rather than the shell npm runs the script in.
  const [command = "", ...startArguments] = PACKAGE.scripts.start.replace(/^exec /, "").split(" ");
  const child = spawn(command === "node" ? process.execPath : command, startArguments, {
    cwd: PROJECT_DIRECTORY,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: options.dataDirectory,
      PORT: String(options.port),
      LOG_LEVEL: "info",
      ...options.variables,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const startedWhen = options.startedWhen ?? '"msg":"listening"';
  // Started once it logs `startedWhen`; an exit or 90 s without it is a failure that quotes the output.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start in 90 s:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(startedWhen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before it started:\n${output}`));
    });
  });
  return {
    child,
    output: () => output,
    stop() {
      if (child.exitCode !== null) return Promise.resolve(child.exitCode);
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      return exited;
    },
  };
}
