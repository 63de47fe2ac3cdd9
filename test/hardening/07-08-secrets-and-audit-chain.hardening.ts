// Sections 7 and 8 of issue 7, after a run of real traffic (support/real-traffic.ts), once against
// the in-process harness and once against the bot as a process of its own (its real pino logs,
// its own data folder, its own database):
// 7. every password typed or emailed and every token, key and secret of the environment is looked
//    for in the logs, the recorded Slack calls (response_url posts included), every row of every
//    table (the bcrypt hash column aside) and every file under DATA_DIR: zero hits;
// 8. `audit:verify` passes on the trail the run left; then a tampered row is found and named.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/application/audit/verify-audit-chain.ts";
import type { Database } from "../../src/application/ports/database.ts";
import { openDatabase } from "../../src/infrastructure/prisma/open-database.ts";
import type { TFakeSlackWebApi } from "../../src/sandbox/fake-slack-web-api.ts";
import { tamperWithAuditEvents } from "../support/audit-events.ts";
import {
  BOT_TOKEN,
  PORTAL_API_KEY,
  SIGNING_SECRET,
  startSlackHarness,
  type TSlackHarness,
} from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import { startBotProcess, type TBotProcess } from "./support/bot-process.ts";
import {
  startControllableSmtpServer,
  type TControllableSmtpServer,
} from "./support/controllable-smtp-server.ts";
import { waitUntil } from "./support/free-port.ts";
import {
  botProcessEnvironment,
  PASSWORD_PEPPER,
  startOutsideSlack,
  type TOutsideSlack,
} from "./support/outside-slack.ts";
import {
  createPostgresDatabase,
  POSTGRES_SERVER_URL,
  type TPostgresDatabase,
} from "./support/postgres-databases.ts";
import { runRealTraffic, type TTrafficResult } from "./support/real-traffic.ts";
import { withRecordedRow } from "./support/results-table.ts";
import {
  databaseHaystacks,
  fileHaystack,
  secretHits,
  serialized,
  type THaystack,
  type TSecret,
} from "./support/secrets-search.ts";

const SECRETS_SECTION = "7. Secrets";
const AUDIT_SECTION = "8. Audit chain";
const PROJECT_DIRECTORY = fileURLToPath(new URL("../..", import.meta.url));

function secretsOf(traffic: TTrafficResult): TSecret[] {
  const names = [
    "the first temporary password",
    "the second temporary password",
    "the reset's temporary password",
    "the password chosen in Slack",
    "the password chosen through the portal",
    "the wrong password typed in Slack",
    "the wrong password sent by the portal",
  ];
  return [
    ...traffic.passwords.map((value, index) => ({ name: names[index] ?? `password #${index + 1}`, value })),
    { name: "SLACK_BOT_TOKEN", value: BOT_TOKEN },
    { name: "SLACK_SIGNING_SECRET", value: SIGNING_SECRET },
    { name: "PORTAL_API_KEY", value: PORTAL_API_KEY },
    { name: "PASSWORD_PEPPER", value: PASSWORD_PEPPER },
  ];
}

/** What the bot said towards Slack: Web API calls and response_url posts, and its HTTP answers. */
function slackHaystack(slack: TFakeSlackWebApi): THaystack {
  const entries = slack.timeline();
  return {
    name: "the recorded Slack calls and answers",
    records: entries.length,
    // A person's own request (their DM, what they typed in a modal) is Slack's, not the bot's.
    text: serialized(
      entries.map((entry) =>
        entry.kind === "app_request" ? entry.response : [entry.request, entry.response],
      ),
    ),
  };
}

/** One row per place searched; a place may be several haystacks (one per table). */
async function searchAndReport(
  target: string,
  places: readonly { readonly name: string; readonly haystacks: readonly THaystack[] }[],
  secrets: readonly TSecret[],
): Promise<void> {
  for (const place of places) {
    await withRecordedRow(
      { section: SECRETS_SECTION, scenario: `${target}: ${place.name}` },
      async (tally) => {
        const hits = secretHits(place.haystacks, secrets);
        const records = place.haystacks.reduce((sum, haystack) => sum + haystack.records, 0);
        tally.tried = secrets.length;
        tally.refused = secrets.length - new Set(hits.map((hit) => hit.secret)).size;
        tally.note = `${records} records${place.haystacks.length > 1 ? ` in ${place.haystacks.length} tables` : ""}, ${secrets.length} secrets, ${hits.length} hits`;
        expect(hits.map((hit) => `${hit.secret} in ${hit.haystack}`)).toEqual([]);
      },
    );
  }
}

