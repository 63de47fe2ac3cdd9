// Slack's end of Socket Mode in the sandbox, spoken to as a raw WebSocket client would:
// apps.connections.open and its tokens, a ticket used once, `hello`, envelopes and their acks (on
// time, late, never), `disconnect`; and the envelopes carrying what slack-payloads.ts builds.
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createFakeSlackWebApi, type TFakeSlackWebApi } from "../../src/sandbox/fake-slack-web-api.ts";
import { isJsonObject, parseJson, type TJsonObject } from "../../src/sandbox/json.ts";
import {
  buildEventCallback,
  buildSlashCommandFields,
  buildUrlVerification,
  encodeEvent,
  encodeForm,
  encodeInteraction,
} from "../../src/sandbox/slack-payloads.ts";
import { envelopeContentOf, envelopeMessage } from "../../src/sandbox/socket-mode/socket-mode-messages.ts";
import type { TSocketModeServer } from "../../src/sandbox/socket-mode/socket-mode-server.ts";
import { ANA, BOT_TOKEN, createQuietSlackLogger, fakeSlackOptions } from "./sandbox-fixtures.ts";

const APP_TOKEN = "xapp-1-A0SANDBOX-server-test-token";

function clientOf(fake: TFakeSlackWebApi, token: string): WebClient {
  return new WebClient(token, {
    slackApiUrl: fake.url,
    retryConfig: { retries: 0 },
    logger: createQuietSlackLogger(),
  });
}

