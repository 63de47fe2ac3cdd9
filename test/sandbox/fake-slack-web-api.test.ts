import type { ModalView } from "@slack/types";
import { WebClient } from "@slack/web-api";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFakeSlackWebApi, type TFakeSlackWebApi } from "../../src/sandbox/fake-slack-web-api.ts";
import {
  ANA,
  BETO,
  BOT_TOKEN,
  BOT_USER_ID,
  createQuietSlackLogger,
  fakeSlackOptions,
  GENERAL_CHANNEL,
} from "./sandbox-fixtures.ts";

const MODAL: ModalView = {
  type: "modal",
  callback_id: "probe",
  title: { type: "plain_text", text: "Probe" },
  blocks: [{ type: "section", text: { type: "mrkdwn", text: "Hola" } }],
};

function clientOf(fake: TFakeSlackWebApi, token: string = BOT_TOKEN, retries = 0): WebClient {
  return new WebClient(token, {
    slackApiUrl: fake.url,
    retryConfig: { retries },
    logger: createQuietSlackLogger(),
  });
}

async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("the fake Slack Web API", () => {
  let now = Date.now();
  let fake: TFakeSlackWebApi;
  let client: WebClient;

  beforeAll(async () => {
    fake = await createFakeSlackWebApi(fakeSlackOptions({ clock: () => now }));
    client = clientOf(fake);
  });
  afterAll(() => fake.close());
  afterEach(async () => {
    now = Date.now();
    await fake.setOffline(false);
  });

  it("serves the Web API under a base URL ending with /api/", () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it("answers auth.test for the bot token and invalid_auth for any other", async () => {
    const identity = await client.auth.test();
    expect(identity).toMatchObject({ ok: true, user_id: BOT_USER_ID, team_id: ANA.teamId });

    await expect(clientOf(fake, "xoxb-wrong").auth.test()).rejects.toMatchObject({
      data: { ok: false, error: "invalid_auth" },
    });
    const withoutToken = await postJson(`${fake.url}auth.test`, {});
    expect(withoutToken.body).toEqual({ ok: false, error: "not_authed" });
  });

  it("answers unknown_method for a method it does not model", async () => {
    await expect(client.apiCall("users.list")).rejects.toMatchObject({ data: { error: "unknown_method" } });
  });

  it("lets a fresh trigger_id open a modal once, and refuses it used, expired or unknown", async () => {
    const trigger = fake.workspace.issueTrigger(ANA.id);
    const opened = await client.views.open({ trigger_id: trigger, view: MODAL });
    expect(opened.view?.id).toMatch(/^V/);
    expect(fake.openViewsOf(ANA.id).map((view) => view.title)).toEqual(["Probe"]);

    await expect(client.views.open({ trigger_id: trigger, view: MODAL })).rejects.toMatchObject({
      data: { error: "exchanged_trigger_id" },
    });

    const late = fake.workspace.issueTrigger(ANA.id);
    now += 3_001;
    await expect(client.views.open({ trigger_id: late, view: MODAL })).rejects.toMatchObject({
      data: { error: "expired_trigger_id" },
    });

    await expect(client.views.open({ trigger_id: "1.2.made-up", view: MODAL })).rejects.toMatchObject({
      data: { error: "invalid_trigger_id" },
    });
  });

  it("updates a view by id and refuses a stale hash", async () => {
    const opened = await client.views.open({ trigger_id: fake.workspace.issueTrigger(BETO.id), view: MODAL });
    const viewId = opened.view?.id ?? "";
    const staleHash = opened.view?.hash ?? "";

    await client.views.update({
      view_id: viewId,
      hash: staleHash,
      view: { ...MODAL, title: { type: "plain_text", text: "Dos" } },
    });
    expect(fake.viewById(viewId)?.title).toBe("Dos");

    await expect(
      client.views.update({ view_id: viewId, hash: staleHash, view: MODAL }),
    ).rejects.toMatchObject({
      data: { error: "hash_conflict" },
    });
  });

  it("refuses views and blocks that break Slack's limits, saying where", async () => {
    const longTitle = {
      ...MODAL,
      title: { type: "plain_text" as const, text: "A title far too long for Slack" },
    };
    await expect(
      client.views.open({ trigger_id: fake.workspace.issueTrigger(ANA.id), view: longTitle }),
    ).rejects.toMatchObject({
      data: {
        error: "invalid_arguments",
        response_metadata: {
          messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"],
        },
      },
    });

    const longButton = {
      type: "actions",
      elements: [{ type: "button", action_id: "go", text: { type: "plain_text", text: "x".repeat(76) } }],
    } as const;
    await expect(
      client.chat.postMessage({ channel: GENERAL_CHANNEL.id, text: "hola", blocks: [longButton] }),
    ).rejects.toMatchObject({ data: { error: "invalid_blocks" } });
  });

  it("posts to a user id in that person's DM, the channel conversations.open names", async () => {
    const posted = await client.chat.postMessage({ channel: ANA.id, text: "Bienvenida" });
    const opened = await client.conversations.open({ users: ANA.id });

    expect(posted.channel).toMatch(/^D/);
    expect(opened.channel?.id).toBe(posted.channel);
    expect(fake.messagesIn(ANA.id).map((message) => message.text)).toContain("Bienvenida");
    expect(fake.messagesIn(posted.channel ?? "").map((message) => message.text)).toContain("Bienvenida");
  });

  it("keeps ephemeral messages to their one reader, and refuses unknown channels", async () => {
    await client.chat.postEphemeral({ channel: GENERAL_CHANNEL.id, user: BETO.id, text: "solo para Beto" });

    expect(fake.ephemeralFor(BETO.id).map((message) => message.text)).toEqual(["solo para Beto"]);
    expect(fake.ephemeralFor(ANA.id)).toEqual([]);
    expect(fake.messagesIn(GENERAL_CHANNEL.id).map((message) => message.text)).not.toContain(
      "solo para Beto",
    );
    await expect(client.chat.postMessage({ channel: "C0NOWHERE", text: "x" })).rejects.toMatchObject({
      data: { error: "channel_not_found" },
    });
  });

  it("updates and deletes the app's messages", async () => {
    const posted = await client.chat.postMessage({ channel: GENERAL_CHANNEL.id, text: "borrador" });
    const ts = posted.ts ?? "";
    await client.chat.update({ channel: GENERAL_CHANNEL.id, ts, text: "final" });
    expect(fake.workspace.message(GENERAL_CHANNEL.id, ts)).toMatchObject({ text: "final", edited: true });

    await client.chat.delete({ channel: GENERAL_CHANNEL.id, ts });
    expect(fake.workspace.message(GENERAL_CHANNEL.id, ts)).toBeUndefined();
    await expect(client.chat.delete({ channel: GENERAL_CHANNEL.id, ts })).rejects.toMatchObject({
      data: { error: "message_not_found" },
    });
  });

  it("looks people up by email (users_not_found when nobody has it) and by id", async () => {
    const found = await client.users.lookupByEmail({ email: "ANA@premiumone.example" });
    expect(found.user).toMatchObject({ id: ANA.id, real_name: ANA.realName, profile: { email: ANA.email } });

    await expect(client.users.lookupByEmail({ email: "nadie@premiumone.example" })).rejects.toMatchObject({
      data: { error: "users_not_found" },
    });
    const info = await client.users.info({ user: BETO.id });
    expect(info.user?.name).toBe(BETO.name);
  });

  it("publishes a Home tab per person", async () => {
    await client.views.publish({
      user_id: ANA.id,
      view: { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "Mi cuenta" } }] },
    });

    expect(fake.homeOf(ANA.id)?.blocks).toMatchObject([{ type: "section", text: { text: "Mi cuenta" } }]);
    expect(fake.homeOf(BETO.id)).toBeUndefined();
  });

  it("records every call in the timeline, without the token", async () => {
    const before = fake.workspace.lastSequence();
    await client.chat.postMessage({ channel: GENERAL_CHANNEL.id, text: "registrado" });

    const [call] = fake.calls("chat.postMessage").filter((candidate) => candidate.sequence > before);
    expect(call).toMatchObject({ method: "chat.postMessage", ok: true, arguments: { text: "registrado" } });
    expect(JSON.stringify(fake.timeline(before))).not.toContain(BOT_TOKEN);
  });

  it("makes the next call rate limited, which @slack/web-api waits out (Retry-After) and retries", async () => {
    const retryingClient = clientOf(fake, BOT_TOKEN, 1);
    const before = fake.workspace.lastSequence();
    fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();

    const posted = await retryingClient.chat.postMessage({
      channel: GENERAL_CHANNEL.id,
      text: "tras la espera",
    });

    expect(posted.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    const attempts = fake.calls("chat.postMessage").filter((call) => call.sequence > before);
    expect(attempts.map((call) => call.status)).toEqual([429, 200]);
    expect(
      fake.messagesIn(GENERAL_CHANNEL.id).filter((message) => message.text === "tras la espera"),
    ).toHaveLength(1);
  });

  it("makes the next call fail with a Slack error, then answers normally", async () => {
    fake.failNext("chat.postMessage", { error: "channel_not_found" });

    await expect(client.chat.postMessage({ channel: GENERAL_CHANNEL.id, text: "uno" })).rejects.toMatchObject(
      {
        data: { error: "channel_not_found" },
      },
    );
    await expect(
      client.chat.postMessage({ channel: GENERAL_CHANNEL.id, text: "dos" }),
    ).resolves.toMatchObject({ ok: true });
  });

  it("goes offline with 503s or refused connections, and comes back", async () => {
    await fake.setOffline(true);
    await expect(client.auth.test()).rejects.toMatchObject({
      code: "slack_webapi_http_error",
      statusCode: 503,
    });

    await fake.setOffline(true, "refuse_connections");
    await expect(client.auth.test()).rejects.toMatchObject({ code: "slack_webapi_request_error" });

    await fake.setOffline(false);
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
  });

  describe("response_url", () => {
    it("shows a post as an ephemeral message, replaces and deletes it, and allows five uses", async () => {
      const { url } = fake.workspace.issueResponseUrl({
        userId: BETO.id,
        channelId: GENERAL_CHANNEL.id,
        source: { kind: "command" },
      });

      expect(await postJson(url, { text: "primera" })).toEqual({ status: 200, body: { ok: true } });
      const shown = fake.ephemeralFor(BETO.id).at(-1);
      expect(shown).toMatchObject({ text: "primera", origin: "response_url", channel: GENERAL_CHANNEL.id });

      await postJson(url, { text: "reemplazada", replace_original: true });
      expect(fake.workspace.message(GENERAL_CHANNEL.id, shown?.ts ?? "")?.text).toBe("reemplazada");

      await postJson(url, { delete_original: true });
      expect(fake.workspace.message(GENERAL_CHANNEL.id, shown?.ts ?? "")).toBeUndefined();

      await postJson(url, { text: "para todos", response_type: "in_channel" });
      expect(fake.messagesIn(GENERAL_CHANNEL.id).at(-1)?.text).toBe("para todos");

      await postJson(url, { text: "quinta" });
      expect(await postJson(url, { text: "sexta" })).toEqual({
        status: 404,
        body: { ok: false, error: "used_url" },
      });
    });

    it("expires after thirty minutes", async () => {
      const { url } = fake.workspace.issueResponseUrl({
        userId: BETO.id,
        channelId: GENERAL_CHANNEL.id,
        source: { kind: "command" },
      });
      now += 30 * 60 * 1000 + 1;

      expect(await postJson(url, { text: "tarde" })).toEqual({
        status: 404,
        body: { ok: false, error: "expired_url" },
      });
    });
  });
});
