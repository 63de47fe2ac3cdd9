// The bot started against the stand-in for Slack instead of slack.com: the real composition root
// (start-bot.ts) with the Slack variables pointing at the sandbox's Web API, the cast's roles, a
// signing secret of the sandbox's own and, when given, the sandbox's mailbox as its mail transport.
// The sandbox is a composition root of its own, like main.ts; the end-to-end tests start the bot
// through it, and so will `npm start` with no Slack workspace.
import { randomBytes } from "node:crypto";
import { readEnvironment, type TEnvironment } from "../config/environment.ts";
import { startBot, type TRunningBot, type TStartOptions } from "../start-bot.ts";
import { AUDIT_CHANNEL, PEOPLE, SANDBOX_BOT } from "./cast.ts";
import type { TSlackUserSimulator } from "./slack-user-simulator.ts";
import { createSlackUserSimulator } from "./slack-user-simulator.ts";
import type { TSlackWorkspace } from "./slack-workspace.ts";

/** The stand-in the bot talks to: the Web API base URL (ends with `/api/`) and its workspace. */
export interface TSlackStandIn {
  readonly url: string;
  readonly workspace: TSlackWorkspace;
}

export interface TSandboxedBotOptions extends Omit<TStartOptions, "environment"> {
  readonly slack: TSlackStandIn;
  /** The bot's other variables (PORT, DATA_DIR, MAIL_FROM …); they win over the sandbox's own. */
  readonly variables?: Readonly<Record<string, string>>;
  /** The secret the sandbox signs its requests with; a random one when left out. */
  readonly signingSecret?: string;
}

export interface TSandboxedBot {
  readonly bot: TRunningBot;
  readonly environment: TEnvironment;
  readonly signingSecret: string;
  /** `http://<host>:<port>` of the bot. */
  readonly baseUrl: string;
  /** Where the sandbox's people send their requests: `<baseUrl>/slack/events`. */
  readonly appUrl: string;
  /** One person's Slack client, the same one each time for the same person. */
  as(slackUserId: string): TSlackUserSimulator;
  stop(): Promise<void>;
}

/** The Slack variables of a bot installed in the sandbox's workspace. */
export function sandboxSlackVariables(slackApiUrl: string, signingSecret: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: SANDBOX_BOT.token,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slackApiUrl,
    AUDIT_CHANNEL_ID: AUDIT_CHANNEL.id,
    ADMIN_SLACK_USER_IDS: PEOPLE.admin.id,
    SUPPORT_SLACK_USER_IDS: PEOPLE.support.id,
  };
}

export async function startSandboxedBot(options: TSandboxedBotOptions): Promise<TSandboxedBot> {
  const { slack, variables, signingSecret: givenSecret, ...startOptions } = options;
  const signingSecret = givenSecret ?? randomBytes(32).toString("hex");
  const environment = readEnvironment(
    { ...sandboxSlackVariables(slack.url, signingSecret), ...variables },
    { sandboxed: true },
  );
  const bot = await startBot({ slackIsSandbox: true, ...startOptions, environment });
  const baseUrl = `http://${options.host ?? "127.0.0.1"}:${bot.port}`;
  const appUrl = `${baseUrl}/slack/events`;
  const simulators = new Map<string, TSlackUserSimulator>();
  return {
    bot,
    environment,
    signingSecret,
    baseUrl,
    appUrl,
    as(slackUserId) {
      const existing = simulators.get(slackUserId);
      if (existing !== undefined) return existing;
      const simulator = createSlackUserSimulator({ slack, appUrl, signingSecret, userId: slackUserId });
      simulators.set(slackUserId, simulator);
      return simulator;
    },
    stop: () => bot.stop(),
  };
}
