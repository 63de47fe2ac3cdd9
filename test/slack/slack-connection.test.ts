// Whether Slack takes the bot's credentials, against the sandbox's fake Web API: a refused token is
// told once, naming its variable, and never retried; an unreachable Slack (503, refused
// connections, 5xx, 429) is retried with one log line per attempt, the state saying "unreachable"
// until Slack answers. And the Slack app of create-slack-app.ts calls nothing before it is started,
// so a wrong token reaches the operator only as that one line.
import { WebClient } from "@slack/web-api";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readEnvironment } from "../../src/config/environment.ts";
import { castWorkspace, SANDBOX_BOT } from "../../src/sandbox/cast.ts";
import { createFakeSlackWebApi, type TFakeSlackWebApi } from "../../src/sandbox/fake-slack-web-api.ts";
import { createSlackApp } from "../../src/slack/create-slack-app.ts";
import {
  createSlackConnection,
  SlackCredentialsRefused,
  type TSlackConnection,
  type TSlackConnectionOptions,
} from "../../src/slack/slack-connection.ts";
import { createRecordingLogger, type TRecordedLog } from "../support/silent-logger.ts";
import { createTestDatabase, type TTestDatabase } from "../support/test-database.ts";
import { createTestDependencies } from "../support/use-case-dependencies.ts";

const APP_TOKEN = "xapp-1-A0SANDBOX-connection-test-token";
const WRONG_BOT_TOKEN = "xoxb-not-the-sandbox-bot-token";
const WRONG_APP_TOKEN = "xapp-1-A0SANDBOX-not-the-app-token";
const FAST_RETRY = { firstDelayMs: 10, maximumDelayMs: 40 } as const;

describe("the Slack connection check", () => {
  let slack: TFakeSlackWebApi;
  let logs: TRecordedLog[];
  const started: TSlackConnection[] = [];

  beforeAll(async () => {
    slack = await createFakeSlackWebApi({ ...castWorkspace(), socketMode: { appToken: APP_TOKEN } });
  });
  afterEach(async () => {
    for (const connection of started.splice(0)) connection.stop();
    await slack.setOffline(false);
  });
  afterAll(() => slack.close());

  function connect(
    options: { botToken?: string } & Partial<Omit<TSlackConnectionOptions, "client">> = {},
  ): TSlackConnection {
    logs = [];
    const { botToken = SANDBOX_BOT.token, ...rest } = options;
    const connection = createSlackConnection({
      client: new WebClient(botToken, { slackApiUrl: slack.url }),
      logger: createRecordingLogger(logs),
      retry: FAST_RETRY,
      ...rest,
    });
    started.push(connection);
    return connection;
  }

  const linesAt = (level: string) => logs.filter((line) => line.level === level);

  it("is connected once auth.test and apps.connections.open answered ok, with one line saying so", async () => {
    const before = slack.calls("apps.connections.open").length;
    const connection = connect({ appToken: APP_TOKEN });
    expect(connection.current()).toEqual({ state: "checking" });
    await connection.check();
    expect(connection.current()).toEqual({ state: "connected" });
    expect(
      slack
        .calls("apps.connections.open")
        .slice(before)
        .map((call) => call.ok),
    ).toEqual([true]);
    expect(logs.map((line) => line.message)).toEqual(["Slack accepted the credentials"]);
  });

  it("names SLACK_BOT_TOKEN when Slack refuses the bot token, and tries no more", async () => {
    const connection = connect({ botToken: WRONG_BOT_TOKEN });
    const refusal = await connection.check().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SlackCredentialsRefused);
    expect(refusal).toMatchObject({ variable: "SLACK_BOT_TOKEN", slackError: "invalid_auth" });
    expect((refusal as Error).message).toMatch(/^SLACK_BOT_TOKEN: Slack refused it \(invalid_auth\)/);
    expect((refusal as Error).message).not.toContain(WRONG_BOT_TOKEN);
    expect(connection.current()).toEqual({
      state: "refused",
      variable: "SLACK_BOT_TOKEN",
      error: "invalid_auth",
    });
    await expect(connection.firstAttempt()).rejects.toBe(refusal);
    // The rejection is the one word: the caller tells it (main.ts: one line, exit 2).
    expect(logs).toEqual([]);
  });

  it("names SLACK_APP_TOKEN when Slack refuses the app-level token", async () => {
    const connection = connect({ appToken: WRONG_APP_TOKEN });
    await expect(connection.firstAttempt()).rejects.toMatchObject({
      variable: "SLACK_APP_TOKEN",
      slackError: "invalid_auth",
    });
    await expect(connection.check()).rejects.toBeInstanceOf(SlackCredentialsRefused);
  });

  it("takes a revoked token as refused too", async () => {
    slack.failNext("auth.test", { error: "token_revoked" });
    await expect(connect().check()).rejects.toMatchObject({
      variable: "SLACK_BOT_TOKEN",
      slackError: "token_revoked",
    });
  });

  it("retries while Slack answers 503, unreachable since the first failure, then connected", async () => {
    await slack.setOffline(true);
    const connection = connect();
    expect(await connection.firstAttempt()).toMatchObject({ state: "unreachable", lastError: "HTTP 503" });
    const since = (connection.current() as { since: Date }).since;
    await vi.waitFor(() => expect(linesAt("warn").length).toBeGreaterThanOrEqual(3));
    expect(connection.current()).toEqual({ state: "unreachable", since, lastError: "HTTP 503" });

    await slack.setOffline(false);
    await connection.check();
    expect(connection.current()).toEqual({ state: "connected" });
    const retries = linesAt("warn");
    expect(retries.map((line) => (line.object as { attempt: number }).attempt)).toEqual(
      retries.map((_line, index) => index + 1),
    );
    expect(retries.every((line) => line.message === "Slack is unreachable; trying again")).toBe(true);
    const delays = retries.map((line) => (line.object as { retryInMs: number }).retryInMs);
    expect(delays.slice(0, 3)).toEqual([10, 20, 40]);
    expect(Math.max(...delays)).toBe(FAST_RETRY.maximumDelayMs);
    expect(linesAt("info").map((line) => line.message)).toEqual(["Slack accepted the credentials"]);
  });

  it("retries while the connection is refused", async () => {
    await slack.setOffline(true, "refuse_connections");
    const connection = connect();
    const first = await connection.firstAttempt();
    expect(first.state).toBe("unreachable");
    expect((first as { lastError: string }).lastError).not.toBe("");
    await slack.setOffline(false);
    await connection.check();
    expect(connection.current()).toEqual({ state: "connected" });
  });

  it("retries a 500 and a rate limit, waiting at least Slack's Retry-After", async () => {
    slack.failNext("auth.test", { status: 500 });
    slack.failNext("auth.test", { status: 429, retryAfterSeconds: 0 });
    const connection = connect();
    await connection.check();
    expect(linesAt("warn").map((line) => (line.object as { error: string }).error)).toEqual([
      "HTTP 500",
      "rate limited (retry after 0 s)",
    ]);
    expect(connection.current()).toEqual({ state: "connected" });
  });

  it("tries no more once stopped", async () => {
    await slack.setOffline(true);
    const connection = connect();
    await connection.firstAttempt();
    connection.stop();
    const attempts = linesAt("warn").length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(linesAt("warn")).toHaveLength(attempts);
    expect(connection.current().state).toBe("unreachable");
  });
});

