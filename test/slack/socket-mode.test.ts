// The bot in Socket Mode, end to end: the real bot started with SLACK_APP_TOKEN and no signing
// secret opens its WebSocket through apps.connections.open on the sandbox, is said `hello`, answers
// `/usuarios ayuda` in the ack of the envelope within Slack's three seconds (the person sees the
// help), and after Slack's `disconnect` (refresh_requested) connects again and answers the next
// command, whose modal opens in the same workspace the HTTP path uses.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { castWorkspace, PEOPLE } from "../../src/sandbox/cast.ts";
import { createFakeSlackWebApi, type TFakeSlackWebApi } from "../../src/sandbox/fake-slack-web-api.ts";
import { createMailbox } from "../../src/sandbox/mailbox/mailbox.ts";
import { startSandboxedBot, type TSandboxedBot } from "../../src/sandbox/sandboxed-bot.ts";
import type { TSlackUserSimulator } from "../../src/sandbox/slack-user-simulator.ts";
import type { TSocketModeServer } from "../../src/sandbox/socket-mode/socket-mode-server.ts";
import { createSocketModeUserSimulator } from "../../src/sandbox/socket-mode/socket-mode-user-simulator.ts";
import { createRecordingLogger, type TRecordedLog } from "../support/silent-logger.ts";
import { expectAcknowledged, PATIENCE, textOf } from "../support/slack-answers.ts";
import { createTestDatabase, type TTestDatabase } from "../support/test-database.ts";

const APP_TOKEN = "xapp-1-A0SANDBOX-socket-mode-test-token";
/** @slack/socket-mode waits its client ping timeout (5 s) before it reconnects after a disconnect. */
const RECONNECTION_PATIENCE = { timeoutMilliseconds: 20_000 } as const;

describe("the bot in Socket Mode", () => {
  let slack: TFakeSlackWebApi;
  let socketMode: TSocketModeServer;
  let testDatabase: TTestDatabase;
  let sandboxed: TSandboxedBot;
  let dataDirectory: string;
  let admin: TSlackUserSimulator;
  const logs: TRecordedLog[] = [];
  let placeId = "";

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    slack = await createFakeSlackWebApi({ ...castWorkspace(), socketMode: { appToken: APP_TOKEN } });
    if (slack.socketMode === undefined) throw new Error("the fake Web API started without Socket Mode");
    socketMode = slack.socketMode;
    dataDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-socket-mode-"));
    sandboxed = await startSandboxedBot({
      slack,
      variables: {
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_SIGNING_SECRET: "",
        PORT: "0",
        DATA_DIR: dataDirectory,
        MAIL_FROM: "PremiumOne <no-reply@premiumone.example>",
        PORTAL_URL: "https://portal.premiumone.example/",
        SUPPORT_CONTACT: "soporte@premiumone.example · 55 1234 5678",
        LOG_LEVEL: "debug",
      },
      logger: createRecordingLogger(logs),
      database: testDatabase.database,
      bcryptCost: 4,
      outboxPollIntervalMs: 3_600_000,
      host: "127.0.0.1",
      mailbox: createMailbox(),
    });
    admin = createSocketModeUserSimulator({ slack, server: socketMode, userId: PEOPLE.admin.id });
    // `/usuarios nuevo` opens its form only once there is a place to give an account.
    const prisma = testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    placeId = (
      await prisma.issuingPlace.create({
        data: { companyId: company.id, postalCode: "06000", name: "Centro" },
      })
    ).id;
  });
  afterAll(async () => {
    await sandboxed?.stop();
    await slack?.close();
    await testDatabase?.close();
    if (dataDirectory !== undefined) await rm(dataDirectory, { recursive: true, force: true });
  });

  it("runs without a signing secret and mounts no /slack/events route", async () => {
    expect(sandboxed.environment.SLACK_SIGNING_SECRET).toBeUndefined();
    expect(sandboxed.bot.slack?.route).toBeUndefined();
    const response = await fetch(sandboxed.appUrl, { method: "POST", body: "" });
    expect(response.status).toBe(404);
  });

  it("opens its WebSocket with the app-level token and is said hello", async () => {
    expect(await socketMode.waitForConnection(PATIENCE)).toBe(1);
    expect(socketMode.openConnections()).toEqual([1]);
    const opened = slack.calls("apps.connections.open");
    // The start's credentials check (slack-connection.ts), then the socket's own.
    expect(opened.map((call) => call.ok)).toEqual([true, true]);
    expect(opened[1]?.response).toMatchObject({
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\//),
    });
  });

  it("answers /usuarios ayuda in the ack, within three seconds, and the person reads the help", async () => {
    const answer = expectAcknowledged(await admin.runSlashCommand("/usuarios", "ayuda"));
    const shown = slack.ephemeralFor(PEOPLE.admin.id).at(-1);
    expect(shown?.origin).toBe("command_response");
    const text = textOf(shown);
    expect(text).toContain("Ayuda de /usuarios");
    expect(text).toContain("`/usuarios nuevo`");
    expect(text).toContain("soporte@premiumone.example");
    const acknowledgement = socketMode.acknowledgements().at(-1);
    expect(acknowledgement).toMatchObject({ connection: 1, late: false });
    expect(acknowledgement?.payload).toEqual(answer.body);
  });

  it("connects again after Slack's disconnect (refresh_requested) and answers the next command", async () => {
    socketMode.disconnect("refresh_requested");
    const second = await socketMode.waitForConnection({ after: 1, ...RECONNECTION_PATIENCE });
    expect(second).toBe(2);
    await socketMode.waitFor(() => (socketMode.openConnections().includes(1) ? undefined : true));
    expect(socketMode.openConnections()).toEqual([2]);
    expect(slack.calls("apps.connections.open").map((call) => call.ok)).toEqual([true, true, true]);

    const answer = expectAcknowledged(await admin.runSlashCommand("/usuarios", "nuevo"));
    await slack.waitForCall("views.open", { since: answer.sequence, ...PATIENCE });
    const modal = admin.openModal();
    expect(textOf(modal)).toContain("Lugares de expedición");

    // A view_submission rides an interactive envelope whose ack payload Slack reads: empty, it closes the modal.
    const submitted = expectAcknowledged(
      await admin.submitView(modal?.id ?? "", {
        username: { value: "bruno.vega" },
        full_name: { value: "Bruno Vega" },
        email: { value: "bruno.vega@cliente.example" },
        places: { "users.places": [placeId] },
      }),
    );
    expect(admin.openModal()).toBeUndefined();
    // What the app says after that ack goes through the Web API into the same workspace.
    await slack.workspace.waitFor(() => {
      const latest = slack.ephemeralFor(PEOPLE.admin.id).at(-1);
      return latest !== undefined && textOf(latest).includes("bruno.vega") ? latest : undefined;
    }, PATIENCE);
    expect(slack.timeline(submitted.sequence).some((entry) => entry.kind !== "app_request")).toBe(true);
    expect(socketMode.acknowledgements().at(-1)).toMatchObject({ connection: 2, late: false });
  }, 30_000);
});
