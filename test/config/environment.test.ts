import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigurationError, readEnvironment, sandboxWanted } from "../../src/config/environment.ts";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

function problemsOf(environment: NodeJS.ProcessEnv): readonly string[] {
  try {
    readEnvironment(environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
}

describe("environment", () => {
  it("starts on embedded defaults with nothing set", () => {
    expect(readEnvironment({})).toMatchObject({
      PORT: 3000,
      DATA_DIR: "./data",
      BOT_LOCALE: "es",
      TEMP_PASSWORD_TTL_HOURS: 72,
      PASSWORD_MIN_LENGTH: 15,
      ADMIN_SLACK_USER_IDS: [],
    });
  });

  it("reads lists and numbers", () => {
    const environment = readEnvironment({
      ADMIN_SLACK_USER_IDS: "U0AAA1, U0BBB2",
      PORT: "8080",
      BOT_LOCALE: "en",
      DATABASE_URL: "postgresql://bot@db:5432/premiumone",
    });
    expect(environment.ADMIN_SLACK_USER_IDS).toEqual(["U0AAA1", "U0BBB2"]);
    expect(environment.PORT).toBe(8080);
    expect(environment.BOT_LOCALE).toBe("en");
  });

  it("names every bad variable at once, one line each", () => {
    const problems = problemsOf({
      PORT: "tres mil",
      BOT_LOCALE: "fr",
      DATABASE_URL: "mysql://x",
      SMTP_URL: "http://mail",
      PASSWORD_MIN_LENGTH: "8",
      ADMIN_SLACK_USER_IDS: "U0OK01,juan",
      AUDIT_CHANNEL_ID: "#auditoria",
      SLACK_BOT_TOKEN: "xoxb-0123456789-abcdefgh",
    });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual([
      "PORT",
      "DATABASE_URL",
      "SMTP_URL",
      "AUDIT_CHANNEL_ID",
      "ADMIN_SLACK_USER_IDS",
      "BOT_LOCALE",
      "PASSWORD_MIN_LENGTH",
      "SLACK_SIGNING_SECRET",
    ]);
  });

  it("says what is wrong with a token: its prefix, or its length", () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-12345", SLACK_SIGNING_SECRET: "s".repeat(32) })).toEqual([
      "SLACK_BOT_TOKEN: is too short: 10 characters where a bot token has at least 20",
    ]);
    expect(
      problemsOf({ SLACK_BOT_TOKEN: "xoxp-user-token-0123456789", SLACK_SIGNING_SECRET: "s".repeat(32) }),
    ).toEqual(["SLACK_BOT_TOKEN: expected a bot token starting with xoxb-"]);
  });

  it("never repeats a secret's value in its message", () => {
    const secrets = {
      SLACK_BOT_TOKEN: "xoxp-user-token-not-bot",
      PORTAL_API_KEY: "short-key",
      PASSWORD_PEPPER: "tiny",
    };
    const text = problemsOf(secrets).join("\n");
    expect(text).toContain("SLACK_BOT_TOKEN");
    expect(text).toContain("PORTAL_API_KEY");
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
  });

  it("asks for the production essentials when NODE_ENV=production", () => {
    expect(problemsOf({ NODE_ENV: "production" }).map((problem) => problem.split(":")[0])).toEqual([
      "SLACK_BOT_TOKEN",
      "PORTAL_API_KEY",
      "PASSWORD_PEPPER",
      "SMTP_URL",
      "PORTAL_URL",
    ]);
  });

  it("runs the sandbox in production only when asked for by name, needing no Slack token or SMTP", () => {
    expect(
      problemsOf({ NODE_ENV: "production", SANDBOX: "on" }).map((problem) => problem.split(":")[0]),
    ).toEqual(["PORTAL_API_KEY", "PASSWORD_PEPPER", "PORTAL_URL"]);
    expect(sandboxWanted(readEnvironment({}))).toBe(true);
    expect(sandboxWanted(readEnvironment({ SANDBOX: "off" }))).toBe(false);
    expect(
      sandboxWanted(
        readEnvironment({
          SLACK_BOT_TOKEN: "xoxb-0123456789-abcdefghij",
          SLACK_SIGNING_SECRET: "0123456789abcdef",
        }),
      ),
    ).toBe(false);
  });

  it("refuses the sandbox beside a real Slack token", () => {
    expect(
      problemsOf({
        SANDBOX: "on",
        SLACK_BOT_TOKEN: "xoxb-0123456789-abcdefghij",
        SLACK_SIGNING_SECRET: "0123456789abcdef",
      }),
    ).toEqual([
      "SANDBOX: must not be on beside a real SLACK_BOT_TOKEN (the sandbox signs with a secret of its own)",
    ]);
    expect(problemsOf({ SANDBOX: "maybe" })).toEqual(["SANDBOX: expected auto, on or off"]);
  });

  it("stops the process with a non-zero exit naming each bad variable", () => {
    const result = spawnSync(TSX, [MAIN], {
      env: { PATH: process.env.PATH, PORT: "-1", BOT_LOCALE: "fr", PORTAL_API_KEY: "secret-but-short" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("PORT: expected a whole number from 0 to 65535");
    expect(result.stderr).toContain("BOT_LOCALE: expected es or en");
    expect(result.stderr).toContain(
      "PORTAL_API_KEY: is too short: 16 characters where a random key has at least 32",
    );
    expect(result.stderr).not.toContain("secret-but-short");
  });
});
