// `npm run audit:verify` as an operator runs it: a child process reading the environment, on an
// embedded database in DATA_DIR, answering with a line and an exit code.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/infrastructure/prisma/open-database.ts";
import { recordTestAuditEvent, tamperWithAuditEvents } from "../support/audit-events.ts";
import { readMigratedTemplate } from "../support/embedded-template.ts";

const PROJECT_DIRECTORY = fileURLToPath(new URL("../..", import.meta.url));

interface TRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runAuditVerify(environment: Record<string, string>): Promise<TRun> {
  // A clean environment: nothing of the test run's (DATABASE_URL, TEST_DATABASE_URL) leaks in.
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir(), ...environment };
  return new Promise((resolve) => {
    // What `npm run audit:verify` runs (tsx src/cli/audit-verify.ts), without npm's and tsx's own
    // launcher processes: node with tsx's loader, as tsx starts it.
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/audit-verify.ts"],
      { cwd: PROJECT_DIRECTORY, env },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

describe("npm run audit:verify", () => {
  let dataDirectory: string;
  let rowIds: bigint[];

  async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase({ kind: "embedded", directory: path.join(dataDirectory, "db") });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    dataDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-audit-verify-"));
    const template = await readMigratedTemplate();
    const database = await openDatabase({
      kind: "embedded",
      directory: path.join(dataDirectory, "db"),
      ...(template === undefined ? {} : { initialContents: template }),
    });
    try {
      rowIds = [];
      for (const action of ["user.created", "user.updated", "user.deleted"] as const) {
        rowIds.push(
          await recordTestAuditEvent(database, {
            action,
            targetLabel: "maria.lopez",
            changes: { after: { username: "maria.lopez" } },
            occurredAt: new Date("2026-11-28T12:00:00.000Z"),
          }),
        );
      }
    } finally {
      await database.close();
    }
  });
  afterAll(() => rm(dataDirectory, { recursive: true, force: true }));

  it("says OK and exits 0 on an intact chain", async () => {
    const run = await runAuditVerify({ DATA_DIR: dataDirectory });
    expect(run).toMatchObject({ exitCode: 0, stdout: "audit chain OK: 3 rows\n" });
  });

  it("names the tampered row and exits 1", async () => {
    const [, middle] = rowIds;
    await withDatabase((database) =>
      tamperWithAuditEvents(
        database,
        `UPDATE audit_events SET changes = '{"after":{"username":"otra"}}' WHERE id = ${middle}`,
      ),
    );
    const run = await runAuditVerify({ DATA_DIR: dataDirectory });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe(
      `audit chain BROKEN at row ${middle} (user.updated, 2026-11-28T12:00:00.000Z): its content does not match its hash\n`,
    );
  });

  it("lists configuration problems and exits 2", async () => {
    const run = await runAuditVerify({ DATA_DIR: dataDirectory, DATABASE_URL: "mysql://localhost/portal" });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("DATABASE_URL: expected a postgresql:// URL");
  });

  it("refuses to create a database where there is none, and exits 2", async () => {
    const empty = path.join(dataDirectory, "empty");
    await mkdir(empty);
    const run = await runAuditVerify({ DATA_DIR: empty });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("no embedded database at");
  });
});
