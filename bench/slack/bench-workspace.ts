// The one stand-in for Slack of a run: the sandbox's fake Web API (createFakeSlackWebApi) with the
// people the benchmark acts as, the observing proxy in front of it, and the run's secrets. The bot
// and the bare Bolt app both reach the Web API through the proxy.
import { randomBytes } from "node:crypto";
import { createFakeSlackWebApi, type TFakeSlackWebApi } from "../../src/sandbox/fake-slack-web-api.ts";
import type { TSlackUser } from "../../src/sandbox/slack-records.ts";
import type { TCleanup } from "../cleanup.ts";
import type { TSeedAccount } from "../data/seed-catalogue.ts";
import { startObservingProxy, type TObservingProxy } from "./observing-proxy.ts";

export const TEAM_ID = "T0BENCH01";
export const AUDIT_CHANNEL = { id: "C0AUDIT01", name: "auditoria-premiumone" } as const;

export const ADMIN: TSlackUser = {
  id: "U0ADMIN01",
  name: "admin",
  realName: "Adriana Admin",
  email: "admin@premiumone.example",
  teamId: TEAM_ID,
};

/** Made for each run and never printed. */
export interface TRunSecrets {
  readonly signingSecret: string;
  readonly botToken: string;
  readonly portalApiKey: string;
  readonly passwordPepper: string;
  /** The password of every seeded account before the burst. */
  readonly seedPassword: string;
}

export function makeRunSecrets(): TRunSecrets {
  const random = (bytes: number) => randomBytes(bytes).toString("base64url");
  return {
    signingSecret: random(24),
    botToken: `xoxb-bench-${random(18)}`,
    portalApiKey: random(36),
    passwordPepper: random(36),
    seedPassword: `clave de prueba ${random(12)}`,
  };
}

export function slackUserOf(account: TSeedAccount): TSlackUser {
  if (account.slackUserId === undefined) throw new Error(`${account.username} is not linked to Slack`);
  return {
    id: account.slackUserId,
    name: account.username.replace(/\W/g, "_"),
    realName: account.username,
    email: account.email,
    teamId: TEAM_ID,
  };
}

export interface TBenchWorkspace {
  readonly slack: TFakeSlackWebApi;
  readonly proxy: TObservingProxy;
}

export async function startBenchWorkspace(options: {
  readonly cleanup: TCleanup;
  readonly secrets: TRunSecrets;
  readonly people: readonly TSlackUser[];
}): Promise<TBenchWorkspace> {
  const slack = await createFakeSlackWebApi({
    botToken: options.secrets.botToken,
    botUserId: "U0BOTUSER1",
    users: [ADMIN, ...options.people],
    channels: [AUDIT_CHANNEL],
    teamId: TEAM_ID,
  });
  options.cleanup.add("close the fake Slack Web API", () => slack.close());
  const proxy = await startObservingProxy(slack.origin);
  options.cleanup.add("close the observing proxy", () => proxy.close());
  return { slack, proxy };
}
