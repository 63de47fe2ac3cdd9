// People and secrets shared by the sandbox tests.
import { type Logger, LogLevel } from "@slack/web-api";
import type { TFakeSlackWebApiOptions } from "../../src/sandbox/fake-slack-web-api.ts";
import type { TSlackUser } from "../../src/sandbox/slack-records.ts";

export const BOT_TOKEN = "xoxb-sandbox-0000-test";
export const SIGNING_SECRET = "sandbox-signing-secret";
export const BOT_USER_ID = "U0BOT0001";
export const TEAM_ID = "T0PREMIUM";

export const ANA: TSlackUser = {
  id: "U0ANA0001",
  name: "ana",
  realName: "Ana López",
  email: "ana@premiumone.example",
  teamId: TEAM_ID,
};

export const BETO: TSlackUser = {
  id: "U0BETO001",
  name: "beto",
  realName: "Beto Ruiz",
  email: "beto@premiumone.example",
  teamId: TEAM_ID,
};

export const GENERAL_CHANNEL = { id: "C0GENERAL", name: "general" } as const;

export function fakeSlackOptions(overrides: Partial<TFakeSlackWebApiOptions> = {}): TFakeSlackWebApiOptions {
  return {
    botToken: BOT_TOKEN,
    botUserId: BOT_USER_ID,
    users: [ANA, BETO],
    channels: [GENERAL_CHANNEL],
    teamId: TEAM_ID,
    ...overrides,
  };
}

/** A logger for @slack/web-api and Bolt that keeps what it is told instead of printing it. */
export function createQuietSlackLogger(lines: string[] = []): Logger & { readonly lines: string[] } {
  let level = LogLevel.DEBUG;
  const keep =
    (label: string) =>
    (...messages: unknown[]): void => {
      lines.push(`${label} ${messages.map(String).join(" ")}`);
    };
  return {
    lines,
    debug: keep("debug"),
    info: keep("info"),
    warn: keep("warn"),
    error: keep("error"),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