/** A raw WebSocket client that keeps every message it is sent. */
async function connectTo(
  url: string,
): Promise<{ socket: WebSocket; messages: TJsonObject[]; next(): Promise<TJsonObject> }> {
  const socket = new WebSocket(url);
  const messages: TJsonObject[] = [];
  const waiting: Array<(message: TJsonObject) => void> = [];
  let read = 0;
  socket.on("message", (data) => {
    const message = parseJson(String(data));
    if (!isJsonObject(message)) return;
    messages.push(message);
    for (const wake of waiting.splice(0)) wake(message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return {
    socket,
    messages,
    next() {
      return new Promise((resolve) => {
        const take = () => {
          const message = messages[read];
          if (message === undefined) {
            waiting.push(take);
            return;
          }
          read += 1;
          resolve(message);
        };
        take();
      });
    },
  };
}

describe("the Socket Mode stand-in", () => {
  let fake: TFakeSlackWebApi;
  let server: TSocketModeServer;
  let withoutSocketMode: TFakeSlackWebApi;

  beforeAll(async () => {
    fake = await createFakeSlackWebApi({ ...fakeSlackOptions(), socketMode: { appToken: APP_TOKEN } });
    if (fake.socketMode === undefined) throw new Error("no Socket Mode server");
    server = fake.socketMode;
    withoutSocketMode = await createFakeSlackWebApi(fakeSlackOptions());
  });
  afterAll(async () => {
    await fake.close();
    await withoutSocketMode.close();
  });

  describe("apps.connections.open", () => {
    it("answers a ws:// URL for the app-level token", async () => {
      const answer = await clientOf(fake, APP_TOKEN).apps.connections.open();
      expect(answer.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[0-9a-f-]+&app_id=A0SANDBOX$/);
    });

    it.each([
      ["another app-level token", "xapp-1-A0SANDBOX-someone-else", "invalid_auth"],
      ["the bot token", BOT_TOKEN, "not_allowed_token_type"],
    ])("refuses %s (%s)", async (_what, token, error) => {
      await expect(clientOf(fake, token).apps.connections.open()).rejects.toMatchObject({
        data: { ok: false, error },
      });
    });

    it("refuses a call without a token (not_authed) and any token where Socket Mode is off", async () => {
      await expect(clientOf(fake, "").apps.connections.open()).rejects.toMatchObject({
        data: { error: "not_authed" },
      });
      await expect(clientOf(withoutSocketMode, APP_TOKEN).apps.connections.open()).rejects.toMatchObject({
        data: { error: "invalid_auth" },
      });
    });

    it("refuses the app-level token on the bot's methods", async () => {
      await expect(clientOf(fake, APP_TOKEN).auth.test()).rejects.toMatchObject({
        data: { error: "not_allowed_token_type" },
      });
    });
  });

  describe("a connection", () => {
    it("is said hello, and its ticket serves once", async () => {
      const url = server.openConnection();
      const before = server.openConnections().length;
      const client = await connectTo(url);
      expect(await client.next()).toMatchObject({
        type: "hello",
        num_connections: before + 1,
        connection_info: { app_id: "A0SANDBOX" },
      });
      const again = new WebSocket(url);
      const refusal = await new Promise<number>((resolve) =>
        again.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0)),
      );
      expect(refusal).toBe(401);
      client.socket.close();
    });

    it("carries an envelope to the newest connection and gives back its ack's payload", async () => {
      const client = await connectTo(server.openConnection());
      await client.next();
      const fields = buildSlashCommandFields({
        app: fake.workspace.app,
        user: ANA,
        channel: { id: "D0ANA", name: "directmessage" },
        command: "/usuarios",
        text: "ayuda",
        triggerId: "1.2.3",
        responseUrl: "http://127.0.0.1/response/x",
      });
      const delivering = server.deliver(envelopeContentOf(encodeForm(fields)));
      const envelope = await client.next();
      expect(envelope).toMatchObject({
        type: "slash_commands",
        accepts_response_payload: true,
        payload: { command: "/usuarios", text: "ayuda", user_id: ANA.id },
      });
      client.socket.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload: { text: "Hola" } }));
      const answer = await delivering;
      expect(answer).toMatchObject({ acknowledged: true, payload: { text: "Hola" } });
      expect(answer.elapsedMilliseconds).toBeLessThan(3_000);
      expect(server.acknowledgements().at(-1)).toMatchObject({
        envelopeId: envelope.envelope_id,
        late: false,
        payload: { text: "Hola" },
      });
      client.socket.close();
    });

    it("gives up after Slack's three seconds and records a later ack as late", async () => {
      const client = await connectTo(server.openConnection());
      await client.next();
      const event = buildEventCallback({
        app: fake.workspace.app,
        event: { type: "app_home_opened" },
        eventId: "Ev1",
        eventTime: 1,
      });
      const answer = await server.deliver(envelopeContentOf(encodeEvent(event)));
      expect(answer.acknowledged).toBe(false);
      const envelope = await client.next();
      client.socket.send(JSON.stringify({ envelope_id: envelope.envelope_id }));
      const late = await server.waitFor(() =>
        server.acknowledgements().find((entry) => entry.envelopeId === envelope.envelope_id),
      );
      expect(late).toMatchObject({ late: true, payload: undefined });
      client.socket.close();
    }, 10_000);

    it("tells every open connection to go with disconnect", async () => {
      const client = await connectTo(server.openConnection());
      await client.next();
      server.disconnect("link_disabled");
      expect(await client.next()).toMatchObject({ type: "disconnect", reason: "link_disabled" });
      client.socket.close();
      await server.waitFor(() => (server.openConnections().length === 0 ? true : undefined));
    });
  });

  describe("envelopes", () => {
    const app = {
      appId: "A0SANDBOX",
      botId: "B0",
      botUserId: "U0BOT",
      botName: "bot",
      teamId: "T0",
      teamDomain: "t",
      verificationToken: "v",
    };

    it("say which interactions Slack reads the answer of", () => {
      expect(envelopeContentOf(encodeInteraction({ type: "view_submission" })).acceptsResponsePayload).toBe(
        true,
      );
      expect(envelopeContentOf(encodeInteraction({ type: "block_suggestion" })).acceptsResponsePayload).toBe(
        true,
      );
      expect(envelopeContentOf(encodeInteraction({ type: "block_actions" }))).toMatchObject({
        type: "interactive",
        acceptsResponsePayload: false,
      });
    });

    it("carry an event's redelivery as retry_attempt and retry_reason", () => {
      const content = envelopeContentOf(
        encodeEvent(buildEventCallback({ app, event: { type: "message" }, eventId: "Ev2", eventTime: 1 })),
      );
      expect(
        envelopeMessage({ envelopeId: "e", content, retry: { number: 1, reason: "timeout" } }),
      ).toMatchObject({
        type: "events_api",
        accepts_response_payload: false,
        retry_attempt: 1,
        retry_reason: "timeout",
      });
    });

    it("do not carry url_verification, which Slack sends over HTTP only", () => {
      expect(() => envelopeContentOf(encodeEvent(buildUrlVerification({ app, challenge: "c" })))).toThrow(
        /HTTP only/,
      );
    });
  });
});
