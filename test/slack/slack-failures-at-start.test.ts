// Slack failures told (issue 11): a token Slack refuses stops `npm start` with one line naming the
// variable and exit 2; a Slack that does not answer leaves the bot serving, /readyz 503 naming
// Slack, the outbox delivering email meanwhile, until Slack answers and the Slack surface comes on.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPortalUser } from "../../src/application/users/create-portal-user.ts";
import { AUDIT_CHANNEL, castWorkspace, PEOPLE } from "../../src/sandbox/cast.ts";
import { createFakeSlackWebApi } from "../../src/sandbox/fake-slack-web-api.ts";
import { createMailbox } from "../../src/sandbox/mailbox/mailbox.ts";
import { startSandboxedBot } from "../../src/sandbox/sandboxed-bot.ts";
import { seedBasics, slackContext } from "../support/seed.ts";
import { createRecordingLogger } from "../support/silent-logger.ts";
import { randomPort, startMainProcess } from "../support/start-main-process.ts";
import { createTestDatabase } from "../support/test-database.ts";

describe("Slack failures at start", () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });
  const newFolder = async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "premiumone-slack-failure-"));
    folders.push(folder);
    return folder;
  };

  it("exits 2 with one line naming SLACK_BOT_TOKEN when Slack refuses the token", async () => {
    const slack = await createFakeSlackWebApi(castWorkspace());
    try {
      const wrongToken = "xoxb-not-the-sandbox-bot-token-0000";
      const started = startMainProcess({
        dataDirectory: await newFolder(),
        port: randomPort(),
        variables: {
          SLACK_BOT_TOKEN: wrongToken,
          SLACK_SIGNING_SECRET: "failure-test-signing-secret-0123",
          SLACK_API_URL: slack.url,
        },
      });
      const failure = await started.then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      expect(failure).toContain("exited (2)");
      expect(failure).toContain(
        "SLACK_BOT_TOKEN: Slack refused it (invalid_auth); expected the Bot User OAuth Token (xoxb-…)",
      );
      expect(failure).not.toContain(wrongToken);
      expect(failure).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      await slack.close();
    }
  }, 120_000);

  it("serves and sends email while Slack is unreachable, then comes on when Slack answers", async () => {
    const slack = await createFakeSlackWebApi(castWorkspace());
    const testDatabase = await createTestDatabase();
    const places = await seedBasics(testDatabase.database);
    await slack.setOffline(true);
    const mailbox = createMailbox();
    const sandboxed = await startSandboxedBot({
      slack,
      variables: { PORT: "0", DATA_DIR: await newFolder(), AUDIT_CHANNEL_ID: AUDIT_CHANNEL.id },
      logger: createRecordingLogger(),
      database: testDatabase.database,
      bcryptCost: 4,
      outboxPollIntervalMs: 50,
      host: "127.0.0.1",
      mailbox,
    });
    try {
      const readiness = await fetch(`${sandboxed.baseUrl}/readyz`);
      expect(readiness.status).toBe(503);
      expect(await readiness.json()).toMatchObject({
        failing: ["slack"],
        checks: { slack: "unreachable: HTTP 503" },
      });

      await createPortalUser(sandboxed.bot.dependencies, {
        context: slackContext(PEOPLE.admin.id),
        fields: {
          username: "mientras.caido",
          fullName: "Mientras Caído",
          email: "mientras@cliente.example",
          placeIds: [places.kemperCentro],
        },
      });
      const welcome = await mailbox.waitFor(() => mailbox.messagesTo("mientras@cliente.example")[0], {
        timeoutMilliseconds: 10_000,
      });
      expect(welcome.subject).toBeTruthy();

      await slack.setOffline(false);
      const deadline = Date.now() + 15_000;
      let status = 0;
      while (Date.now() < deadline && status !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await fetch(`${sandboxed.baseUrl}/readyz`)).status;
      }
      expect(status).toBe(200);
      const answer = await sandboxed.as(PEOPLE.admin.id).runSlashCommand("/usuarios", "ayuda");
      expect(answer.acknowledged).toBe(true);
    } finally {
      await sandboxed.stop();
      await slack.close();
      await testDatabase.close();
    }
  }, 120_000);
});
