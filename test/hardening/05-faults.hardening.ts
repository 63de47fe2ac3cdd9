// Section 5 of issue 7: the faults an unlucky operator meets, against the bot as a process of its
// own (its own outbox worker, its real SMTP client and Slack Web API client):
// (a) the SMTP server down while users are created, then back: each welcome email arrives once;
// (b) SMTP 421/451 at connect, RCPT and DATA: retried, each email arrives once, a copy refused at
//     DATA and the copy accepted later are the same message;
// (c) SMTP 554 at RCPT and at DATA: not retried; a user.credentials_email_failed audit event about
//     the account and a DM to the admin who created it, nothing lost;
// (d) Slack answering 429 with Retry-After and 500 to the audit channel's chat.postMessage: each
//     audit post arrives once;
// (e) PostgreSQL restarted mid-run (a TCP proxy in front of it; PostgreSQL only), going down while
//     the SMTP server holds a welcome email's DATA: requests during the outage refused or answered,
//     the email whose 250 could not be recorded resent identical, everything works after it;
// (f) the bot SIGKILLed once the SMTP server has the welcome email's DATA, before its 250, then
//     restarted: the retry is the same message (Message-ID, Date, body, password), and that
//     password opens the portal.
// Then, over the whole run, from the database after a graceful stop: no outbox row left pending,
// only (c)'s two emails failed, every audit event posted exactly once, every email row delivered
// once (the identical resends of (e) and (f) aside), no sealed password left.
//
// Retries come from the bot's own backoff (5 s base, full jitter) and poll (2 s): there is no
// setting to shorten them, so scenarios wait on events (a log line, a message, a post), never on
// time. The one shortcut: the lease held on a row whose outcome went unrecorded (2 minutes,
// leaseMs: the killed worker's in (f), the one PostgreSQL cut off in (e)) is made to run out in the
// database, as two minutes of waiting would.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/application/ports/database.ts";
import { openDatabase } from "../../src/infrastructure/prisma/open-database.ts";
import { findInteractiveElement, optionsOf } from "../../src/sandbox/block-kit-reading.ts";
import type { TSlackMessage, TSlackView } from "../../src/sandbox/slack-records.ts";
import type { TAppAnswer, TSlackUserSimulator } from "../../src/sandbox/slack-user-simulator.ts";
import { PlacesActionId } from "../../src/slack/features/places/ids.ts";
import { PLACES_ACTION_ID } from "../../src/slack/features/users/ids.ts";
import { AUDIT_CHANNEL, PEOPLE, PORTAL_API_KEY } from "../support/slack-harness.ts";
import { credentialsIn } from "../support/smtp-test-server.ts";
import { startBotProcess, type TBotLogLine, type TBotProcess } from "./support/bot-process.ts";
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
  POSTGRES_SERVER_URL,
  POSTGRES_SKIP_REASON,
  type TPostgresDatabase,
  WITHOUT_POSTGRES,
} from "./support/postgres-databases.ts";
import { recordSkipped, withRecordedRow } from "./support/results-table.ts";
import { startTcpProxy, type TTcpProxy } from "./support/tcp-proxy.ts";

const SECTION = "5. Faults";
const ADMIN = PEOPLE.admin;
const CREDENTIALS_EMAIL = "email.credentials";
const AUDIT_POST = "slack.audit_post";
const PG_RESTART_SCENARIO = "PostgreSQL restarted mid-run (TCP proxy)";
/** Long enough for a few backoffs on a busy machine (5 s · 2^n with jitter, a 2 s poll). */
const PATIENCE = { timeoutMilliseconds: 60_000, intervalMilliseconds: 50 } as const;

interface TAccount {
  readonly username: string;
  readonly email: string;
}

interface TAuditPost {
  /** The audit event's id, from the post's context line `#<id> · <time> · <request id>`. */
  readonly eventId: string;
  readonly text: string;
}

function accountNamed(username: string): TAccount {
  return { username, email: `${username}@cliente.example` };
}

function acknowledged(step: string, answer: TAppAnswer): TAppAnswer {
  if (!answer.acknowledged)
    throw new Error(`${step}: the bot answered HTTP ${answer.status}, not a quick 2xx`);
  return answer;
}

function firstOptionValue(view: TSlackView, actionId: string): string {
  const element = findInteractiveElement(view.blocks, { actionId });
  const value = element === undefined ? undefined : optionsOf(element.element)[0]?.value;
  if (typeof value !== "string") throw new Error(`the form offers nothing in ${actionId}`);
  return value;
}

