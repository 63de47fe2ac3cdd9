// Section 6 of issue 7: two bot processes on one PostgreSQL, taking traffic together, as the
// compose file runs them. PostgreSQL only (the embedded database is one process's).
// (a) both start at once on an empty database: each migration applied once, the roles of the
//     environment granted once, both healthy;
// (b) twenty accounts created, each form sent to both replicas at once: twenty users, the other
//     twenty submissions refused on the field;
// (c) the outbox those creates filled, delivered by both workers: one welcome email per account
//     (no Message-ID twice), one audit post per audit event, nothing left pending;
// (d) the portal API's per-username limit (10 a minute) reached across both replicas together,
//     not once on each; (e) the per-client limit (60 a minute) likewise;
// (f) wrong passwords spread over both replicas lock the account at five: five checked, one
//     user.locked, one notice; the right password sent during the burst and after it is refused.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/application/ports/database.ts";
import {
  MIGRATIONS_DIRECTORY,
  readMigrationsFolder,
} from "../../src/infrastructure/prisma/migrations-folder.ts";
import { openDatabase } from "../../src/infrastructure/prisma/open-database.ts";
import { deliverToApp } from "../../src/sandbox/deliver-to-app.ts";
import type { TJsonValue } from "../../src/sandbox/json.ts";
import { buildViewSubmissionPayload, encodeInteraction } from "../../src/sandbox/slack-payloads.ts";
import type { TSlackView } from "../../src/sandbox/slack-records.ts";
import type { TSlackWorkspace } from "../../src/sandbox/slack-workspace.ts";
import { PLACES_ACTION_ID, UserFormBlockId } from "../../src/slack/features/users/ids.ts";
import { AUDIT_CHANNEL, PEOPLE, PORTAL_API_KEY, SIGNING_SECRET } from "../support/slack-harness.ts";
import { credentialsIn } from "../support/smtp-test-server.ts";
import { startBotProcess, type TBotProcess } from "./support/bot-process.ts";
import {
  startControllableSmtpServer,
  type TControllableSmtpServer,
  type TReceivedMail,
} from "./support/controllable-smtp-server.ts";
import { waitUntil } from "./support/free-port.ts";
import { botProcessEnvironment, startOutsideSlack, type TOutsideSlack } from "./support/outside-slack.ts";
import {
  createPostgresDatabase,
  needingPostgres,
  POSTGRES_SKIP_REASON,
  type TPostgresDatabase,
  WITHOUT_POSTGRES,
} from "./support/postgres-databases.ts";
import { recordSkipped, withRecordedRow } from "./support/results-table.ts";

const SECTION = "6. Scale-out";
const ADMIN = PEOPLE.admin;
const ACCOUNTS = 20;
/** DEFAULT_PORTAL_RATE_LIMITS (src/http/portal-api/portal-api-routes.ts): no setting changes them. */
const PER_USERNAME_LIMIT = 10;
const PER_CLIENT_LIMIT = 60;
const RATE_WINDOW_MS = 60_000;
/** The outbox polls every 2 s per replica and backs off 5 s·2ⁿ on a failure: generous on a busy machine. */
const PATIENCE = { timeoutMilliseconds: 90_000, intervalMilliseconds: 50 } as const;

const SCENARIOS = {
  migrations: "both start at once on an empty database: migrations once",
  users: `${ACCOUNTS} accounts, each form sent to both replicas at once`,
  outbox: "the outbox delivered by both workers: each message once",
  perUsername: `per-username limit (${PER_USERNAME_LIMIT}/min) across both replicas`,
  perClient: `per-client limit (${PER_CLIENT_LIMIT}/min) across both replicas`,
  lock: "wrong passwords spread over both replicas: locked at 5",
} as const;

if (WITHOUT_POSTGRES) {
  for (const scenario of Object.values(SCENARIOS)) recordSkipped(SECTION, scenario, POSTGRES_SKIP_REASON);
}

interface TAccount {
  readonly username: string;
  readonly email: string;
}

const accountNumber = (index: number): TAccount => {
  const username = `replica.${String(index + 1).padStart(2, "0")}`;
  return { username, email: `${username}@cliente.example` };
};

/** The view with a new response_url in its private_metadata (Slack allows five uses of one). */
function withFreshResponseUrl(workspace: TSlackWorkspace, view: TSlackView): TSlackView {
  const metadata = JSON.parse(view.privateMetadata) as Record<string, TJsonValue>;
  if (metadata.responseUrl === undefined) return view;
  const responseUrl = workspace.issueResponseUrl({
    userId: ADMIN.id,
    channelId: workspace.directMessageChannelOf(ADMIN.id),
    source: { kind: "command" },
  });
  return { ...view, privateMetadata: JSON.stringify({ ...metadata, responseUrl: responseUrl.url }) };
}

