// CREDENTIAL_DELIVERY and PUBLIC_URL: `link` needs the bot's public address for its emails' links —
// a start without one stops with a clear line — except where the sandbox runs, whose bot knows its
// own local address.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigurationError, readEnvironment } from "../../src/config/environment.ts";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const SLACK = {
  SLACK_BOT_TOKEN: "xoxb-0123456789-abcdefghij",
  SLACK_SIGNING_SECRET: "0123456789abcdef0123",
};
const PUBLIC_URL_PROBLEM =
  "PUBLIC_URL: is required when CREDENTIAL_DELIVERY=link (the emails' links point at <PUBLIC_URL>/acceso/…)";

function problemsOf(
  environment: NodeJS.ProcessEnv,
  options: { sandboxed?: boolean } = {},
): readonly string[] {
  try {
    readEnvironment(environment, options);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
}

describe("CREDENTIAL_DELIVERY and PUBLIC_URL", () => {
  it("delivers temporary passwords by default, and takes link with a public address", () => {
    expect(readEnvironment({}).CREDENTIAL_DELIVERY).toBe("password");
    expect(readEnvironment({}).PUBLIC_URL).toBeUndefined();
    expect(
      readEnvironment({ ...SLACK, CREDENTIAL_DELIVERY: "link", PUBLIC_URL: "https://bot.example.com" }),
    ).toMatchObject({ CREDENTIAL_DELIVERY: "link", PUBLIC_URL: "https://bot.example.com" });
  });

  it("refuses link without PUBLIC_URL beside a real workspace, and values it does not know", () => {
    expect(problemsOf({ ...SLACK, CREDENTIAL_DELIVERY: "link" })).toEqual([PUBLIC_URL_PROBLEM]);
    expect(problemsOf({ SANDBOX: "off", CREDENTIAL_DELIVERY: "link" })).toEqual([PUBLIC_URL_PROBLEM]);
    expect(problemsOf({ CREDENTIAL_DELIVERY: "email" })).toEqual([
      "CREDENTIAL_DELIVERY: expected password or link",
    ]);
    expect(problemsOf({ CREDENTIAL_DELIVERY: "link", PUBLIC_URL: "bot.example.com" })).toEqual([
      "PUBLIC_URL: expected the bot's public http(s) URL",
    ]);
  });

  it("lets the sandbox run link without PUBLIC_URL: its links point at its own local address", () => {
    expect(problemsOf({ CREDENTIAL_DELIVERY: "link" })).toEqual([]);
    expect(problemsOf({ CREDENTIAL_DELIVERY: "link", SANDBOX: "on" })).toEqual([]);
    expect(problemsOf({ ...SLACK, CREDENTIAL_DELIVERY: "link" }, { sandboxed: true })).toEqual([]);
  });

  it("stops the process with exit 2 and the line naming PUBLIC_URL", () => {
    const result = spawnSync(TSX, [MAIN], {
      env: { PATH: process.env.PATH, ...SLACK, CREDENTIAL_DELIVERY: "link" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(PUBLIC_URL_PROBLEM);
  });
});
