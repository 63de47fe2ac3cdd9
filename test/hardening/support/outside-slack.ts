// Slack for bots running as processes of their own: the sandbox's fake Web API in the test
// process (the bots reach it through SLACK_API_URL) and simulated people who send any bot — any
// replica — signed requests over HTTP. The same workspace and people (src/sandbox/cast.ts) and secrets as
// the in-process harness (test/support/slack-harness.ts), so steps written for one work for the other.

import { castWorkspace } from "../../../src/sandbox/cast.ts";
import { createFakeSlackWebApi, type TFakeSlackWebApi } from "../../../src/sandbox/fake-slack-web-api.ts";
import { sandboxSlackVariables } from "../../../src/sandbox/sandboxed-bot.ts";
import {
  createSlackUserSimulator,
  type TSlackUserSimulator,
} from "../../../src/sandbox/slack-user-simulator.ts";
import { PORTAL_API_KEY, SIGNING_SECRET } from "../../support/slack-harness.ts";

/** The HMAC key of the password pre-hash for bot processes (≥ 32 characters). */
export const PASSWORD_PEPPER = "hardening-password-pepper-0123456789abcdef";

export interface TOutsideSlack {
  readonly slack: TFakeSlackWebApi;
  /** One person's Slack client, sending its requests to `bot` (anything with an `appUrl`). */
  as(slackUserId: string, bot: { readonly appUrl: string }): TSlackUserSimulator;
  close(): Promise<void>;
}

export async function startOutsideSlack(): Promise<TOutsideSlack> {
  const slack = await createFakeSlackWebApi(castWorkspace());
  const simulators = new Map<string, TSlackUserSimulator>();
  return {
    slack,
    as(slackUserId, bot) {
      const key = `${slackUserId} ${bot.appUrl}`;
      const existing = simulators.get(key);
      if (existing !== undefined) return existing;
      const simulator = createSlackUserSimulator({
        slack,
        appUrl: bot.appUrl,
        signingSecret: SIGNING_SECRET,
        userId: slackUserId,
      });
      simulators.set(key, simulator);
      return simulator;
    },
    close: () => slack.close(),
  };
}

export interface TBotProcessEnvironmentOptions {
  readonly slack: TFakeSlackWebApi;
  /** DATA_DIR: the embedded database (when no databaseUrl) and, without SMTP, the .eml files. */
  readonly dataDirectory: string;
  /** PostgreSQL; the embedded database in dataDirectory when left out. */
  readonly databaseUrl?: string;
  /** smtp://…; emails become .eml files in DATA_DIR/mail when left out. */
  readonly smtpUrl?: string;
}

/** The environment of a bot process wired to this test run's Slack, SMTP and database. */
export function botProcessEnvironment(options: TBotProcessEnvironmentOptions): Record<string, string> {
  return {
    NODE_ENV: "test",
    LOG_LEVEL: "debug",
    ...sandboxSlackVariables(options.slack.url, SIGNING_SECRET),
    DATA_DIR: options.dataDirectory,
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
    ...(options.smtpUrl === undefined ? {} : { SMTP_URL: options.smtpUrl }),
    MAIL_FROM: "PremiumOne <no-reply@premiumone.example>",
    PORTAL_URL: "https://portal.premiumone.example/",
    PORTAL_API_KEY,
    PASSWORD_PEPPER,
    SUPPORT_CONTACT: "soporte@premiumone.example · 55 1234 5678",
  };
}
