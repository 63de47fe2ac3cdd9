// The README's first line: `npm start` on embedded defaults answers /healthz, keeps its database
// across a restart, and stops cleanly on SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const PROJECT_DIRECTORY = fileURLToPath(new URL("..", import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  scripts: { start: string };
};

async function startMain(
  dataDirectory: string,
  port: number,
): Promise<{ child: ChildProcess; output: () => string }> {
  let output = "";
  // What `npm start` runs, from the project folder.
  const [command = "", ...startArguments] = PACKAGE.scripts.start.split(" ");
  const child = spawn(command === "node" ? process.execPath : command, startArguments, {
    cwd: PROJECT_DIRECTORY,
    env: { PATH: process.env.PATH, DATA_DIR: dataDirectory, PORT: String(port), LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Started once it logs "listening"; an exit or 90 s without it is a failure that quotes the output.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start in 90 s:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before listening:\n${output}`));
    });
  });
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  return exited;
}

describe("npm start on embedded defaults", () => {
  const directories: string[] = [];
  afterAll(async () => {
    for (const directory of directories) await rm(directory, { recursive: true, force: true });
  });

  it("serves /healthz from an embedded database, restarts on it, and stops on SIGTERM", async () => {
    const dataDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-main-"));
    directories.push(dataDirectory);
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const first = await startMain(dataDirectory, port);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: "embedded" });
    expect(first.output()).toContain("Slack is not configured");
    expect(await stop(first.child)).toBe(0);
    expect(await readdir(path.join(dataDirectory, "db"))).toContain("PG_VERSION");

    const second = await startMain(dataDirectory, port);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await stop(second.child)).toBe(0);
  }, 240_000);
});
