// The README's first line: `npm start` on embedded defaults (no Slack workspace) serves the browser
// sandbox with demo data, answers /healthz, keeps its database across a restart, and stops cleanly
// on SIGTERM; with SANDBOX=off it runs the HTTP API and email alone.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  PROJECT_DIRECTORY,
  randomPort,
  SANDBOX_STARTED,
  startMainProcess,
} from "./support/start-main-process.ts";

describe("npm start on embedded defaults", () => {
  const directories: string[] = [];
  afterAll(async () => {
    for (const directory of directories) await rm(directory, { recursive: true, force: true });
  });

  async function newDataDirectory(): Promise<string> {
    const dataDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-main-"));
    directories.push(dataDirectory);
    return dataDirectory;
  }
  const freshPort = randomPort;
  const startMain = (
    dataDirectory: string,
    port: number,
    variables: Readonly<Record<string, string>> = {},
    startedWhen?: string,
  ) =>
    startMainProcess({
      dataDirectory,
      port,
      variables,
      ...(startedWhen === undefined ? {} : { startedWhen }),
    });

  it("serves the sandbox and /healthz from an embedded database, restarts on it, and stops on SIGTERM", async () => {
    const dataDirectory = await newDataDirectory();
    const port = freshPort();
    const first = await startMain(dataDirectory, port, {}, SANDBOX_STARTED);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: "embedded" });
    expect(first.output()).toContain(`a stand-in for Slack is at http://localhost:${port}/`);
    expect(first.output()).toContain("sandbox: demo data loaded");
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const authTest = await fetch(`http://127.0.0.1:${port}/sandbox/slack/api/auth.test`, { method: "POST" });
    expect(await authTest.json()).toMatchObject({ ok: false, error: "not_authed" });
    expect(await first.stop()).toBe(0);
    expect(await readdir(path.join(dataDirectory, "db"))).toContain("PG_VERSION");

    const second = await startMain(dataDirectory, port, {}, SANDBOX_STARTED);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(second.output()).not.toContain("demo data loaded");
    expect(await second.stop()).toBe(0);
  }, 240_000);

  it("stops within 10 s, leaving no process and the port free, when SIGTERM goes to npm itself", async () => {
    const port = freshPort();
    let output = "";
    const npm = spawn("npm", ["start", "--silent"], {
      cwd: PROJECT_DIRECTORY,
      env: { PATH: process.env.PATH, DATA_DIR: await newDataDirectory(), PORT: String(port), SANDBOX: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    npm.stdout?.on("data", collect);
    npm.stderr?.on("data", collect);
    const deadline = Date.now() + 90_000;
    while (!output.includes('"msg":"listening"')) {
      if (Date.now() > deadline || npm.exitCode !== null) throw new Error(`did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
    const signalledAt = Date.now();
    npm.kill("SIGTERM");
    const code = await exited;
    // npm is gone; the bot behind it must be gone too: nothing answers on its port.
    const stillAnswering = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => true,
      () => false,
    );
    expect(stillAnswering, output).toBe(false);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(output).toContain('"msg":"stopping"');
    expect(code === 0 || code === 143 || code === null, `npm exited ${code}:\n${output}`).toBe(true);
  }, 120_000);

  it("with SANDBOX=off runs the HTTP API and email alone, and serves no page", async () => {
    const port = freshPort();
    const started = await startMain(await newDataDirectory(), port, { SANDBOX: "off" });
    expect(started.output()).toContain("Slack is not configured");
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    expect(await started.stop()).toBe(0);
  }, 120_000);
});
