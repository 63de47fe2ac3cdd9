// The sandbox as `npm start` serves it, on a new embedded database: the demo data leaves one access
// request open, posted to the admin's DM with Aprobar and Rechazar, and the stranger of the cast
// (no role, no account) finds Solicitar acceso in /micuenta and its form.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnvironment } from "../../src/config/environment.ts";
import { visibleTextOf } from "../../src/sandbox/block-kit-reading.ts";
import { startBrowserSandbox, type TBrowserSandbox } from "../../src/sandbox/browser-sandbox.ts";
import { DEMO_REQUESTER, PEOPLE } from "../../src/sandbox/cast.ts";
import { createRecordingLogger } from "../support/silent-logger.ts";

describe("the sandbox's demo access request", () => {
  let sandbox: TBrowserSandbox;
  let dataDirectory = "";

  beforeAll(async () => {
    dataDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-demo-request-"));
    const variables = { PORT: "0", DATA_DIR: dataDirectory, LOG_LEVEL: "silent" };
    sandbox = await startBrowserSandbox({
      variables,
      environment: readEnvironment(variables),
      logger: createRecordingLogger(),
      host: "127.0.0.1",
    });
  }, 180_000);
  afterAll(async () => {
    await sandbox?.stop();
    await rm(dataDirectory, { recursive: true, force: true });
  });

  it("posts the open demo request to the admin's DM, and offers the stranger Solicitar acceso", async () => {
    expect(sandbox.demoDataLoaded).toBe(true);
    const { sandboxedBot } = sandbox;
    const admin = sandboxedBot.as(PEOPLE.admin.id);
    const postedRequest = () =>
      admin
        .directMessages()
        .find(
          (message) => message.fromApp && visibleTextOf(message.blocks).includes(DEMO_REQUESTER.realName),
        );
    // The running outbox worker may hold the row already: runOnce then finds nothing, so wait.
    const postedBy = Date.now() + 20_000;
    while (postedRequest() === undefined && Date.now() < postedBy) {
      await sandboxedBot.bot.outboxWorker.runOnce();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const posted = postedRequest();
    expect(visibleTextOf(posted?.blocks ?? [])).toContain("Aprobar");

    const stranger = sandboxedBot.as(PEOPLE.nobody.id);
    await stranger.runSlashCommand("/micuenta");
    const summary = stranger.lastEphemeral();
    if (summary === undefined) throw new Error("/micuenta answered nothing");
    expect(visibleTextOf(summary.blocks)).toContain("Solicitar acceso");
    const clicked = await stranger.clickButton({ actionId: "access_requests.request", in: summary });
    expect(clicked.acknowledged).toBe(true);
    const deadline = Date.now() + 10_000;
    while (stranger.openModal() === undefined && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stranger.openModal()?.title).toBe("Solicitar acceso");
  });
});