interface TCliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run audit:verify` as an operator runs it, with only the database's location in its environment. */
function runAuditVerify(environment: Readonly<Record<string, string>>): Promise<TCliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/audit-verify.ts"],
      {
        cwd: PROJECT_DIRECTORY,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir(), ...environment },
      },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

/** The id of a row in the middle of the trail, and changes an attacker would make to it. */
async function tamperWithMiddleRow(database: Database): Promise<bigint> {
  const rows = await database.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  const middle = rows[Math.floor(rows.length / 2)]?.id;
  if (middle === undefined) throw new Error("the run left no audit trail");
  await tamperWithAuditEvents(
    database,
    `UPDATE audit_events SET target_label = 'otra.cuenta', result = 'success' WHERE id = ${middle}`,
  );
  return middle;
}

describe(`${SECRETS_SECTION} and ${AUDIT_SECTION}: the in-process harness (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  let traffic: TTrafficResult;

  beforeAll(async () => {
    harness = await startSlackHarness({ environment: { PASSWORD_PEPPER } });
    traffic = await runRealTraffic({
      slack: harness.slack,
      baseUrl: harness.baseUrl,
      person: (slackUserId) => harness.as(slackUserId),
      emails: () => harness.smtp.messages,
      deliverUntil: (done, description) =>
        waitUntil(
          async () => {
            await harness.drainOutbox();
            return done() ? true : undefined;
          },
          { description, timeoutMilliseconds: 20_000 },
        ).then(() => undefined),
    });
  });
  afterAll(() => harness?.stop());

  it("finds no secret in the recorded logs, the Slack calls, any table or the data folder", async () => {
    await searchAndReport(
      "in-process",
      [
        {
          name: "log records",
          haystacks: [
            { name: "the log records", records: harness.logs.length, text: serialized(harness.logs) },
          ],
        },
        { name: "Slack calls, response_url posts, answers", haystacks: [slackHaystack(harness.slack)] },
        {
          name: "every table (password_hash aside)",
          haystacks: await databaseHaystacks(harness.testDatabase.database),
        },
        {
          name: "files under DATA_DIR",
          haystacks: [await fileHaystack(harness.environment.DATA_DIR, "DATA_DIR")],
        },
      ],
      secretsOf(traffic),
    );
  });

  it("audit:verify passes after the run, then names a tampered row", async () => {
    const database = harness.testDatabase.database;
    await withRecordedRow(
      { section: AUDIT_SECTION, scenario: "in-process: the chain after the run" },
      async (tally) => {
        const verdict = await verifyAuditChain(database.prisma);
        tally.tried = verdict.rows;
        expect(verdict).toEqual({ ok: true, rows: verdict.rows });
        expect(verdict.rows).toBeGreaterThan(10);
      },
    );
    await withRecordedRow(
      { section: AUDIT_SECTION, scenario: "in-process: a tampered row" },
      async (tally) => {
        const tampered = await tamperWithMiddleRow(database);
        const verdict = await verifyAuditChain(database.prisma);
        tally.tried = 1;
        tally.refused = !verdict.ok && verdict.firstBadRow.id === tampered ? 1 : 0;
        tally.note = "found and named by verifyAuditChain";
        expect(verdict).toMatchObject({ ok: false, problem: "content", firstBadRow: { id: tampered } });
      },
    );
  });
});

