// What every part of a run shares: the settings, the cleanup, the run's secrets, the stand-in for
// Slack, the SMTP server, the temporary folder, and how to start a bot on a data folder or a
// PostgreSQL database with the same environment each time.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TCleanup } from "./cleanup.ts";
import type { TSmtpSink } from "./mail/smtp-sink.ts";
import { startBotProcess, type TBotProcess } from "./processes/bot-process.ts";
import type { TBenchSettings } from "./settings.ts";
import { ADMIN, AUDIT_CHANNEL, type TBenchWorkspace, type TRunSecrets } from "./slack/bench-workspace.ts";
import type { TSlackRequests } from "./slack/slack-requests.ts";

export interface TRunContext {
  readonly settings: TBenchSettings;
  readonly cleanup: TCleanup;
  readonly secrets: TRunSecrets;
  readonly workspace: TBenchWorkspace;
  readonly smtp: TSmtpSink;
  /** Builds the signed requests "Slack" sends. */
  readonly requests: TSlackRequests;
  readonly temporaryDirectory: string;
  log(line: string): void;
  /** A new, empty folder for a bot's DATA_DIR. */
  newDataDirectory(name: string): Promise<string>;
  startBot(name: string, where: { dataDirectory: string; databaseUrl?: string }): Promise<TBotProcess>;
}

export async function makeTemporaryDirectory(cleanup: TCleanup): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "premiumone-bench-"));
  cleanup.add(`remove ${directory}`, () => rm(directory, { recursive: true, force: true }));
  return directory;
}

export function createRunContext(options: Omit<TRunContext, "newDataDirectory" | "startBot">): TRunContext {
  let botCount = 0;
  return {
    ...options,
    async newDataDirectory(name) {
      const directory = path.join(options.temporaryDirectory, name);
      await rm(directory, { recursive: true, force: true });
      await mkdir(directory, { recursive: true });
      return directory;
    },
    startBot(name, where) {
      botCount += 1;
      const { secrets, workspace, smtp } = options;
      return startBotProcess({
        cleanup: options.cleanup,
        name,
        logFile: path.join(options.temporaryDirectory, `bot-${botCount}-${name.replace(/\W+/g, "-")}.log`),
        environment: {
          NODE_ENV: "development",
          SANDBOX: "off",
          LOG_LEVEL: options.settings.botLogLevel,
          SLACK_BOT_TOKEN: secrets.botToken,
          SLACK_SIGNING_SECRET: secrets.signingSecret,
          SLACK_API_URL: workspace.proxy.url,
          DATA_DIR: where.dataDirectory,
          ...(where.databaseUrl === undefined ? {} : { DATABASE_URL: where.databaseUrl }),
          SMTP_URL: smtp.url,
          MAIL_FROM: "PremiumOne <no-reply@premiumone.example>",
          PORTAL_URL: "https://portal.premiumone.example/",
          PORTAL_API_KEY: secrets.portalApiKey,
          PASSWORD_PEPPER: secrets.passwordPepper,
          AUDIT_CHANNEL_ID: AUDIT_CHANNEL.id,
          ADMIN_SLACK_USER_IDS: ADMIN.id,
          SUPPORT_CONTACT: "soporte@premiumone.example · 55 1234 5678",
        },
      });
    },
  };
}