function fieldErrorsOf(body: TJsonValue): Record<string, unknown> | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  if (body.response_action !== "errors") return undefined;
  const errors = body.errors;
  return typeof errors === "object" && errors !== null && !Array.isArray(errors) ? errors : {};
}

/** Which fixed rate-limit window (aligned like the bot's) a moment falls in. */
const windowOf = (at: number) => Math.floor(at / RATE_WINDOW_MS);

describe.skipIf(WITHOUT_POSTGRES)(needingPostgres(`${SECTION}: two bot processes on one PostgreSQL`), () => {
  let outside: TOutsideSlack;
  let smtp: TControllableSmtpServer;
  let postgres: TPostgresDatabase;
  let database: Database | undefined;
  const replicas: TBotProcess[] = [];
  const dataDirectories: string[] = [];
  let startedTogether: TBotProcess[] = [];
  let startError: unknown;
  let placeId = "";
  const accounts: TAccount[] = [];

  beforeAll(async () => {
    outside = await startOutsideSlack();
    smtp = await startControllableSmtpServer();
    postgres = await createPostgresDatabase();
    const environments = await Promise.all(
      ["a", "b"].map(async (name) => {
        const dataDirectory = await mkdtemp(path.join(tmpdir(), `premiumone-hardening-scale-${name}-`));
        dataDirectories.push(dataDirectory);
        return botProcessEnvironment({
          slack: outside.slack,
          dataDirectory,
          smtpUrl: smtp.url,
          databaseUrl: postgres.url,
        });
      }),
    );
    // Both at once on the empty database: (a) checks what came of it.
    const starts = await Promise.allSettled(
      environments.map((environment) => startBotProcess({ environment })),
    );
    startedTogether = starts.flatMap((start) => (start.status === "fulfilled" ? [start.value] : []));
    startError = starts.find((start) => start.status === "rejected")?.reason;
    replicas.push(...startedTogether);
    database = await openDatabase({ kind: "postgresql", url: postgres.url }, { migrate: false, poolSize: 2 });
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await database?.close();
    await outside?.close();
    await smtp?.close();
    await postgres?.drop();
    for (const directory of dataDirectories) await rm(directory, { recursive: true, force: true });
  });

  const replica = (index: number): TBotProcess => {
    const found = replicas[index % 2];
    if (found === undefined || replicas.length < 2) throw new Error("the two replicas did not both start");
    return found;
  };
  const db = (): Database => {
    if (database === undefined) throw new Error("no database");
    return database;
  };
  const workspace = () => outside.slack.workspace;
  const mailsTo = (account: TAccount) =>
    smtp.messages.filter((mail) => mail.envelope.to.includes(account.email));

  async function portalCall(
    bot: TBotProcess,
    body: unknown,
    clientAddress: string,
  ): Promise<{ status: number; at: number }> {
    const response = await fetch(`${bot.baseUrl}/api/portal/v1/login`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${PORTAL_API_KEY}`,
        "content-type": "application/json",
        "x-forwarded-for": clientAddress,
      },
      body: JSON.stringify(body),
    });
    await response.body?.cancel();
    return { status: response.status, at: Date.now() };
  }

  it("(a) both replicas start at once on an empty database: each migration once, both healthy", async () => {
    await withRecordedRow({ section: SECTION, scenario: SCENARIOS.migrations }, async (tally) => {
      tally.tried = 2;
      tally.refused = 2 - startedTogether.length;
      if (startError !== undefined) tally.note = String(startError).split("\n")[0];
      expect(startError).toBeUndefined();
      const folder = await readMigrationsFolder(MIGRATIONS_DIRECTORY);
      const expected = (folder?.migrations ?? []).map((migration) => migration.name).sort();
      const rows = await postgres.query<{ migration_name: string; finished: boolean }>(
        `SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      const names = rows.map((row) => row.migration_name);
      const roles = await postgres.query<{ slack_user_id: string; role: string }>(
        "SELECT slack_user_id, role FROM role_assignments WHERE revoked_at IS NULL ORDER BY slack_user_id, role",
      );
      const grants = await postgres.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM audit_events WHERE action = 'role.granted'",
      );
      const grantEvents = grants[0]?.count ?? 0;
      const health = await Promise.all(
        replicas.map(async (bot) => {
          const response = await fetch(`${bot.baseUrl}/healthz`);
          await response.body?.cancel();
          return response.status;
        }),
      );
      tally.duplicated = names.length - new Set(names).size + Math.max(0, grantEvents - roles.length);
      tally.lost = expected.filter((name) => !names.includes(name)).length;
      tally.note = `${rows.length} rows in _prisma_migrations for ${expected.length} migrations; ${roles.length} roles granted (${grantEvents} role.granted); /healthz ${health.join(", ")}`;
      expect(expected.length).toBeGreaterThan(0);
      expect(names).toEqual(expected);
      expect(rows.every((row) => row.finished)).toBe(true);
      expect(roles.map((row) => `${row.slack_user_id} ${row.role}`)).toEqual([
        `${ADMIN.id} ADMIN`,
        `${PEOPLE.support.id} SUPPORT`,
      ]);
      expect(grantEvents).toBe(roles.length);
      expect(health).toEqual([200, 200]);
      expect(replicas.every((bot) => bot.exits.length === 0)).toBe(true);
    });
  });

  it(`(b) ${ACCOUNTS} accounts, each form sent to both replicas at once: no duplicate users`, async () => {
    await withRecordedRow({ section: SECTION, scenario: SCENARIOS.users }, async (tally) => {
      const company = await db().prisma.company.create({
        data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
      });
      placeId = (
        await db().prisma.issuingPlace.create({
          data: { companyId: company.id, postalCode: "06000", name: "Centro" },
        })
      ).id;
      // The form, opened through replica A; its submissions go to both.
      const admin = outside.as(ADMIN.id, replica(0));
      const opened = await admin.runSlashCommand("/usuarios", "nuevo");
      await outside.slack.waitForCall("views.open", { since: opened.sequence, timeoutMilliseconds: 30_000 });
      const form = admin.openModal();
      if (form === undefined) throw new Error("/usuarios nuevo opened no modal");
      accounts.push(...Array.from({ length: ACCOUNTS }, (_, index) => accountNumber(index)));
      const submission = (account: TAccount) =>
        encodeInteraction(
          buildViewSubmissionPayload({
            app: workspace().app,
            user: ADMIN,
            triggerId: workspace().issueTrigger(ADMIN.id),
            view: withFreshResponseUrl(workspace(), form),
            stateValues: {
              [UserFormBlockId.USERNAME]: { value: { type: "plain_text_input", value: account.username } },
              [UserFormBlockId.FULL_NAME]: {
                value: { type: "plain_text_input", value: `Cuenta ${account.username}` },
              },
              [UserFormBlockId.EMAIL]: { value: { type: "plain_text_input", value: account.email } },
              [UserFormBlockId.SLACK_USER]: { value: { type: "users_select", selected_user: null } },
              [UserFormBlockId.PLACES]: {
                [PLACES_ACTION_ID]: {
                  type: "multi_static_select",
                  selected_options: [{ text: { type: "plain_text", text: "Centro" }, value: placeId }],
                },
              },
            },
          }),
        );
      // Each account's form to A and to B at once (as two admins would), all accounts together.
      const answers = await Promise.all(
        accounts.flatMap((account) =>
          [0, 1].map((index) =>
            deliverToApp({
              appUrl: replica(index).appUrl,
              signingSecret: SIGNING_SECRET,
              request: submission(account),
            }),
          ),
        ),
      );
      const refused = answers.filter((answer) => fieldErrorsOf(answer.body) !== undefined);
      const users = await db().prisma.portalUser.groupBy({
        by: ["username"],
        where: { username: { startsWith: "replica." } },
        _count: true,
      });
      const created = await db().prisma.auditEvent.count({
        where: { action: "user.created", targetLabel: { startsWith: "replica." } },
      });
      tally.tried = answers.length;
      tally.refused = refused.length;
      tally.lost = ACCOUNTS - users.length;
      tally.duplicated = Math.max(0, created - ACCOUNTS);
      const refusalTexts = [...new Set(refused.map((answer) => JSON.stringify(fieldErrorsOf(answer.body))))];
      const late = answers.filter((answer) => answer.status !== 200).map((answer) => answer.status);
      tally.note = `${users.length} users, ${created} user.created; ${late.length === 0 ? "every answer 200" : `${late.length} answered ${[...new Set(late)].join("/")} (Bolt gives up with 404 after Slack's 3 s)`}; refusals: ${refusalTexts.join(" / ").slice(0, 400)}`;
      expect(late).toEqual([]);
      expect(users).toHaveLength(ACCOUNTS);
      expect(created).toBe(ACCOUNTS);
      expect(refused).toHaveLength(ACCOUNTS);
      expect(
        refused.every((answer) => {
          const errors = fieldErrorsOf(answer.body) ?? {};
          return (
            (UserFormBlockId.USERNAME in errors || UserFormBlockId.EMAIL in errors) &&
            !(UserFormBlockId.SLACK_USER in errors)
          );
        }),
      ).toBe(true);
    });
  });

  it("(c) the outbox, delivered by both workers: one welcome email per account, one post per event", async () => {
    await withRecordedRow({ section: SECTION, scenario: SCENARIOS.outbox }, async (tally) => {
      expect(accounts).toHaveLength(ACCOUNTS);
      await waitUntil(() => (accounts.every((account) => mailsTo(account).length >= 1) ? true : undefined), {
        description: "a welcome email for every account",
        ...PATIENCE,
      });
      await waitUntil(
        async () =>
          (await db().prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0 ? true : undefined,
        { description: "nothing left pending in the outbox", ...PATIENCE },
      );
      const rows = await db().prisma.outboxMessage.groupBy({ by: ["kind", "status"], _count: true });
      const auditPostRows = await db().prisma.outboxMessage.count({ where: { kind: "slack.audit_post" } });
      const posts = outside.slack
        .messagesIn(AUDIT_CHANNEL.id)
        .map((message) => /#(\d+) ·/.exec(JSON.stringify(message.blocks))?.[1] ?? "?");
      const welcomes: TReceivedMail[] = accounts.flatMap((account) => mailsTo(account));
      const messageIds = smtp.messages.map((mail) => mail.messageId ?? "(none)");
      const sentBy = replicas.map(
        (bot) => bot.logs.filter((line) => line.json?.msg === "outbox message sent").length,
      );
      // Every welcome email's password opens the portal: no second one voided it.
      const opened = await Promise.all(
        accounts.slice(0, 4).map(async (account, index) => {
          const mail = mailsTo(account)[0];
          if (mail === undefined) return 0;
          const { status } = await portalCall(
            replica(index),
            { username: account.username, password: credentialsIn(mail.parsed).password },
            `198.51.100.${20 + index}`,
          );
          return status;
        }),
      );
      tally.tried = welcomes.length === 0 ? 0 : ACCOUNTS + auditPostRows;
      tally.lost =
        accounts.filter((account) => mailsTo(account).length === 0).length +
        Math.max(0, auditPostRows - new Set(posts).size);
      tally.duplicated =
        messageIds.length -
        new Set(messageIds).size +
        (welcomes.length - ACCOUNTS) +
        (posts.length - new Set(posts).size);
      tally.note = `${welcomes.length} welcome emails, ${posts.length} audit posts for ${auditPostRows} events; sent by A ${sentBy[0]}, B ${sentBy[1]}`;
      expect(accounts.map((account) => mailsTo(account).length)).toEqual(accounts.map(() => 1));
      expect(new Set(messageIds).size).toBe(messageIds.length);
      expect(new Set(posts).size).toBe(posts.length);
      expect(posts).toHaveLength(auditPostRows);
      expect(rows.filter((row) => row.status !== "SENT")).toEqual([]);
      expect(opened).toEqual([200, 200, 200, 200]);
      // Both workers took part: a message each at least.
      expect(sentBy.every((count) => count > 0)).toBe(true);
    });
  });

  it(`(d) the per-username limit (${PER_USERNAME_LIMIT}/min) holds across both replicas together`, async () => {
    await withRecordedRow({ section: SECTION, scenario: SCENARIOS.perUsername }, async (tally) => {
      const startedAt = Date.now();
      // Thirty logins for one unknown account, half on each replica, each from its own address
      // (so that only the per-username limit applies).
      const answers = await Promise.all(
        Array.from({ length: 3 * PER_USERNAME_LIMIT }, (_, index) =>
          portalCall(
            replica(index),
            { username: "nadie.por.aqui", password: `intento ${index}` },
            `203.0.113.${index + 1}`,
          ),
        ),
      );
      const allowed = answers.filter((answer) => answer.status !== 429).length;
      const crossed = windowOf(startedAt) !== windowOf(Math.max(...answers.map((answer) => answer.at)));
      tally.tried = answers.length;
      tally.refused = answers.length - allowed;
      tally.duplicated = Math.max(0, allowed - PER_USERNAME_LIMIT);
      tally.note = `${allowed} answered (401), ${answers.length - allowed} × 429${crossed ? "; the burst crossed a minute" : ""}`;
      expect(answers.every((answer) => answer.status === 401 || answer.status === 429)).toBe(true);
      // One limit for both: ten (one or two more only if the burst crossed into a new window,
      // where the sliding estimate weighs the old one a little less), never twenty.
      expect(allowed).toBeGreaterThanOrEqual(PER_USERNAME_LIMIT);
      expect(allowed).toBeLessThanOrEqual(PER_USERNAME_LIMIT + (crossed ? 2 : 0));
    });
  });

  it(`(e) the per-client limit (${PER_CLIENT_LIMIT}/min) holds across both replicas together`, async () => {
    await withRecordedRow({ section: SECTION, scenario: SCENARIOS.perClient }, async (tally) => {
      const startedAt = Date.now();
      // Ninety calls from one address, half on each: an empty body (400), which the per-client
      // limit counts before reading it — so no password is checked.
      const answers = await Promise.all(
        Array.from({ length: (3 * PER_CLIENT_LIMIT) / 2 }, (_, index) =>
          portalCall(replica(index), {}, "192.0.2.44"),
        ),
      );
      const allowed = answers.filter((answer) => answer.status !== 429).length;
      const crossed = windowOf(startedAt) !== windowOf(Math.max(...answers.map((answer) => answer.at)));
      tally.tried = answers.length;
      tally.refused = answers.length;
      tally.duplicated = Math.max(0, allowed - PER_CLIENT_LIMIT);
      tally.note = `${allowed} answered (400), ${answers.length - allowed} × 429${crossed ? "; the burst crossed a minute" : ""}`;
      expect(answers.every((answer) => answer.status === 400 || answer.status === 429)).toBe(true);
      expect(allowed).toBeGreaterThanOrEqual(PER_CLIENT_LIMIT);
      expect(allowed).toBeLessThanOrEqual(PER_CLIENT_LIMIT + (crossed ? 3 : 0));
    });
  });

  it("(f) wrong passwords spread over both replicas lock the account at five", async () => {
    await withRecordedRow({ section: SECTION, scenario: SCENARIOS.lock }, async (tally) => {
      // An account of (b) whose welcome password is still unused.
      const account = accounts.at(-1);
      const mail = account === undefined ? undefined : mailsTo(account)[0];
      if (account === undefined || mail === undefined)
        throw new Error("no account of (b) with its welcome email");
      const password = credentialsIn(mail.parsed).password;
      const user = await db().prisma.portalUser.findUniqueOrThrow({ where: { username: account.username } });
      const login = (index: number, attempt: string) =>
        portalCall(replica(index), { username: account.username, password: attempt }, "198.51.100.77").then(
          (answer) => answer.status,
        );
      // Seven wrong at once, alternating replicas; the right one on B once the five attempts are
      // taken; then the right one on A and a wrong one on B (ten: the per-username limit).
      const burst = Array.from({ length: 7 }, (_, index) => login(index, `equivocada ${index}`));
      await waitUntil(
        async () => {
          const row = await db().prisma.portalUser.findUniqueOrThrow({ where: { id: user.id } });
          return row.failedPasswordAttempts + row.passwordChecksInFlight >= 5 || row.lockedUntil !== null
            ? true
            : undefined;
        },
        { description: "the burst to take the five attempts", ...PATIENCE },
      );
      const duringBurst = await login(1, password);
      const statuses = await Promise.all(burst);
      const afterRight = await login(0, password);
      const afterWrong = await login(1, "otra equivocada");
      const count = (action: string) =>
        db().prisma.auditEvent.count({ where: { action, targetLabel: account.username } });
      const failedChecks = await count("user.login_failed");
      const locks = await count("user.locked");
      const notices = () => mailsTo(account).length - 1;
      await waitUntil(() => (notices() >= 1 ? true : undefined), {
        description: "the lock notice",
        ...PATIENCE,
      });
      await waitUntil(
        async () =>
          (await db().prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0 ? true : undefined,
        { description: "nothing left pending in the outbox", ...PATIENCE },
      );
      const all = [...statuses, duringBurst, afterRight, afterWrong];
      tally.tried = all.length;
      tally.refused = all.filter((status) => status !== 200).length;
      tally.changed = Math.max(0, failedChecks - 5);
      tally.lost = locks === 0 ? 1 : 0;
      tally.duplicated = Math.max(0, locks - 1) + Math.max(0, notices() - 1);
      tally.note = `${failedChecks} checked of 7 wrong (${statuses.join(" ")}); right one ${duringBurst} during, ${afterRight} after; ${locks} user.locked, ${notices()} notice`;
      expect(statuses.every((status) => [401, 423, 429].includes(status))).toBe(true);
      expect(failedChecks).toBe(5);
      expect(locks).toBe(1);
      expect(notices()).toBe(1);
      expect([423, 429]).toContain(duringBurst);
      expect({ afterRight, afterWrong }).toEqual({ afterRight: 423, afterWrong: 423 });
    });
  });
});
