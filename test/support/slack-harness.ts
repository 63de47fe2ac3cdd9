// The whole bot, as Slack and its users meet it: a real database, the real app started by the
// sandbox's startSandboxedBot (Bolt's HTTP receiver on a real port, the cast of src/sandbox/cast.ts),
// the sandbox's fake Slack Web API that the app reaches through SLACK_API_URL, an in-process SMTP server (or, with `mail: "sandbox mailbox"`, the
// sandbox's mailbox as the bot's transport, no SMTP conversation), and simulated people sending
// signed requests. Either way the emails are read in `mailbox`. Tests assert what those people see.
// What only tests need lives here: the test database, the SMTP choice, recorded logs, draining the
// outbox, waiting for an ephemeral message.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TEnvironment } from "../../src/config/environment.ts";
import { visibleTextOf } from "../../src/sandbox/block-kit-reading.ts";
import { AUDIT_CHANNEL, castPerson, castWorkspace, PEOPLE, SANDBOX_BOT } from "../../src/sandbox/cast.ts";
import { createFakeSlackWebApi, type TFakeSlackWebApi } from "../../src/sandbox/fake-slack-web-api.ts";
import { createMailbox, type TMailbox } from "../../src/sandbox/mailbox/mailbox.ts";
import { startSandboxedBot } from "../../src/sandbox/sandboxed-bot.ts";
import type { TSlackMessage, TSlackUser } from "../../src/sandbox/slack-records.ts";
import type { TSlackUserSimulator } from "../../src/sandbox/slack-user-simulator.ts";
import type { TRunningBot } from "../../src/start-bot.ts";
import { createRecordingLogger, type TRecordedLog } from "./silent-logger.ts";
import {
  startSmtpTestServer,
  type TSmtpTestServer,
  type TSmtpTestServerOptions,
} from "./smtp-test-server.ts";
import { createTestDatabase, type TTestDatabase } from "./test-database.ts";
import { createTestClock, type TTestClock } from "./use-case-dependencies.ts";

export const SIGNING_SECRET = "harness-signing-secret-0123456789abcdef";
export const BOT_TOKEN = SANDBOX_BOT.token;
export const PORTAL_API_KEY = "harness-portal-api-key-0123456789abcdef0123";
export { AUDIT_CHANNEL, castPerson as person, PEOPLE };

export interface TSlackHarness {
  readonly bot: TRunningBot;
  readonly slack: TFakeSlackWebApi;
  /** Every email the bot sent, whichever way it went. */
  readonly mailbox: TMailbox;
  readonly smtp: TSmtpTestServer;
  readonly testDatabase: TTestDatabase;
  readonly logs: TRecordedLog[];
  readonly clock: TTestClock | undefined;
  readonly environment: TEnvironment;
  readonly appUrl: string;
  readonly baseUrl: string;
  as(slackUserId: string): TSlackUserSimulator;
  /** Waits until the person's latest ephemeral message (or the list they see) reads `text`. */
  waitForEphemeral(slackUserId: string, text: string): Promise<TSlackMessage>;
  /** Runs the outbox until nothing is due (emails, audit posts, DMs). */
  drainOutbox(): Promise<void>;
  stop(): Promise<void>;
}

/** The harness whose bot hands its emails to the sandbox's mailbox, no SMTP server; every harness is one. */
export type TMailboxSlackHarness = Omit<TSlackHarness, "smtp">;

export interface TSlackHarnessOptions {
  environment?: Record<string, string>;
  clock?: TTestClock;
  pollOutbox?: boolean;
  smtp?: TSmtpTestServerOptions;
  /** More people in the workspace than PEOPLE. */
  morePeople?: readonly TSlackUser[];
  /** bcrypt's cost; the tests' 4 unless a test is about the work bcrypt makes. */
  bcryptCost?: number;
}

export function startSlackHarness(
  options: TSlackHarnessOptions & { readonly mail: "sandbox mailbox"; readonly smtp?: never },
): Promise<TMailboxSlackHarness>;
export function startSlackHarness(
  options?: TSlackHarnessOptions & { readonly mail?: "smtp" },
): Promise<TSlackHarness>;
export async function startSlackHarness(
  options: TSlackHarnessOptions & { readonly mail?: "smtp" | "sandbox mailbox" } = {},
): Promise<TSlackHarness | TMailboxSlackHarness> {
  const testDatabase = await createTestDatabase();
  const slack = await createFakeSlackWebApi(castWorkspace(options.morePeople));
  const smtp = options.mail === "sandbox mailbox" ? undefined : await startSmtpTestServer(options.smtp);
  const mailbox = smtp?.mailbox ?? createMailbox();
  const dataDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-harness-"));
  const logs: TRecordedLog[] = [];
  const sandboxed = await startSandboxedBot({
    slack,
    signingSecret: SIGNING_SECRET,
    variables: {
      PORT: "0",
      DATA_DIR: dataDirectory,
      ...(smtp === undefined ? {} : { SMTP_URL: smtp.url }),
      MAIL_FROM: "PremiumOne <no-reply@premiumone.example>",
      PORTAL_URL: "https://portal.premiumone.example/",
      PORTAL_API_KEY,
      SUPPORT_CONTACT: "soporte@premiumone.example · 55 1234 5678",
      LOG_LEVEL: "debug",
      ...options.environment,
    },
    logger: createRecordingLogger(logs),
    database: testDatabase.database,
    bcryptCost: options.bcryptCost ?? 4,
    // Tests deliver the outbox themselves (drainOutbox) unless they ask for the poller.
    outboxPollIntervalMs: options.pollOutbox ? 50 : 3_600_000,
    host: "127.0.0.1",
    ...(smtp === undefined ? { mailbox } : {}),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const { bot, environment, appUrl, baseUrl } = sandboxed;
  return {
    bot,
    slack,
    mailbox,
    ...(smtp === undefined ? {} : { smtp }),
    testDatabase,
    logs,
    clock: options.clock,
    environment,
    appUrl,
    baseUrl,
    as: (slackUserId) => sandboxed.as(slackUserId),
    waitForEphemeral(slackUserId, text) {
      return slack.workspace.waitFor(() => {
        const latest = slack.ephemeralFor(slackUserId).at(-1);
        return latest !== undefined && visibleTextOf(latest.blocks).includes(text) ? latest : undefined;
      });
    },
    async drainOutbox() {
      for (let round = 0; round < 20; round += 1) {
        const result = await bot.outboxWorker.runOnce();
        if (result.claimed === 0) return;
      }
    },
    async stop() {
      await bot.stop();
      await slack.close();
      await smtp?.close();
      await testDatabase.close();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

export { createTestClock };