describe(`${SECRETS_SECTION} and ${AUDIT_SECTION}: the bot as a process (${POSTGRES_SERVER_URL === undefined ? "embedded database in DATA_DIR" : "PostgreSQL"})`, () => {
  let outside: TOutsideSlack;
  let smtp: TControllableSmtpServer;
  let bot: TBotProcess | undefined;
  let postgres: TPostgresDatabase | undefined;
  let dataDirectory = "";
  let traffic: TTrafficResult;
  let databaseEnvironment: Record<string, string> = {};

  beforeAll(async () => {
    outside = await startOutsideSlack();
    smtp = await startControllableSmtpServer();
    dataDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-hardening-secrets-"));
    postgres = POSTGRES_SERVER_URL === undefined ? undefined : await createPostgresDatabase();
    databaseEnvironment =
      postgres === undefined ? { DATA_DIR: dataDirectory } : { DATABASE_URL: postgres.url };
    const running = await startBotProcess({
      environment: botProcessEnvironment({
        slack: outside.slack,
        dataDirectory,
        smtpUrl: smtp.url,
        ...(postgres === undefined ? {} : { databaseUrl: postgres.url }),
      }),
    });
    bot = running;
    traffic = await runRealTraffic({
      slack: outside.slack,
      baseUrl: running.baseUrl,
      person: (slackUserId) => outside.as(slackUserId, running),
      emails: () => smtp.messages.map((mail) => mail.parsed),
      // The process's own outbox worker delivers (it polls every 2 s).
      deliverUntil: (done, description) =>
        waitUntil(() => (done() ? true : undefined), {
          description,
          timeoutMilliseconds: 30_000,
          intervalMilliseconds: 100,
        }).then(() => undefined),
    });
    // Stopped as an operator would: the embedded database is then free for this test to read.
    await running.stop();
  });
  afterAll(async () => {
    await bot?.close();
    await outside?.close();
    await smtp?.close();
    await postgres?.drop();
    if (dataDirectory !== "") await rm(dataDirectory, { recursive: true, force: true });
  });

  async function withBotDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase(
      postgres === undefined
        ? { kind: "embedded", directory: path.join(dataDirectory, "db") }
        : { kind: "postgresql", url: postgres.url },
      { migrate: false },
    );
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  it("stopped cleanly on SIGTERM after the run", () => {
    expect(bot?.exits.at(-1)).toMatchObject({ code: 0, expected: true });
  });

  it("finds no secret in its log lines, the Slack calls, any table or its data folder", async () => {
    // The files first: opening the embedded database afterwards writes to them.
    const files = await fileHaystack(dataDirectory, "DATA_DIR");
    const lines = bot?.logs ?? [];
    expect(lines.length).toBeGreaterThan(20);
    await searchAndReport(
      "bot process",
      [
        {
          name: "stdout and stderr (pino)",
          haystacks: [
            { name: "the log lines", records: lines.length, text: lines.map((line) => line.text).join("\n") },
          ],
        },
        { name: "Slack calls, response_url posts, answers", haystacks: [slackHaystack(outside.slack)] },
        {
          name: "every table (password_hash aside)",
          haystacks: await withBotDatabase((database) => databaseHaystacks(database)),
        },
        { name: "files under DATA_DIR (database files too)", haystacks: [files] },
      ],
      secretsOf(traffic),
    );
  });

  it("npm run audit:verify passes after the run, then names a tampered row and exits 1", async () => {
    await withRecordedRow(
      { section: AUDIT_SECTION, scenario: "bot process: audit:verify after the run" },
      async (tally) => {
        const run = await runAuditVerify(databaseEnvironment);
        const rows = Number(/audit chain OK: (\d+) rows?/.exec(run.stdout)?.[1] ?? "0");
        tally.tried = rows;
        tally.note = "the CLI, as an operator runs it";
        expect({ exitCode: run.exitCode, stdout: run.stdout }).toEqual({
          exitCode: 0,
          stdout: `audit chain OK: ${rows} rows\n`,
        });
        expect(rows).toBeGreaterThan(10);
      },
    );
    await withRecordedRow(
      { section: AUDIT_SECTION, scenario: "bot process: a tampered row" },
      async (tally) => {
        const tampered = await withBotDatabase((database) => tamperWithMiddleRow(database));
        const run = await runAuditVerify(databaseEnvironment);
        tally.tried = 1;
        tally.refused = run.exitCode === 1 && run.stdout.includes(`BROKEN at row ${tampered} `) ? 1 : 0;
        tally.note = "found and named by the CLI (exit 1)";
        expect(run.exitCode).toBe(1);
        expect(run.stdout).toContain(`audit chain BROKEN at row ${tampered} `);
        expect(run.stdout).toContain("its content does not match its hash");
      },
    );
  });
});
