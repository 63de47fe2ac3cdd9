// Section 4 of issue 7: the same thing asked for many times at once must happen once.
// (a) 50 Nuevo usuario submissions at once, one email address in different cases: one user, 49
//     field errors on Correo electrónico, one user.created, one welcome email;
// (b, c) Sí pressed twice at once on ¿Eliminar? and on ¿Restablecer?, then the first click's very
//     envelope sent again: one deletion / one reset, one audit event, the others told it was done
//     already; the reset's one email carries the password that opens the portal;
// (d, e) Slack's retries of one request on one replica: an event sent again with x-slack-retry-num
//     1–3 (the first retry while the original is still being handled) is handled once; one
//     view_submission envelope sent three times at once creates once;
// (f) the same on two replicas of one PostgreSQL (bot processes of their own): handled once
//     wherever the copies land;
// (g) a burst of wrong passwords at the portal API's /login: at most five checked, one user.locked,
//     one lock notice, and the right password sent while the burst is being checked is refused.
// (a)–(e) and (g) use the in-process harness on the run's database (embedded or PostgreSQL); (f)
// needs PostgreSQL and is skipped without it, saying why.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/application/ports/database.ts";
import { openDatabase } from "../../src/infrastructure/prisma/open-database.ts";
import { findInteractiveElement } from "../../src/sandbox/block-kit-reading.ts";
import { deliverToApp, type TDeliveryOptions } from "../../src/sandbox/deliver-to-app.ts";
import type { TJsonValue } from "../../src/sandbox/json.ts";
import {
  buildAction,
  buildBlockActionsPayload,
  buildDirectMessageEvent,
  buildEventCallback,
  buildViewSubmissionPayload,
  DIRECT_MESSAGE_CHANNEL_NAME,
  encodeEvent,
  encodeInteraction,
  type TEncodedRequest,
} from "../../src/sandbox/slack-payloads.ts";
import type { TSlackMessage, TSlackView } from "../../src/sandbox/slack-records.ts";
import type { TSlackWorkspace } from "../../src/sandbox/slack-workspace.ts";
import { PLACES_ACTION_ID, UserFormBlockId, UsersActionId } from "../../src/slack/features/users/ids.ts";
import { seedBasics } from "../support/seed.ts";
import {
  PEOPLE,
  PORTAL_API_KEY,
  SIGNING_SECRET,
  startSlackHarness,
  type TSlackHarness,
} from "../support/slack-harness.ts";
import { credentialsIn, recipientOf } from "../support/smtp-test-server.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import { openModalThrough, settleOutbox } from "./support/bad-input-steps.ts";
import { startBotProcess, type TBotProcess } from "./support/bot-process.ts";
import {
  startControllableSmtpServer,
  type TControllableSmtpServer,
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

const SECTION = "4. Concurrency";
const ADMIN = PEOPLE.admin;
/** A portal user linked to this Slack person answers DMs with the Mi cuenta summary. */
const LINKED = PEOPLE.accountant;
const PATIENCE = { timeoutMilliseconds: 30_000, intervalMilliseconds: 25 } as const;
const TWO_REPLICA_SCENARIOS = [
  "two replicas: one event retried (x-slack-retry-num 1–3) across both",
  "two replicas: one view_submission envelope sent to both",
] as const;

interface TSender {
  readonly appUrl: string;
}

interface TUserFields {
  readonly username: string;
  readonly email: string;
}

/** One signed delivery of `request` to a bot (Slack's own headers, a redelivery's when asked). */
function deliver(bot: TSender, request: TEncodedRequest, delivery?: TDeliveryOptions) {
  return deliverToApp({
    appUrl: bot.appUrl,
    signingSecret: SIGNING_SECRET,
    request,
    ...(delivery === undefined ? {} : { delivery }),
  });
}

/** The view with a new response_url in its private_metadata (Slack allows five uses of one). */
function withFreshResponseUrl(workspace: TSlackWorkspace, view: TSlackView, personId: string): TSlackView {
  const metadata = JSON.parse(view.privateMetadata) as Record<string, TJsonValue>;
  if (metadata.responseUrl === undefined) return view;
  const responseUrl = workspace.issueResponseUrl({
    userId: personId,
    channelId: workspace.directMessageChannelOf(personId),
    source: { kind: "command" },
  });
  return { ...view, privateMetadata: JSON.stringify({ ...metadata, responseUrl: responseUrl.url }) };
}

/** The Nuevo usuario form submitted as Slack sends it (a new trigger and response_url each time). */
function userFormSubmission(
  workspace: TSlackWorkspace,
  form: TSlackView,
  placeId: string,
  fields: TUserFields,
): TEncodedRequest {
  return encodeInteraction(
    buildViewSubmissionPayload({
      app: workspace.app,
      user: ADMIN,
      triggerId: workspace.issueTrigger(ADMIN.id),
      view: withFreshResponseUrl(workspace, form, ADMIN.id),
      stateValues: {
        [UserFormBlockId.USERNAME]: { value: { type: "plain_text_input", value: fields.username } },
        [UserFormBlockId.FULL_NAME]: {
          value: { type: "plain_text_input", value: `Cuenta ${fields.username}` },
        },
        [UserFormBlockId.EMAIL]: { value: { type: "plain_text_input", value: fields.email } },
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
}

/** A click on the Sí of a confirmation message: its own trigger, action_ts and response_url. */
function yesClick(
  workspace: TSlackWorkspace,
  confirmation: TSlackMessage,
  actionId: string,
): TEncodedRequest {
  const yes = findInteractiveElement(confirmation.blocks, { actionId });
  if (yes === undefined) throw new Error(`the confirmation shows no ${actionId}`);
  return encodeInteraction(
    buildBlockActionsPayload({
      app: workspace.app,
      user: ADMIN,
      triggerId: workspace.issueTrigger(ADMIN.id),
      container: {
        kind: "message",
        message: confirmation,
        channel: { id: confirmation.channel, name: DIRECT_MESSAGE_CHANNEL_NAME },
        responseUrl: workspace.issueResponseUrl({
          userId: ADMIN.id,
          channelId: confirmation.channel,
          source: { kind: "message", ts: confirmation.ts },
        }).url,
      },
      actions: [buildAction(yes, undefined, workspace.identifiers.messageTimestamp(workspace.now()))],
      stateValues: {},
    }),
  );
}

/** A DM from the linked person to the bot, as one Events API envelope (one event_id). */
function directMessageEvent(workspace: TSlackWorkspace, text: string): TEncodedRequest {
  return encodeEvent(
    buildEventCallback({
      app: workspace.app,
      event: buildDirectMessageEvent({
        user: LINKED,
        channelId: workspace.directMessageChannelOf(LINKED.id),
        text,
        ts: workspace.identifiers.messageTimestamp(workspace.now()),
        clientMessageId: workspace.identifiers.clientMessageId(),
      }),
      eventId: workspace.identifiers.eventId(),
      eventTime: Math.floor(workspace.now() / 1000),
    }),
  );
}

/** The answer of a view_submission that refused the form: its field errors, or undefined when taken. */
function fieldErrorsOf(body: TJsonValue): Record<string, unknown> | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  if (body.response_action !== "errors") return undefined;
  const errors = body.errors;
  return typeof errors === "object" && errors !== null && !Array.isArray(errors) ? errors : {};
}

/** A refusal of a duplicate account names the field that is taken: the username or the email. */
function namesTakenField(body: TJsonValue): boolean {
  const errors = fieldErrorsOf(body);
  return (
    errors !== undefined &&
    (UserFormBlockId.USERNAME in errors || UserFormBlockId.EMAIL in errors) &&
    !(UserFormBlockId.SLACK_USER in errors)
  );
}

async function portalLogin(
  baseUrl: string,
  username: string,
  password: string,
  clientAddress: string,
): Promise<number> {
  const response = await fetch(`${baseUrl}/api/portal/v1/login`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${PORTAL_API_KEY}`,
      "content-type": "application/json",
      "x-forwarded-for": clientAddress,
    },
    body: JSON.stringify({ username, password }),
  });
  await response.body?.cancel();
  return response.status;
}

async function auditCount(database: Database, action: string, targetLabel: string): Promise<number> {
  return database.prisma.auditEvent.count({ where: { action, targetLabel } });
}

describe(`${SECTION}: one replica, the in-process harness (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  let database: Database;
  let placeId = "";

  beforeAll(async () => {
    // Production's bcrypt cost: a burst of passwords is then really checked at once.
    harness = await startSlackHarness({ bcryptCost: 12 });
    database = harness.testDatabase.database;
    placeId = (await seedBasics(database)).kemperCentro;
    await database.prisma.portalUser.create({
      data: {
        username: "cuenta.vinculada",
        fullName: "Carla Contadora",
        email: "carla@cliente.example",
        emailNormalized: "carla@cliente.example",
        slackUserId: LINKED.id,
        places: { create: [{ placeId }] },
      },
    });
    await settleOutbox(harness);
  });
  afterAll(() => harness?.stop());

  const workspace = () => harness.slack.workspace;
  const emailsTo = (address: string) =>
    harness.smtp.messages.filter((message) => recipientOf(message)?.toLowerCase() === address.toLowerCase());

  /** Delivers the outbox until `done` holds (the harness's worker runs only when told). */
  async function deliverUntil(done: () => boolean, description: string): Promise<void> {
    await waitUntil(
      async () => {
        await harness.drainOutbox();
        return done() ? true : undefined;
      },
      { description, ...PATIENCE },
    );
  }

  async function createThroughForm(fields: TUserFields): Promise<void> {
    const form = await openModalThrough(harness, ADMIN.id, "/usuarios", "nuevo");
    const answer = await deliver(harness, userFormSubmission(workspace(), form, placeId, fields));
    if (answer.status !== 200 || fieldErrorsOf(answer.body) !== undefined)
      throw new Error(`creating ${fields.username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  /** Runs `/usuarios <verb> <username>` and returns the ¿…? question it answered with. */
  async function askToConfirm(verb: "eliminar" | "restablecer", username: string, actionId: string) {
    const admin = harness.as(ADMIN.id);
    const shown = admin.ephemeralMessages().length;
    const answer = await admin.runSlashCommand("/usuarios", `${verb} ${username}`);
    if (!answer.acknowledged) throw new Error(`/usuarios ${verb} was not acknowledged`);
    return workspace().waitFor(
      () => {
        const latest = admin.ephemeralMessages().length > shown ? admin.lastEphemeral() : undefined;
        return latest !== undefined && findInteractiveElement(latest.blocks, { actionId }) !== undefined
          ? latest
          : undefined;
      },
      { description: `the question of /usuarios ${verb}`, timeoutMilliseconds: 20_000 },
    );
  }

  /**
   * Sí twice at once (two clicks: their own triggers and response_urls), then the first click's
   * envelope again, byte for byte. Resolves with the notices the three clicks were answered with.
   */
  async function pressYesTwiceThenResend(confirmation: TSlackMessage, actionId: string): Promise<string[]> {
    const sequence = workspace().lastSequence();
    const first = yesClick(workspace(), confirmation, actionId);
    const second = yesClick(workspace(), confirmation, actionId);
    const answers = await Promise.all([deliver(harness, first), deliver(harness, second)]);
    answers.push(await deliver(harness, first));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    // Each click's list replaces the message through its response_url: three posts.
    const posts = await waitUntil(
      () => {
        const found = harness.slack.timeline(sequence).filter((entry) => entry.kind === "response_url");
        return found.length >= 3 ? found : undefined;
      },
      { description: "the three clicks answered", ...PATIENCE },
    );
    return posts.map((post) => JSON.stringify(post.request));
  }

  it("(a) 50 concurrent creates with one email (in different cases): one user", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "50 concurrent creates with one email" },
      async (tally) => {
        const form = await openModalThrough(harness, ADMIN.id, "/usuarios", "nuevo");
        const variants = [
          "misma.persona@cliente.example",
          "Misma.Persona@cliente.example",
          "MISMA.PERSONA@CLIENTE.EXAMPLE",
          "misma.persona@Cliente.Example",
        ];
        const requests = Array.from({ length: 50 }, (_, index) =>
          userFormSubmission(workspace(), form, placeId, {
            username: `misma.${String(index + 1).padStart(2, "0")}`,
            email: variants[index % variants.length] ?? "",
          }),
        );
        const answers = await Promise.all(requests.map((request) => deliver(harness, request)));
        tally.tried = answers.length;
        const refusals = answers.map((answer) => fieldErrorsOf(answer.body));
        const refused = refusals.filter((errors) => errors !== undefined);
        tally.refused = refused.length;
        const users = await database.prisma.portalUser.count({
          where: { emailNormalized: "misma.persona@cliente.example" },
        });
        const created = await database.prisma.auditEvent.count({
          where: { action: "user.created", targetLabel: { startsWith: "misma." } },
        });
        await deliverUntil(() => emailsTo("misma.persona@cliente.example").length >= 1, "the welcome email");
        await harness.drainOutbox();
        const welcomes = emailsTo("misma.persona@cliente.example").length;
        tally.duplicated = Math.max(0, users - 1) + Math.max(0, created - 1) + Math.max(0, welcomes - 1);
        tally.lost = users === 0 ? 1 : 0;
        tally.changed = Math.max(0, users - (answers.length - refused.length));
        tally.note = `${users} user, ${created} user.created, ${welcomes} welcome email; refusals on Correo electrónico`;
        expect(answers.every((answer) => answer.status === 200)).toBe(true);
        expect(users).toBe(1);
        expect(created).toBe(1);
        expect(welcomes).toBe(1);
        expect(refused).toHaveLength(49);
        expect(refused.every((errors) => errors !== undefined && UserFormBlockId.EMAIL in errors)).toBe(true);
      },
    );
  });

  it("(b) Sí twice at once on ¿Eliminar?, then its envelope again: one deletion, one audit event", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "double Sí on Eliminar (+ the envelope resent)" },
      async (tally) => {
        await database.prisma.portalUser.create({
          data: {
            username: "borrar.doble",
            fullName: "Borrar Doble",
            email: "borrar.doble@cliente.example",
            emailNormalized: "borrar.doble@cliente.example",
            places: { create: [{ placeId }] },
          },
        });
        const question = await askToConfirm("eliminar", "borrar.doble", UsersActionId.CONFIRM_DELETE);
        const notices = await pressYesTwiceThenResend(question, UsersActionId.CONFIRM_DELETE);
        const deletedNotices = notices.filter((text) => text.includes("Se eliminó al usuario")).length;
        const alreadyGone = notices.filter((text) => text.includes("Ese usuario ya no existe")).length;
        const remaining = await database.prisma.portalUser.count({ where: { username: "borrar.doble" } });
        const events = await auditCount(database, "user.deleted", "borrar.doble");
        tally.tried = 3;
        tally.refused = alreadyGone;
        tally.lost = remaining === 0 ? 0 : 1;
        tally.duplicated = Math.max(0, events - 1) + Math.max(0, deletedNotices - 1);
        tally.note = `${events} user.deleted; answered "se eliminó" ${deletedNotices}×, "ya no existe" ${alreadyGone}×`;
        expect(remaining).toBe(0);
        expect(events).toBe(1);
        expect({ deletedNotices, alreadyGone }).toEqual({ deletedNotices: 1, alreadyGone: 2 });
      },
    );
  });

  it("(c) Sí twice at once on ¿Restablecer?, then its envelope again: one reset, one email that works", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "double Sí on Restablecer (+ the envelope resent)" },
      async (tally) => {
        const address = "reset.doble@cliente.example";
        await database.prisma.portalUser.create({
          data: {
            username: "reset.doble",
            fullName: "Reset Doble",
            email: address,
            emailNormalized: address,
            places: { create: [{ placeId }] },
          },
        });
        const question = await askToConfirm("restablecer", "reset.doble", UsersActionId.CONFIRM_RESET);
        const notices = await pressYesTwiceThenResend(question, UsersActionId.CONFIRM_RESET);
        const resetNotices = notices.filter((text) => text.includes("Se restableció la contraseña")).length;
        const events = await auditCount(database, "user.password_reset", "reset.doble");
        await deliverUntil(() => emailsTo(address).length >= 1, "the reset email");
        await harness.drainOutbox();
        const emails = emailsTo(address);
        const first = emails[0];
        const opens =
          first === undefined
            ? 0
            : await portalLogin(
                harness.baseUrl,
                "reset.doble",
                credentialsIn(first).password,
                "198.51.100.3",
              );
        tally.tried = 3;
        tally.refused = notices.length - resetNotices;
        tally.lost = emails.length === 0 || opens !== 200 ? 1 : 0;
        tally.duplicated = Math.max(0, events - 1) + Math.max(0, emails.length - 1);
        tally.note = `${events} user.password_reset, ${emails.length} reset email; its password logs in (${opens})`;
        expect(events).toBe(1);
        expect(resetNotices).toBe(1);
        expect(emails).toHaveLength(1);
        expect(opens).toBe(200);
      },
    );
  });

  it("(d) one event retried with x-slack-retry-num 1–3, one replica: handled once", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "one replica: one event retried (x-slack-retry-num 1–3)" },
      async (tally) => {
        const logsBefore = harness.logs.length;
        const sequence = workspace().lastSequence();
        const event = directMessageEvent(workspace(), "hola, ¿me ayudas?");
        // The first retry comes while the original is still in hand (a slow ack), the others after.
        const answers = await Promise.all([
          deliver(harness, event),
          deliver(harness, event, { retry: { number: 1, reason: "http_timeout" } }),
        ]);
        for (const number of [2, 3])
          answers.push(await deliver(harness, event, { retry: { number, reason: "http_timeout" } }));
        const outcomes = await waitUntil(
          () => {
            const lines = harness.logs
              .slice(logsBefore)
              .filter((log) => log.message === "slack request")
              .map((log) => (log.object as { outcome?: string }).outcome ?? "?");
            return lines.length >= 4 ? lines : undefined;
          },
          { description: "the four deliveries handled or dropped", ...PATIENCE },
        );
        const replies = harness.slack
          .calls("chat.postMessage")
          .filter(
            (call) =>
              call.sequence > sequence &&
              call.arguments.channel === workspace().directMessageChannelOf(LINKED.id),
          ).length;
        tally.tried = 4;
        tally.refused = outcomes.filter((outcome) => outcome === "duplicate").length;
        tally.lost = replies === 0 ? 1 : 0;
        tally.duplicated = Math.max(0, replies - 1);
        tally.note = `${replies} reply in the DM; deliveries: ${outcomes.join(", ")}`;
        expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
        expect(outcomes.filter((outcome) => outcome === "handled")).toHaveLength(1);
        expect(replies).toBe(1);
      },
    );
  });

  it("(e) one view_submission envelope sent three times at once, one replica: one user", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "one replica: one view_submission envelope sent 3×" },
      async (tally) => {
        const form = await openModalThrough(harness, ADMIN.id, "/usuarios", "nuevo");
        const fields = { username: "sobre.repetido", email: "sobre.repetido@cliente.example" };
        const envelope = userFormSubmission(workspace(), form, placeId, fields);
        const answers = await Promise.all([1, 2, 3].map(() => deliver(harness, envelope)));
        const refused = answers.filter((answer) => fieldErrorsOf(answer.body) !== undefined).length;
        const misnamed = answers
          .filter((answer) => fieldErrorsOf(answer.body) !== undefined && !namesTakenField(answer.body))
          .map((answer) => JSON.stringify(fieldErrorsOf(answer.body)));
        const users = await database.prisma.portalUser.count({ where: { username: fields.username } });
        const created = await auditCount(database, "user.created", fields.username);
        await deliverUntil(() => emailsTo(fields.email).length >= 1, "the welcome email");
        await harness.drainOutbox();
        const welcomes = emailsTo(fields.email).length;
        tally.tried = 3;
        tally.refused = refused;
        tally.lost = users === 0 ? 1 : 0;
        tally.duplicated = Math.max(0, created - 1) + Math.max(0, welcomes - 1);
        tally.note = `${users} user, ${created} user.created, ${welcomes} welcome email; ${misnamed.length === 0 ? "each refusal on the username or the email" : `refused on another field: ${misnamed.join(" / ")}`}`;
        expect(answers.every((answer) => answer.status === 200)).toBe(true);
        expect(misnamed).toEqual([]);
        expect({ users, created, welcomes, refused }).toEqual({
          users: 1,
          created: 1,
          welcomes: 1,
          refused: 2,
        });
      },
    );
  });

  it("(g) a burst of wrong passwords at /login: five checked, one lock, the right one refused", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "burst of wrong passwords at /login (+ the right one)" },
      async (tally) => {
        const username = "rafaga.login";
        const address = "rafaga.login@cliente.example";
        await createThroughForm({ username, email: address });
        await deliverUntil(() => emailsTo(address).length >= 1, "the welcome email");
        const first = emailsTo(address)[0];
        if (first === undefined) throw new Error("no welcome email");
        const password = credentialsIn(first).password;
        const account = await database.prisma.portalUser.findUniqueOrThrow({ where: { username } });
        const login = (attempt: string) => portalLogin(harness.baseUrl, username, attempt, "198.51.100.7");

        // Seven wrong passwords at once (the per-username limit allows ten a minute: this burst,
        // the right one during it, and two after it stay under it).
        const burst = Array.from({ length: 7 }, (_, index) => login(`contraseña equivocada ${index}`));
        // The right one, sent once the attempts left are all taken (failures plus checks running).
        await waitUntil(
          async () => {
            const row = await database.prisma.portalUser.findUniqueOrThrow({ where: { id: account.id } });
            return row.failedPasswordAttempts + row.passwordChecksInFlight >= 5 || row.lockedUntil !== null
              ? true
              : undefined;
          },
          { description: "the burst to take the five attempts", ...PATIENCE },
        );
        const duringBurst = await login(password);
        const statuses = await Promise.all(burst);
        // After it: the right password and a wrong one, both refused unchecked.
        const afterRight = await login(password);
        const afterWrong = await login("otra equivocada más");

        const failedChecks = await auditCount(database, "user.login_failed", username);
        const locks = await auditCount(database, "user.locked", username);
        await deliverUntil(() => emailsTo(address).length >= 2, "the lock notice");
        await harness.drainOutbox();
        const notices = emailsTo(address).length - 1;
        const all = [...statuses, duringBurst, afterRight, afterWrong];
        tally.tried = all.length;
        tally.refused = all.filter((status) => status !== 200).length;
        tally.changed = failedChecks > 5 ? failedChecks - 5 : 0;
        tally.lost = locks === 0 ? 1 : 0;
        tally.duplicated = Math.max(0, locks - 1) + Math.max(0, notices - 1);
        tally.note = `${failedChecks} checked of 7 wrong (${statuses.join(" ")}); right one ${duringBurst} during, ${afterRight} after; ${locks} user.locked, ${notices} notice`;
        expect(statuses.every((status) => [401, 423, 429].includes(status))).toBe(true);
        expect(failedChecks).toBe(5);
        expect(locks).toBe(1);
        expect(notices).toBe(1);
        expect([423, 429]).toContain(duringBurst);
        expect({ afterRight, afterWrong }).toEqual({ afterRight: 423, afterWrong: 423 });
        expect(await auditCount(database, "user.login_failed", username)).toBe(5);
      },
    );
  });
});

if (WITHOUT_POSTGRES) {
  for (const scenario of TWO_REPLICA_SCENARIOS) recordSkipped(SECTION, scenario, POSTGRES_SKIP_REASON);
}

describe.skipIf(WITHOUT_POSTGRES)(
  needingPostgres(`${SECTION}: two replicas (bot processes) on one PostgreSQL`),
  () => {
    let outside: TOutsideSlack;
    let smtp: TControllableSmtpServer;
    let postgres: TPostgresDatabase;
    let database: Database | undefined;
    const replicas: TBotProcess[] = [];
    const dataDirectories: string[] = [];
    let placeId = "";

    beforeAll(async () => {
      outside = await startOutsideSlack();
      smtp = await startControllableSmtpServer();
      postgres = await createPostgresDatabase();
      const started = await Promise.all(
        ["a", "b"].map(async (name) => {
          const dataDirectory = await mkdtemp(
            path.join(tmpdir(), `premiumone-hardening-concurrency-${name}-`),
          );
          dataDirectories.push(dataDirectory);
          return startBotProcess({
            environment: botProcessEnvironment({
              slack: outside.slack,
              dataDirectory,
              smtpUrl: smtp.url,
              databaseUrl: postgres.url,
            }),
          });
        }),
      );
      replicas.push(...started);
      database = await openDatabase(
        { kind: "postgresql", url: postgres.url },
        { migrate: false, poolSize: 2 },
      );
      const company = await database.prisma.company.create({
        data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
      });
      placeId = (
        await database.prisma.issuingPlace.create({
          data: { companyId: company.id, postalCode: "06000", name: "Centro" },
        })
      ).id;
      await database.prisma.portalUser.create({
        data: {
          username: "cuenta.vinculada",
          fullName: "Carla Contadora",
          email: "carla@cliente.example",
          emailNormalized: "carla@cliente.example",
          slackUserId: LINKED.id,
          places: { create: [{ placeId }] },
        },
      });
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
      const found = replicas[index % replicas.length];
      if (found === undefined) throw new Error("the replicas did not start");
      return found;
    };
    const workspace = () => outside.slack.workspace;
    const requestLines = (since: readonly number[]) =>
      replicas.flatMap((bot, index) =>
        bot.logs
          .slice(since[index] ?? 0)
          .filter((line) => line.json?.msg === "slack request")
          .map((line) => ({ replica: index, outcome: String(line.json?.outcome ?? "?") })),
      );

    it("(f) one event retried across both replicas: handled once", async () => {
      await withRecordedRow({ section: SECTION, scenario: TWO_REPLICA_SCENARIOS[0] }, async (tally) => {
        const since = replicas.map((bot) => bot.logs.length);
        const sequence = workspace().lastSequence();
        const event = directMessageEvent(workspace(), "hola desde dos réplicas");
        // The original to A while retry 1 reaches B; retries 2 and 3 land on A and B afterwards.
        const answers = await Promise.all([
          deliver(replica(0), event),
          deliver(replica(1), event, { retry: { number: 1, reason: "http_timeout" } }),
        ]);
        answers.push(await deliver(replica(0), event, { retry: { number: 2, reason: "http_timeout" } }));
        answers.push(await deliver(replica(1), event, { retry: { number: 3, reason: "http_timeout" } }));
        const lines = await waitUntil(
          () => {
            const found = requestLines(since);
            return found.length >= 4 ? found : undefined;
          },
          { description: "the four deliveries handled or dropped", ...PATIENCE },
        );
        const replies = outside.slack
          .calls("chat.postMessage")
          .filter(
            (call) =>
              call.sequence > sequence &&
              call.arguments.channel === workspace().directMessageChannelOf(LINKED.id),
          ).length;
        tally.tried = 4;
        tally.refused = lines.filter((line) => line.outcome === "duplicate").length;
        tally.lost = replies === 0 ? 1 : 0;
        tally.duplicated = Math.max(0, replies - 1);
        tally.note = `${replies} reply in the DM; ${lines.map((line) => `${"AB"[line.replica]} ${line.outcome}`).join(", ")}`;
        expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
        expect(lines.filter((line) => line.outcome === "handled")).toHaveLength(1);
        expect(replies).toBe(1);
      });
    });

    it("(f) one view_submission envelope sent to both replicas, twice each: one user", async () => {
      await withRecordedRow({ section: SECTION, scenario: TWO_REPLICA_SCENARIOS[1] }, async (tally) => {
        if (database === undefined) throw new Error("no database");
        const admin = outside.as(ADMIN.id, replica(0));
        const answer = await admin.runSlashCommand("/usuarios", "nuevo");
        await outside.slack.waitForCall("views.open", { since: answer.sequence, ...PATIENCE });
        const form = admin.openModal();
        if (form === undefined) throw new Error("/usuarios nuevo opened no modal");
        const fields = { username: "dos.replicas", email: "dos.replicas@cliente.example" };
        const envelope = userFormSubmission(workspace(), form, placeId, fields);
        const answers = await Promise.all([0, 1, 2, 3].map((index) => deliver(replica(index), envelope)));
        const refused = answers.filter((reply) => fieldErrorsOf(reply.body) !== undefined).length;
        const misnamed = answers
          .filter((reply) => fieldErrorsOf(reply.body) !== undefined && !namesTakenField(reply.body))
          .map((reply) => JSON.stringify(fieldErrorsOf(reply.body)));
        const users = await database.prisma.portalUser.count({ where: { username: fields.username } });
        const created = await auditCount(database, "user.created", fields.username);
        await smtp.waitForMessages(1, { timeoutMilliseconds: 60_000 });
        const welcomes = () => smtp.messages.filter((mail) => mail.envelope.to.includes(fields.email));
        await waitUntil(() => (welcomes().length >= 1 ? true : undefined), {
          description: "the welcome email",
          timeoutMilliseconds: 60_000,
        });
        // Both workers poll every 2 s: the row is closed once it is SENT, and nothing is left to send twice.
        await waitUntil(
          async () =>
            (await database?.prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0
              ? true
              : undefined,
          { description: "the outbox delivered", timeoutMilliseconds: 60_000 },
        );
        tally.tried = 4;
        tally.refused = refused;
        tally.lost = users === 0 || welcomes().length === 0 ? 1 : 0;
        tally.duplicated =
          Math.max(0, users - 1) + Math.max(0, created - 1) + Math.max(0, welcomes().length - 1);
        tally.note = `${users} user, ${created} user.created, ${welcomes().length} welcome email; ${misnamed.length === 0 ? "each refusal on the username or the email" : `refused on another field: ${misnamed.join(" / ")}`}`;
        expect(answers.every((reply) => reply.status === 200)).toBe(true);
        expect(misnamed).toEqual([]);
        expect({ users, created, welcomes: welcomes().length, refused }).toEqual({
          users: 1,
          created: 1,
          welcomes: 1,
          refused: 3,
        });
      });
    });
  },
);