describe("the Slack app before it is started", () => {
  let slack: TFakeSlackWebApi;
  let testDatabase: TTestDatabase;

  beforeAll(async () => {
    slack = await createFakeSlackWebApi({ ...castWorkspace(), socketMode: { appToken: APP_TOKEN } });
    testDatabase = await createTestDatabase();
  });
  afterAll(async () => {
    await slack.close();
    await testDatabase.close();
  });

  function slackAppWith(variables: Record<string, string>) {
    const logs: TRecordedLog[] = [];
    const environment = readEnvironment({ SLACK_API_URL: slack.url, ...variables });
    const logger = createRecordingLogger(logs);
    const slackApp = createSlackApp(
      { ...environment, SLACK_BOT_TOKEN: environment.SLACK_BOT_TOKEN ?? "" },
      {
        useCases: createTestDependencies(testDatabase.database),
        locale: "es",
        logger,
        supportContact: undefined,
      },
    );
    return { slackApp, logs };
  }

  it.each([
    ["HTTP mode", { SLACK_SIGNING_SECRET: "connection-test-signing-secret" }, "SLACK_BOT_TOKEN"],
    ["Socket Mode", { SLACK_APP_TOKEN: WRONG_APP_TOKEN }, "SLACK_APP_TOKEN"],
  ] as const)(
    "%s: calls no Slack method, so a wrong token is told only by the check",
    async (_mode, variables, named) => {
      const before = slack.timeline().length;
      const botToken = named === "SLACK_BOT_TOKEN" ? WRONG_BOT_TOKEN : SANDBOX_BOT.token;
      const { slackApp, logs } = slackAppWith({ SLACK_BOT_TOKEN: botToken, ...variables });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(slack.timeline(before)).toEqual([]);

      const connection = createSlackConnection({
        client: slackApp.app.client,
        appToken: "SLACK_APP_TOKEN" in variables ? variables.SLACK_APP_TOKEN : undefined,
        logger: createRecordingLogger(logs),
        retry: FAST_RETRY,
      });
      await expect(connection.check()).rejects.toMatchObject({ variable: named });
      // Neither Bolt nor the check wrote a warning or an error: the rejection is the one word.
      expect(logs.filter((line) => line.level === "error" || line.level === "warn")).toEqual([]);
    },
  );
});
