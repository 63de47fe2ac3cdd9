// Issue 11's "done when": the Dockerfile's commands, run as a builder runs them, on a clean copy of
// the project (the files git tracks or would track): a build stage (npm ci, npm run build) and a
// runtime stage (npm ci --omit=dev, the build copied in). Then its CMD, `node dist/main.js`, starts
// with no dev dependency and no tsx, its HEALTHCHECK passes on /readyz, and a SIGTERM stops it.
// Where the image would run as the user `node`, the copy runs as whoever runs the test (`chown
// node:node` becomes this user): that is the one liberty taken with the Dockerfile's commands.
import { type ChildProcess, execFileSync, execSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readDockerfile } from "./dockerfile-steps.ts";

const PROJECT = fileURLToPath(new URL("../..", import.meta.url));

function cleanCopy(into: string): void {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: PROJECT,
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file !== "" && existsSync(path.join(PROJECT, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    cpSync(path.join(PROJECT, file), path.join(into, file));
  }
}

describe("the container's commands on a clean copy", () => {
  const root = mkdtempSync(path.join(tmpdir(), "premiumone-deploy-"));
  let bot: ChildProcess | undefined;
  afterAll(() => {
    bot?.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  it("builds, installs without dev dependencies, starts from dist/, is ready and stops on SIGTERM", async () => {
    const context = path.join(root, "context");
    cleanCopy(context);
    const stages = readDockerfile(readFileSync(path.join(context, "Dockerfile"), "utf8"));
    expect(stages.map((stage) => stage.name)).toEqual(["build", "runtime"]);
    const folders = new Map<string, string>();
    const identity = `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`;
    let environment: Record<string, string> = {};
    for (const stage of stages) {
      const folder = path.join(root, stage.name);
      mkdirSync(folder, { recursive: true });
      folders.set(stage.name, folder);
      environment = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? root };
      for (const step of stage.steps) {
        if (step.kind === "env") environment[step.name] = step.value;
        if (step.kind === "copy") {
          const base = step.from === undefined ? context : (folders.get(step.from) ?? "");
          for (const source of step.sources) {
            const from = path.join(base, step.from === undefined ? source : source.replace(/^\/app\/?/, ""));
            const to =
              step.destination.endsWith("/") || step.sources.length > 1
                ? path.join(folder, step.destination, path.basename(source))
                : path.join(folder, step.destination);
            cpSync(from, to, { recursive: true });
          }
        }
        if (step.kind === "run") {
          execSync(step.command.replaceAll("node:node", identity), {
            cwd: folder,
            env: environment,
            stdio: "pipe",
            timeout: 300_000,
          });
        }
      }
    }
    const runtime = folders.get("runtime") ?? "";
    const image = stages.at(-1);
    expect(image?.command).toEqual(["node", "dist/main.js"]);
    expect(image?.user).toBe("node");
    // A pruned install: no test runner, linter, browser driver or test SMTP server. (TypeScript
    // itself comes in as @prisma/client's peer dependency; nothing at run time loads it.)
    for (const devOnly of ["vitest", "@biomejs/biome", "playwright-core", "fast-check", "smtp-server"])
      expect(existsSync(path.join(runtime, "node_modules", devOnly)), devOnly).toBe(false);
    // tsx serves the npm scripts of a checkout; the build must start without it, so it goes.
    rmSync(path.join(runtime, "node_modules", "tsx"), { recursive: true, force: true });

    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const variables = {
      ...environment,
      PORT: String(port),
      DATA_DIR: path.join(runtime, "data"),
      // A production start with no Slack workspace: the sandbox, asked for by name.
      SANDBOX: "on",
      PORTAL_API_KEY: "deploy-test-portal-api-key-0123456789abcdef",
      PASSWORD_PEPPER: "deploy-test-pepper-0123456789abcdef0123456789",
      PORTAL_URL: "https://portal.example.com/",
    };
    let output = "";
    const [command = "node", ...startArguments] = image?.command ?? [];
    bot = spawn(command === "node" ? process.execPath : command, startArguments, {
      cwd: runtime,
      env: variables,
      stdio: ["ignore", "pipe", "pipe"],
    });
    bot.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    bot.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const [probe = "node", ...probeArguments] = image?.healthcheck ?? [];
    const probeOnce = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(probe === "node" ? process.execPath : probe, probeArguments, {
          cwd: runtime,
          env: variables,
          stdio: "ignore",
        });
        child.once("exit", (code) => resolve(code));
      });
    const deadline = Date.now() + 60_000;
    let probed = await probeOnce();
    while (probed !== 0 && Date.now() < deadline && bot.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      probed = await probeOnce();
    }
    expect(probed, output).toBe(0);
    const readiness = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(readiness.status).toBe(200);
    expect(await readiness.json()).toMatchObject({
      ok: true,
      checks: { slack: "sandbox", migrations: "applied" },
    });

    const exited = new Promise<number | null>((resolve) => bot?.once("exit", (code) => resolve(code)));
    bot.kill("SIGTERM");
    expect(await exited).toBe(0);
    bot = undefined;
  });
});
