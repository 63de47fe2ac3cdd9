// `npm start` with no Slack workspace: the real bot and the stand-in for Slack on one port. The
// stand-in's Web API and response_urls answer under /sandbox/slack, the page at / drives the bot
// through the same signed requests Slack sends, every email lands in the page's inbox, and an
// empty embedded database gets the demo data on its first start.
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { seedDemoData } from "../application/demo/seed-demo-data.ts";
import type { Database } from "../application/ports/database.ts";
import type { Logger } from "../application/ports/logger.ts";
import type { TEnvironment } from "../config/environment.ts";
import { AUDIT_CHANNEL, castWorkspace, DEMO_REQUESTER, PEOPLE } from "./cast.ts";
import { createMailbox } from "./mailbox/mailbox.ts";
import { startSandboxedBot, type TSandboxedBot } from "./sandboxed-bot.ts";
import { createSandboxSite, type TSandboxPersona, type TSandboxSite } from "./site/sandbox-site.ts";
import { createSlackRequestHandler } from "./slack-request-handler.ts";
import { createSlackWorkspace } from "./slack-workspace.ts";

/** Where the stand-in for Slack's Web API and response_urls are served on the bot's port. */
export const SANDBOX_SLACK_PATH = "/sandbox/slack";

/**
 * Set aside: what a real install sets for its Slack workspace (the sandbox's own take their place),
 * and SANDBOX itself, which chose this start and means nothing to the bot inside it.
 */
const SET_ASIDE_VARIABLES = [
  "SANDBOX",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_API_URL",
  "AUDIT_CHANNEL_ID",
  "ADMIN_SLACK_USER_IDS",
  "SUPPORT_SLACK_USER_IDS",
  "ACCESS_REQUESTS_CHANNEL_ID",
] as const;

export interface TBrowserSandboxOptions {
  /** The process's variables (PORT, DATA_DIR, DATABASE_URL, BOT_LOCALE …); its Slack ones are set aside. */
  readonly variables: NodeJS.ProcessEnv;
  readonly environment: TEnvironment;
  readonly logger: Logger;
  readonly openingDatabase?: Promise<Database>;
  readonly host?: string;
}

export interface TBrowserSandbox {
  readonly sandboxedBot: TSandboxedBot;
  /** The page, e.g. `http://localhost:3000/`. */
  readonly url: string;
  readonly demoDataLoaded: boolean;
  stop(): Promise<void>;
}

/** Who a visitor can be on the page, one a role. */
export const PERSONAS: readonly TSandboxPersona[] = [
  { user: PEOPLE.admin, role: "admin" },
  { user: PEOPLE.support, role: "support" },
  { user: PEOPLE.accountant, role: "accountant" },
  { user: PEOPLE.nobody, role: "nobody" },
];

export async function startBrowserSandbox(options: TBrowserSandboxOptions): Promise<TBrowserSandbox> {
  const { environment, logger } = options;
  // The Web API URL the bot is given names the port, so a PORT of 0 becomes a free port first.
  const port = environment.PORT === 0 ? await freePort(options.host) : environment.PORT;
  const workspace = createSlackWorkspace(castWorkspace());
  const slackHandler = createSlackRequestHandler({ workspace, pathPrefix: SANDBOX_SLACK_PATH });
  const slackApiUrl = slackHandler.servedAt(`http://127.0.0.1:${port}`);
  const mailbox = createMailbox();
  let site: TSandboxSite | undefined;

  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.variables)) {
    if (value !== undefined && !(SET_ASIDE_VARIABLES as readonly string[]).includes(name))
      variables[name] = value;
  }
  const sandboxedBot = await startSandboxedBot({
    slack: { url: slackApiUrl, workspace },
    signingSecret: randomBytes(32).toString("hex"),
    variables: { ...variables, PORT: String(port) },
    logger,
    mailbox,
    ...(options.openingDatabase === undefined ? {} : { openingDatabase: options.openingDatabase }),
    ...(options.host === undefined ? {} : { host: options.host }),
    requestHandlers: [
      (request, response) => slackHandler.handle(request, response),
      (request, response) => site?.handle(request, response) ?? false,
    ],
  });

  const { dependencies } = sandboxedBot.bot;
  const demo =
    dependencies.database.kind === "embedded"
      ? await seedDemoData(dependencies, {
          accountant: {
            slackUserId: PEOPLE.accountant.id,
            email: PEOPLE.accountant.email,
            name: PEOPLE.accountant.realName,
          },
          requester: {
            slackUserId: DEMO_REQUESTER.id,
            email: DEMO_REQUESTER.email,
            name: DEMO_REQUESTER.realName,
          },
        })
      : undefined;
  if (demo?.seeded === true)
    logger.info(
      { companies: demo.companies, places: demo.places, users: demo.users },
      "sandbox: demo data loaded into the empty embedded database",
    );

  site = createSandboxSite({
    workspace,
    mailbox,
    personFor: (slackUserId) => sandboxedBot.as(slackUserId),
    people: PERSONAS,
    auditChannel: AUDIT_CHANNEL,
    locale: environment.BOT_LOCALE,
    demoData: demo?.seeded === true,
  });
  const url = `http://${options.host ?? "localhost"}:${port}/`;
  logger.info(
    { url },
    `sandbox: a stand-in for Slack is at ${url} (no workspace needed; set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect a real one)`,
  );

  return {
    sandboxedBot,
    url,
    demoDataLoaded: demo?.seeded === true,
    async stop() {
      site?.close();
      await sandboxedBot.stop();
    },
  };
}

function freePort(host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
