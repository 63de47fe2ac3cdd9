import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackRequestHandler } from "../../src/sandbox/slack-request-handler.ts";
import { createSlackWorkspace, type TSlackWorkspace } from "../../src/sandbox/slack-workspace.ts";
import { ANA, BOT_TOKEN, BOT_USER_ID, createQuietSlackLogger, fakeSlackOptions } from "./sandbox-fixtures.ts";

describe("the Slack request handler mounted on a server of its host", () => {
  let workspace: TSlackWorkspace;
  let server: Server;
  let origin: string;
  let webApiUrl: string;

  beforeAll(async () => {
    workspace = createSlackWorkspace(fakeSlackOptions());
    const handler = createSlackRequestHandler({ workspace, pathPrefix: "/sandbox/slack" });
    server = createServer((request, response) => {
      if (handler.handle(request, response)) return;
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("the host's own page");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    webApiUrl = handler.servedAt(origin);
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );

  it("answers auth.test under the prefix for the bot's Web API client", async () => {
    expect(webApiUrl).toBe(`${origin}/sandbox/slack/api/`);
    const client = new WebClient(BOT_TOKEN, {
      slackApiUrl: webApiUrl,
      retryConfig: { retries: 0 },
      logger: createQuietSlackLogger(),
    });

    const identity = await client.auth.test();

    expect(identity).toMatchObject({ ok: true, user_id: BOT_USER_ID, team_id: ANA.teamId });
    expect(workspace.calls("auth.test")).toHaveLength(1);
  });

  it("hands out response_urls under the prefix and shows what is posted to them", async () => {
    const responseUrl = workspace.issueResponseUrl({
      userId: ANA.id,
      channelId: workspace.directMessageChannelOf(ANA.id),
      source: { kind: "command" },
    });
    expect(responseUrl.url).toBe(`${origin}/sandbox/slack/response/${responseUrl.id}`);

    const answer = await fetch(responseUrl.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Listo" }),
    });

    expect({ status: answer.status, body: await answer.json() }).toEqual({ status: 200, body: { ok: true } });
    expect(workspace.ephemeralFor(ANA.id).map((message) => message.text)).toEqual(["Listo"]);
  });

  it("leaves every other path to the host", async () => {
    const answer = await fetch(`${origin}/`);
    expect(await answer.text()).toBe("the host's own page");
  });
});