/** The message as sent, without what a MIME library makes up anew for each copy (its part boundaries). */
function withoutBoundaries(raw: Buffer): string {
  const text = raw.toString("utf8");
  const boundaries = [...text.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((match) => match[1] ?? "");
  return boundaries.reduce(
    (result, boundary, index) => result.replaceAll(boundary, `BOUNDARY-${index}`),
    text,
  );
}

/** How one copy of an email differs from another: the headers and parts a reader sees, and the raw text. */
function differences(first: TReceivedMail, copy: TReceivedMail): string[] {
  const found: string[] = [];
  const compare = (what: string, left: unknown, right: unknown) => {
    if (JSON.stringify(left) !== JSON.stringify(right)) found.push(what);
  };
  compare("Message-ID", first.messageId, copy.messageId);
  compare("Date", first.parsed.date?.toISOString(), copy.parsed.date?.toISOString());
  compare("Subject", first.parsed.subject, copy.parsed.subject);
  compare("To", first.envelope.to, copy.envelope.to);
  compare("text part", first.parsed.text, copy.parsed.text);
  compare("HTML part", first.parsed.html, copy.parsed.html);
  compare("password line", credentialsOrUndefined(first)?.password, credentialsOrUndefined(copy)?.password);
  compare("raw message (boundaries aside)", withoutBoundaries(first.raw), withoutBoundaries(copy.raw));
  return found;
}

function credentialsOrUndefined(mail: TReceivedMail): { username: string; password: string } | undefined {
  try {
    return credentialsIn(mail.parsed);
  } catch {
    return undefined;
  }
}

/** Copies beyond the first, per Message-ID. */
function extraCopies(mails: readonly TReceivedMail[]): number {
  const ids = mails.map((mail) => mail.messageId ?? "(none)");
  return ids.length - new Set(ids).size;
}

describe(`${SECTION}: the bot as a process (${WITHOUT_POSTGRES ? "embedded database in DATA_DIR" : "PostgreSQL through a TCP proxy"})`, () => {
  let outside: TOutsideSlack;
  let smtp: TControllableSmtpServer;
  let bot: TBotProcess;
  let postgres: TPostgresDatabase | undefined;
  let proxy: TTcpProxy | undefined;
  let dataDirectory = "";
  /** Accounts whose welcome email (c) refused for good: their rows end FAILED, their addresses get nothing. */
  const refusedForGood: TAccount[] = [];
  /** Accounts of (e) and (f) whose welcome email the server got twice, its 250 never recorded: identical copies. */
  const resentIdentical: TAccount[] = [];

  const admin = (): TSlackUserSimulator => outside.as(ADMIN.id, bot);
  const mailsTo = (account: TAccount) =>
    smtp.messages.filter((mail) => mail.envelope.to.includes(account.email));
  const dataArrivedFor = (account: TAccount) =>
    smtp.received.filter((mail) => mail.envelope.to.includes(account.email));

  function auditPosts(): TAuditPost[] {
    return outside.slack.messagesIn(AUDIT_CHANNEL.id).map((message: TSlackMessage) => ({
      eventId: /#(\d+) ·/.exec(JSON.stringify(message.blocks))?.[1] ?? "?",
      text: message.text,
    }));
  }
  const postsAbout = (account: TAccount, action: string) =>
    auditPosts().filter(
      (post) => post.text.includes(`*${account.username}*`) && post.text.includes(`\`${action}\``),
    );
  /** Posts beyond the first, per audit event. */
  function extraAuditPosts(): number {
    const ids = auditPosts().map((post) => post.eventId);
    return ids.length - new Set(ids).size;
  }

  /** The outbox's log lines (debug level) of one kind and message, since index `since` of the log. */
  function outboxLines(message: string, kind: string, since = 0): TBotLogLine[] {
    return bot.logs.slice(since).filter((line) => line.json?.msg === message && line.json.kind === kind);
  }

  /**
   * Resolves once the account's user.created post is out and every audit post so far is recorded
   * as sent: a fault injected then leaves only the account's email in doubt.
   */
  async function auditPostsRecorded(account: TAccount): Promise<void> {
    await waitUntil(
      () =>
        postsAbout(account, "user.created").length === 1 &&
        outboxLines("outbox message sent", AUDIT_POST).length >= auditPosts().length
          ? true
          : undefined,
      { description: "the audit posts recorded as sent", ...PATIENCE },
    );
  }

  /**
   * Runs `fault` when the SMTP server has `account`'s first email's DATA, before its 250 (once).
   * Resolves when the fault has run.
   */
  function onFirstDataFor(account: TAccount, fault: () => Promise<unknown>): Promise<void> {
    return new Promise((resolve, reject) => {
      let ran = false;
      const timer = setTimeout(
        () => reject(new Error(`no DATA for ${account.email} arrived to inject the fault into`)),
        PATIENCE.timeoutMilliseconds,
      );
      smtp.onData(async (mail) => {
        if (ran || !mail.envelope.to.includes(account.email)) return;
        ran = true;
        clearTimeout(timer);
        try {
          await auditPostsRecorded(account);
          await fault();
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  async function waitForPost(account: TAccount, action: string): Promise<void> {
    await waitUntil(() => (postsAbout(account, action).length > 0 ? true : undefined), {
      description: `the audit post ${action} of ${account.username}`,
      ...PATIENCE,
    });
  }

  async function waitForMail(account: TAccount, count = 1): Promise<void> {
    await waitUntil(() => (mailsTo(account).length >= count ? true : undefined), {
      description: `${count} email(s) to ${account.email}`,
      ...PATIENCE,
    });
  }

  /** Opens the Nuevo usuario form through /usuarios nuevo. */
  async function openUserForm(): Promise<TSlackView> {
    const person = admin();
    const answer = acknowledged("/usuarios nuevo", await person.runSlashCommand("/usuarios", "nuevo"));
    await outside.slack.waitForCall("views.open", { since: answer.sequence, timeoutMilliseconds: 20_000 });
    const modal = person.openModal();
    if (modal === undefined) throw new Error("/usuarios nuevo opened no modal");
    return modal;
  }

  function submitUserForm(form: TSlackView, account: TAccount): Promise<TAppAnswer> {
    return admin().submitView(form.id, {
      username: { value: account.username },
      full_name: { value: `Cuenta ${account.username}` },
      email: { value: account.email },
      slack_user: { value: null },
      places: { [PLACES_ACTION_ID]: [firstOptionValue(form, PLACES_ACTION_ID)] },
    });
  }

  /** Creates an account through the form, as the admin; by default resolves once its user.created is posted. */
  async function createAccount(username: string, options: { waitForPost?: boolean } = {}): Promise<TAccount> {
    const account = accountNamed(username);
    acknowledged(`the form for ${username}`, await submitUserForm(await openUserForm(), account));
    if (options.waitForPost ?? true) await waitForPost(account, "user.created");
    return account;
  }

  async function portalLogin(username: string, password: string, signal?: AbortSignal): Promise<number> {
    const response = await fetch(`${bot.baseUrl}/api/portal/v1/login`, {
      method: "POST",
      headers: { authorization: `Bearer ${PORTAL_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
      ...(signal === undefined ? {} : { signal }),
    });
    await response.body?.cancel();
    return response.status;
  }

  async function passwordOpensThePortal(mail: TReceivedMail | undefined): Promise<boolean> {
    const credentials = mail === undefined ? undefined : credentialsOrUndefined(mail);
    if (credentials === undefined) return false;
    return (await portalLogin(credentials.username, credentials.password)) === 200;
  }

  /** The bot's own database, opened by this test while the bot is not running (the embedded one allows one process). */
  async function withStoppedBotDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    if (bot.isRunning()) throw new Error("the bot still runs: its database is its own");
    const database = await openDatabase(
      postgres === undefined
        ? { kind: "embedded", directory: path.join(dataDirectory, "db") }
        : { kind: "postgresql", url: postgres.url },
      { migrate: false, poolSize: 1 },
    );
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    if (WITHOUT_POSTGRES) recordSkipped(SECTION, PG_RESTART_SCENARIO, POSTGRES_SKIP_REASON);
    outside = await startOutsideSlack();
    smtp = await startControllableSmtpServer();
    dataDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-hardening-faults-"));
    if (POSTGRES_SERVER_URL !== undefined) {
      postgres = await createPostgresDatabase();
      proxy = await startTcpProxy();
    }
    bot = await startBotProcess({
      environment: botProcessEnvironment({
        slack: outside.slack,
        dataDirectory,
        smtpUrl: smtp.url,
        ...(postgres === undefined || proxy === undefined ? {} : { databaseUrl: proxy.urlFor(postgres.url) }),
      }),
    });

    // A company and a place through /lugares, for the form's Lugares de expedición.
    const person = admin();
    const shown = person.ephemeralMessages().length;
    acknowledged("/lugares", await person.runSlashCommand("/lugares"));
    const catalogue = await outside.slack.workspace.waitFor(
      () => (person.ephemeralMessages().length > shown ? person.lastEphemeral() : undefined),
      { description: "the /lugares catalogue", timeoutMilliseconds: 20_000 },
    );
    let answer = acknowledged(
      "Nueva empresa",
      await person.clickButton({ actionId: PlacesActionId.NEW_COMPANY, in: catalogue }),
    );
    await outside.slack.waitForCall("views.open", { since: answer.sequence, timeoutMilliseconds: 20_000 });
    let modal = person.openModal();
    if (modal === undefined) throw new Error("Nueva empresa opened no modal");
    answer = acknowledged(
      "the company form",
      await person.submitView(modal.id, {
        rfc: { value: "EKU9003173C9" },
        legal_name: { value: "ESCUELA KEMPER URGATE" },
      }),
    );
    await outside.slack.workspace.waitFor(
      () => outside.slack.timeline(answer.sequence).find((entry) => entry.kind === "response_url"),
      { description: "the catalogue with the company", timeoutMilliseconds: 20_000 },
    );
    const withCompany = outside.slack.workspace.message(catalogue.channel, catalogue.ts) ?? catalogue;
    answer = acknowledged(
      "Agregar lugar",
      await person.clickButton({ actionId: PlacesActionId.ADD_PLACE, in: withCompany }),
    );
    await outside.slack.waitForCall("views.open", { since: answer.sequence, timeoutMilliseconds: 20_000 });
    modal = person.openModal();
    if (modal === undefined) throw new Error("Agregar lugar opened no modal");
    acknowledged(
      "the place form",
      await person.submitView(modal.id, { postal_code: { value: "06000" }, place_name: { value: "Centro" } }),
    );
    await waitUntil(
      () => (auditPosts().some((post) => post.text.includes("`place.created`")) ? true : undefined),
      { description: "the audit post of the place", ...PATIENCE },
    );
  });

  afterAll(async () => {
    smtp?.onData(undefined);
    await bot?.close();
    await proxy?.close();
    await outside?.close();
    await smtp?.close();
    await postgres?.drop();
    if (dataDirectory !== "") await rm(dataDirectory, { recursive: true, force: true });
  });

  it("(a) SMTP down while users are created, then back: each welcome email arrives once", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "SMTP down while 3 users are created, then back" },
      async (tally) => {
        const since = bot.logs.length;
        await smtp.goDown();
        const accounts: TAccount[] = [];
        for (const username of ["sin.smtp.uno", "sin.smtp.dos", "sin.smtp.tres"])
          accounts.push(await createAccount(username));
        tally.tried = accounts.length;
        // Every welcome email tried at least once against the closed port before the server comes back.
        const failedIds = () =>
          new Set(
            outboxLines("outbox delivery failed; will retry", CREDENTIALS_EMAIL, since).map(
              (line) => line.json?.outboxMessageId,
            ),
          );
        await waitUntil(() => (failedIds().size >= accounts.length ? true : undefined), {
          description: "a failed attempt for each welcome email while SMTP is down",
          ...PATIENCE,
        });
        const refusedAttempts = outboxLines(
          "outbox delivery failed; will retry",
          CREDENTIALS_EMAIL,
          since,
        ).length;
        await smtp.comeBack();
        for (const account of accounts) await waitForMail(account);
        const opened = await Promise.all(
          accounts.map((account) => passwordOpensThePortal(mailsTo(account)[0])),
        );
        tally.lost = accounts.filter((account) => mailsTo(account).length === 0).length;
        tally.duplicated = accounts.reduce(
          (sum, account) => sum + Math.max(0, mailsTo(account).length - 1),
          0,
        );
        tally.note = `${refusedAttempts} attempts refused while down; each emailed password opens the portal`;
        expect(accounts.map((account) => mailsTo(account).length)).toEqual([1, 1, 1]);
        expect(opened).toEqual([true, true, true]);
        expect(extraCopies(smtp.messages)).toBe(0);
      },
    );
  });

  it("(b) SMTP 421/451 at connect, RCPT and DATA: retried, each email arrives once and unchanged", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "SMTP 421 at connect, 451 at RCPT and at DATA" },
      async (tally) => {
        const since = bot.logs.length;
        // One account at a time, so that each meets the refusals meant for it (the queue is the server's).
        const plans = [
          {
            username: "temporal.uno",
            refusals: [
              {
                stage: "connect",
                reply: { code: 421, message: "4.3.2 Service not available, closing channel" },
              },
              { stage: "data", reply: { code: 451, message: "4.3.0 Temporary local problem, try again" } },
            ],
          },
          {
            username: "temporal.dos",
            refusals: [
              { stage: "rcpt", reply: { code: 451, message: "4.7.1 Greylisted, please try again later" } },
            ],
          },
        ] as const;
        const accounts: TAccount[] = [];
        for (const plan of plans) {
          for (const refusal of plan.refusals) smtp.answerNext(refusal.stage, refusal.reply);
          const account = await createAccount(plan.username);
          accounts.push(account);
          await waitForMail(account);
        }
        const retried = outboxLines("outbox delivery failed; will retry", CREDENTIALS_EMAIL, since);
        // A copy refused at DATA (451) and the copy accepted later: the same message.
        const differingCopies = accounts.flatMap((account) => {
          const [accepted] = mailsTo(account);
          return accepted === undefined
            ? []
            : dataArrivedFor(account)
                .filter((copy) => copy !== accepted)
                .flatMap((copy) => differences(accepted, copy).map((what) => `${account.username}: ${what}`));
        });
        tally.tried = accounts.length;
        tally.lost = accounts.filter((account) => mailsTo(account).length === 0).length;
        tally.duplicated = accounts.reduce(
          (sum, account) => sum + Math.max(0, mailsTo(account).length - 1),
          0,
        );
        tally.note = `${retried.length} transient refusals, each retried; the copy refused at DATA identical to the one accepted`;
        expect(retried.map((line) => /\b4\d\d\b/.exec(String(line.json?.reason))?.[0])).toEqual([
          "421",
          "451",
          "451",
        ]);
        expect(accounts.map((account) => mailsTo(account).length)).toEqual([1, 1]);
        expect(accounts.map((account) => dataArrivedFor(account).length)).toEqual([2, 1]);
        expect(differingCopies).toEqual([]);
        expect(extraCopies(smtp.messages)).toBe(0);
      },
    );
  });

  it("(c) SMTP 554 at RCPT and at DATA: not retried, audited against the account, the admin told", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "SMTP 554 at RCPT and at DATA (permanent)" },
      async (tally) => {
        const since = bot.logs.length;
        const refusals = [
          {
            username: "rechazo.rcpt",
            stage: "rcpt",
            reply: { code: 554, message: "5.1.1 No such mailbox here" },
          },
          { username: "rechazo.data", stage: "data", reply: { code: 554, message: "5.7.1 Message refused" } },
        ] as const;
        const noticesTo = (account: TAccount) =>
          outside.slack
            .calls("chat.postMessage")
            .filter(
              (call) =>
                call.ok &&
                call.arguments.channel === ADMIN.id &&
                String(call.arguments.text ?? "").includes(`*${account.username}*`),
            );
        for (const refusal of refusals) {
          // Queued for the next command of that stage only: a retry would be accepted, and would show.
          smtp.answerNext(refusal.stage, refusal.reply);
          const account = await createAccount(refusal.username);
          refusedForGood.push(account);
          await waitForPost(account, "user.credentials_email_failed");
          await waitUntil(() => (noticesTo(account).length > 0 ? true : undefined), {
            description: `the admin's DM about ${account.username}`,
            ...PATIENCE,
          });
        }
        const failedForGood = outboxLines("outbox message failed for good", CREDENTIALS_EMAIL, since);
        const retried = outboxLines("outbox delivery failed; will retry", CREDENTIALS_EMAIL, since);
        const [rcptAccount, dataAccount] = refusedForGood;
        if (rcptAccount === undefined || dataAccount === undefined)
          throw new Error("the accounts were not created");
        const failurePosts = refusedForGood.map((account) =>
          postsAbout(account, "user.credentials_email_failed"),
        );
        const notices = refusedForGood.map((account) => noticesTo(account));
        tally.tried = refusals.length;
        tally.lost = [...failurePosts, ...notices].filter((found) => found.length === 0).length;
        tally.duplicated =
          [...failurePosts, ...notices].reduce((sum, found) => sum + Math.max(0, found.length - 1), 0) +
          refusedForGood.reduce((sum, account) => sum + mailsTo(account).length, 0);
        tally.note =
          "each: 1 attempt, a user.credentials_email_failed post, 1 DM to the admin naming account and reason";
        expect(failedForGood.map((line) => line.json?.attempts)).toEqual([1, 1]);
        expect(retried).toEqual([]);
        expect(failurePosts.map((found) => found.length)).toEqual([1, 1]);
        expect(notices.map((found) => found.length)).toEqual([1, 1]);
        for (const [index, refusal] of refusals.entries()) {
          expect(String(notices[index]?.[0]?.arguments.text)).toContain(String(refusal.reply.code));
        }
        // The RCPT refusal came before any DATA; the DATA refusal saw one DATA; neither was accepted later.
        expect(dataArrivedFor(rcptAccount)).toEqual([]);
        expect(dataArrivedFor(dataAccount)).toHaveLength(1);
        expect(refusedForGood.map((account) => mailsTo(account).length)).toEqual([0, 0]);
      },
    );
  });

  it("(d) Slack 429 with Retry-After and 500 on the audit channel's posts: each post arrives once", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "Slack 429 (Retry-After: 1) and 500 on audit posts" },
      async (tally) => {
        const since = bot.logs.length;
        const sequence = outside.slack.workspace.lastSequence();
        outside.slack.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
        outside.slack.failNext("chat.postMessage", { status: 500 });
        const accounts: TAccount[] = [];
        // Both created before either post is delivered: the refusals fall on one post or on both.
        for (const username of ["slack.lento.uno", "slack.lento.dos"])
          accounts.push(await createAccount(username, { waitForPost: false }));
        for (const account of accounts) await waitForPost(account, "user.created");
        for (const account of accounts) await waitForMail(account);
        const posts = outside.slack.calls("chat.postMessage").filter((call) => call.sequence > sequence);
        const refusedPosts = posts.filter((call) => call.status === 429 || call.status === 500);
        const retried = outboxLines("outbox delivery failed; will retry", AUDIT_POST, since);
        const created = accounts.map((account) => postsAbout(account, "user.created").length);
        tally.tried = accounts.length;
        tally.lost = created.filter((count) => count === 0).length;
        tally.duplicated =
          created.reduce((sum, count) => sum + Math.max(0, count - 1), 0) + extraAuditPosts();
        tally.note = `${refusedPosts.length} answers 429/500, each retried by the outbox (after Retry-After for 429)`;
        expect(refusedPosts.map((call) => call.status)).toEqual([429, 500]);
        // Only the audit channel's posts met them: nothing else posts while users are created here.
        expect(new Set(refusedPosts.map((call) => call.arguments.channel))).toEqual(
          new Set([AUDIT_CHANNEL.id]),
        );
        // One retry each; two posts at once may log their outcomes in either order.
        expect(retried).toHaveLength(2);
        expect(retried.map((line) => String(line.json?.reason))).toEqual(
          expect.arrayContaining([
            expect.stringContaining("rate limited (retry after 1 s)"),
            expect.stringContaining("slack_webapi_http_error"),
          ]),
        );
        expect(created).toEqual([1, 1]);
        expect(extraAuditPosts()).toBe(0);
      },
    );
  });

  it.skipIf(WITHOUT_POSTGRES)(
    needingPostgres("(e) PostgreSQL restarted mid-run: requests refused or answered, then everything works"),
    async () => {
      await withRecordedRow({ section: SECTION, scenario: PG_RESTART_SCENARIO }, async (tally) => {
        const database = postgres;
        const tcp = proxy;
        if (tcp === undefined || database === undefined) throw new Error("no proxy");
        const inFlight = accountNamed("en.vuelo");
        resentIdentical.push(inFlight);
        const during = accountNamed("durante.caida");
        const after = accountNamed("despues.caida");
        const countOf = async (sql: string, parameters: readonly unknown[] = []) =>
          Number((await database.query<{ count: string }>(sql, parameters))[0]?.count ?? -1);
        const accountsNamed = (account: TAccount) =>
          countOf("SELECT count(*) AS count FROM portal_users WHERE username = $1", [account.username]);
        const exitsBefore = bot.exits.length;
        const since = bot.logs.length;
        // PostgreSQL goes down while the SMTP server holds inFlight's welcome email, before its 250:
        // the email is accepted, and the bot cannot record it as sent. The form is open by then, to
        // be submitted during the outage.
        let formOpened: () => void = () => undefined;
        const formIsOpen = new Promise<void>((resolve) => {
          formOpened = resolve;
        });
        const outage = onFirstDataFor(inFlight, () => formIsOpen.then(() => tcp.goDown()));
        acknowledged("the form for en.vuelo", await submitUserForm(await openUserForm(), inFlight));
        const form = await openUserForm();
        formOpened();
        await outage;
        smtp.onData(undefined);
        const timeout = () => AbortSignal.timeout(60_000);
        const slackRefusal = (body: unknown) =>
          /La base de datos no responde|Algo salió mal/.test(JSON.stringify(body));
        const answers = await Promise.all([
          fetch(`${bot.baseUrl}/healthz`, { signal: timeout() }).then(async (response) => {
            await response.body?.cancel();
            return { name: "GET /healthz", status: response.status, refused: response.status >= 400 };
          }),
          portalLogin("sin.smtp.uno", "una contraseña cualquiera que no es", timeout()).then((status) => ({
            name: "portal login",
            status,
            refused: status >= 400,
          })),
          admin()
            .runSlashCommand("/usuarios", "sin.smtp")
            .then((answer) => ({
              name: "/usuarios sin.smtp",
              status: answer.status,
              refused: answer.status >= 400 || slackRefusal(answer.body),
            })),
          submitUserForm(form, during).then((answer) => ({
            name: "the Nuevo usuario form",
            status: answer.status,
            refused: answer.status >= 400 || slackRefusal(answer.body),
          })),
        ]);
        await bot.waitForLog(
          (line) =>
            line.json?.msg === "could not record an outbox outcome" ||
            line.json?.msg === "outbox lease lost before the outcome was recorded",
          { since, timeoutMilliseconds: 30_000, description: "en.vuelo's outcome left unrecorded" },
        );
        await tcp.comeBack();
        tally.tried = answers.length;
        tally.refused = answers.filter((answer) => answer.refused).length;
        // Told as what it is: the database is not answering, try again shortly (503 + Retry-After).
        expect(answers.find((answer) => answer.name === "portal login")?.status).toBe(503);
        // The bot survived the outage: still the same life, no exit.
        expect(bot.exits.length).toBe(exitsBefore);
        // A refused form made no account; an answered one made it once.
        const formAnswer = answers.find((answer) => answer.name === "the Nuevo usuario form");
        const madeDuring = await accountsNamed(during);
        if (formAnswer?.refused === true && madeDuring > 0) tally.changed += 1;
        expect(madeDuring).toBe(formAnswer?.refused === true ? 0 : 1);
        if (madeDuring === 0)
          acknowledged("the form again", await submitUserForm(await openUserForm(), during));
        await waitForPost(during, "user.created");
        acknowledged("a form after the outage", await submitUserForm(await openUserForm(), after));
        await waitForPost(after, "user.created");
        for (const account of [during, after]) await waitForMail(account);
        // inFlight's row keeps its lease (2 minutes, the worker's claim): made to run out, as the wait would.
        const leased = await countOf(
          `WITH released AS (
             UPDATE outbox_messages SET leased_until = now() - interval '1 millisecond'
              WHERE status = 'PENDING' AND leased_until IS NOT NULL RETURNING id)
           SELECT count(*) AS count FROM released`,
        );
        await waitForMail(inFlight, 2);
        const [first, resent] = mailsTo(inFlight);
        const differing =
          first === undefined || resent === undefined ? ["a copy"] : differences(first, resent);
        const opened = await Promise.all(
          [inFlight, during, after].map((account) => passwordOpensThePortal(mailsTo(account).at(-1))),
        );
        // The outbox on PostgreSQL itself: nothing left behind.
        const pending = await waitUntil(
          async () =>
            (await countOf("SELECT count(*) AS count FROM outbox_messages WHERE status = 'PENDING'")) === 0
              ? 0
              : undefined,
          { description: "the outbox to be empty after the outage", ...PATIENCE },
        );
        const created = [inFlight, during, after].map(
          (account) => postsAbout(account, "user.created").length,
        );
        const mails = [during, after].map((account) => mailsTo(account).length);
        tally.lost = [...created, ...mails].filter((count) => count === 0).length + pending;
        tally.duplicated =
          [...created, ...mails].reduce((sum, count) => sum + Math.max(0, count - 1), 0) +
          (differing.length > 0 ? 1 : 0);
        tally.note = `during the outage: ${answers.map((answer) => `${answer.name} ${answer.status}${answer.refused ? " refused" : ""}`).join(", ")}; an email accepted during it resent ${differing.length === 0 ? "identical" : `differing in ${differing.join(", ")}`} (${leased} lease let go); after it all worked`;
        expect(created).toEqual([1, 1, 1]);
        expect(mails).toEqual([1, 1]);
        expect(mailsTo(inFlight)).toHaveLength(2);
        expect(differing).toEqual([]);
        expect(opened).toEqual([true, true, true]);
        expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
        expect(extraAuditPosts()).toBe(0);
      });
    },
  );

  it("(f) the bot SIGKILLed after the SMTP server has the DATA, before its 250: the retry is the same message", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "bot SIGKILLed in SMTP DATA (before 250), restarted" },
      async (tally) => {
        const account = accountNamed("caida.bot");
        resentIdentical.push(account);
        const livesBefore = bot.lives;
        // Everything else of the batch (the account's user.created post) is recorded first, so that the
        // crash leaves only this email in doubt.
        const killed = onFirstDataFor(account, () => bot.kill());
        acknowledged("the form", await submitUserForm(await openUserForm(), account));
        await killed;
        smtp.onData(undefined);
        expect(bot.isRunning()).toBe(false);
        // The killed worker's lease (2 minutes) runs out, as two minutes of waiting would make it.
        const leased = await withStoppedBotDatabase(
          (database) =>
            database.prisma.$executeRaw`
            UPDATE outbox_messages SET leased_until = now() - interval '1 millisecond'
             WHERE status = 'PENDING' AND leased_until IS NOT NULL`,
        );
        await bot.restart();
        await waitForMail(account, 2);
        const [first, resent] = mailsTo(account);
        if (first === undefined || resent === undefined) throw new Error("two copies expected");
        const differing = differences(first, resent);
        const opens = await passwordOpensThePortal(resent);
        tally.tried = 1;
        tally.lost = mailsTo(account).length === 0 ? 1 : 0;
        tally.duplicated = differing.length > 0 ? 1 : 0;
        tally.note = `${mailsTo(account).length} copies accepted by the server (the first one's 250 never heard), ${differing.length === 0 ? "identical: same Message-ID, Date, body and password" : `differing in ${differing.join(", ")}`}; ${leased} leased row(s) let go`;
        expect(bot.lives).toBe(livesBefore + 1);
        expect(bot.exits.at(-1)).toMatchObject({ signal: "SIGKILL", expected: true });
        expect(differing).toEqual([]);
        expect(credentialsOrUndefined(resent)?.password).toBe(credentialsOrUndefined(first)?.password);
        expect(opens).toBe(true);
        expect(mailsTo(account)).toHaveLength(2);
        expect(postsAbout(account, "user.created")).toHaveLength(1);
      },
    );
  });

  it("over the whole run: no outbox row left pending, every audit event posted once, every email delivered once", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "the whole run, from the database after SIGTERM" },
      async (tally) => {
        // A scenario that failed half-way leaves nothing down for this one.
        smtp.onData(undefined);
        await smtp.comeBack();
        await proxy?.comeBack();
        const readState = () =>
          withStoppedBotDatabase(async (database) => ({
            rows: await database.prisma.outboxMessage.findMany({
              select: { id: true, kind: true, status: true, attempts: true, sealedSecret: true },
            }),
            auditEvents: await database.prisma.auditEvent.findMany({ select: { id: true, action: true } }),
          }));
        // Stopped as an operator would (SIGTERM lets go of leased rows); a row still waiting for its
        // backoff then is not lost: the bot is started again until it has an outcome, once or twice.
        let exit = await bot.stop();
        expect(exit).toMatchObject({ code: 0, expected: true });
        let state = await readState();
        let restarts = 0;
        for (let round = 0; round < 2; round += 1) {
          const waiting = state.rows.filter((row) => row.status === "PENDING").map((row) => row.id);
          if (waiting.length === 0) break;
          const since = bot.logs.length;
          restarts += 1;
          await bot.restart();
          await waitUntil(
            () => {
              const closed = new Set(
                bot.logs
                  .slice(since)
                  .filter((line) =>
                    [
                      "outbox message sent",
                      "outbox message failed for good",
                      "outbox message cancelled",
                    ].includes(String(line.json?.msg)),
                  )
                  .map((line) => line.json?.outboxMessageId),
              );
              return waiting.every((id) => closed.has(id)) ? true : undefined;
            },
            {
              description: `an outcome for the ${waiting.length} row(s) still pending at the stop`,
              ...PATIENCE,
            },
          );
          exit = await bot.stop();
          expect(exit).toMatchObject({ code: 0, expected: true });
          state = await readState();
        }
        const pending = state.rows.filter((row) => row.status === "PENDING");
        const failed = state.rows.filter((row) => row.status === "FAILED");
        const emailRows = state.rows.filter((row) => row.kind.startsWith("email.") && row.status === "SENT");
        const copiesOf = (id: string) =>
          smtp.messages.filter((mail) => mail.messageId?.startsWith(`<${id}@`)).length;
        const lostEmails = emailRows.filter((row) => copiesOf(row.id) === 0);
        // The resends checked identical in (e) and (f) are at-least-once delivery, as issue 7 allows.
        const resentIds = resentIdentical.flatMap((account) =>
          mailsTo(account).map((mail) => mail.messageId),
        );
        const extraEmails = emailRows.filter(
          (row) => copiesOf(row.id) > 1 && !resentIds.some((id) => id?.startsWith(`<${row.id}@`)),
        );
        const posted = new Map<string, number>();
        for (const post of auditPosts()) posted.set(post.eventId, (posted.get(post.eventId) ?? 0) + 1);
        const unposted = state.auditEvents.filter((event) => !posted.has(event.id.toString()));
        const postedTwice = [...posted.values()].filter((count) => count > 1).length;
        tally.tried = state.rows.length;
        tally.lost = pending.length + lostEmails.length + unposted.length;
        tally.duplicated = extraEmails.length + postedTwice;
        tally.note = `${state.rows.length} outbox rows, ${emailRows.length} emails sent, ${state.auditEvents.length} audit events; failed: ${failed.length}, the emails (c) refused for good${restarts === 0 ? "" : `; ${restarts} restart(s) to let backoffs end`}`;
        expect(pending.map((row) => `${row.kind} ${row.id} (${row.attempts} attempts)`)).toEqual([]);
        expect(failed.map((row) => `${row.kind} ${row.attempts}`)).toEqual(
          refusedForGood.map(() => `${CREDENTIALS_EMAIL} 1`),
        );
        expect(state.rows.filter((row) => row.sealedSecret !== null)).toEqual([]);
        expect(lostEmails).toEqual([]);
        expect(extraEmails).toEqual([]);
        expect(unposted.map((event) => `${event.id} ${event.action}`)).toEqual([]);
        expect(postedTwice).toBe(0);
        expect(refusedForGood.flatMap((account) => mailsTo(account))).toEqual([]);
      },
    );
  });
});
