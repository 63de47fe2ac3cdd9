// The simulator against a real Bolt app (HTTP mode, one request URL) whose Web API is the fake: the
// round trips a person makes in Slack, proven end to end through signed HTTP.
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleTextOf } from "../../src/sandbox/block-kit-reading.ts";
import { createFakeSlackWebApi, type TFakeSlackWebApi } from "../../src/sandbox/fake-slack-web-api.ts";
import { type TJsonValue, toJson } from "../../src/sandbox/json.ts";
import {
  createSlackUserSimulator,
  type TSlackUserSimulator,
} from "../../src/sandbox/slack-user-simulator.ts";
import { SlackClientRefusal, ViewInputRefusedError } from "../../src/sandbox/view-state.ts";
import {
  ANA,
  BETO,
  BOT_TOKEN,
  createQuietSlackLogger,
  fakeSlackOptions,
  GENERAL_CHANNEL,
  SIGNING_SECRET,
} from "./sandbox-fixtures.ts";

const PLACES = [
  { value: "06600", text: "06600 — Juárez (PremiumOne SA)" },
  { value: "44100", text: "44100 — Centro (PremiumOne SA)" },
  { value: "64000", text: "64000 — Monterrey (Norte SC)" },
];

function userFormModal(): ModalView {
  return {
    type: "modal",
    callback_id: "user_form",
    title: { type: "plain_text", text: "Nuevo usuario" },
    submit: { type: "plain_text", text: "Guardar" },
    blocks: [
      {
        type: "input",
        block_id: "account",
        label: { type: "plain_text", text: "Cuenta del usuario" },
        element: { type: "plain_text_input", action_id: "value", min_length: 3 },
      },
      {
        type: "input",
        block_id: "email",
        label: { type: "plain_text", text: "Correo electrónico" },
        element: { type: "plain_text_input", action_id: "value" },
      },
      {
        type: "input",
        block_id: "company",
        label: { type: "plain_text", text: "Empresa" },
        element: {
          type: "static_select",
          action_id: "value",
          options: [
            { text: { type: "plain_text", text: "PremiumOne SA" }, value: "POS010101AAA" },
            { text: { type: "plain_text", text: "Norte SC" }, value: "NSC020202BBB" },
          ],
        },
      },
      {
        type: "input",
        block_id: "slack_user",
        optional: true,
        label: { type: "plain_text", text: "Usuario de Slack" },
        element: { type: "users_select", action_id: "value" },
      },
      {
        type: "input",
        block_id: "places",
        label: { type: "plain_text", text: "Lugares de expedición" },
        element: { type: "multi_external_select", action_id: "search_places", min_query_length: 1 },
      },
    ],
  };
}

function stepModal(callbackId: string, title: string, blockId: string): ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    title: { type: "plain_text", text: title },
    submit: { type: "plain_text", text: "Seguir" },
    blocks: [
      {
        type: "input",
        block_id: blockId,
        label: { type: "plain_text", text: title },
        element: { type: "plain_text_input", action_id: "value" },
      },
    ],
  };
}

describe("a person in Slack using a Bolt app through the simulator", () => {
  let fake: TFakeSlackWebApi;
  let app: App;
  let appUrl: string;
  let ana: TSlackUserSimulator;
  const boltLog = createQuietSlackLogger();
  const received = {
    commands: 0,
    submissions: [] as TJsonValue[],
    retryNumbers: [] as (number | undefined)[],
  };

  beforeAll(async () => {
    fake = await createFakeSlackWebApi(fakeSlackOptions());
    app = new App({
      token: BOT_TOKEN,
      receiver: new HTTPReceiver({
        signingSecret: SIGNING_SECRET,
        endpoints: "/slack/events",
        logger: boltLog,
      }),
      logger: boltLog,
      clientOptions: { slackApiUrl: fake.url },
    });

    app.command("/usuarios", async ({ ack, client, command, respond }) => {
      received.commands += 1;
      if (command.text === "pasos") {
        await ack();
        await client.views.open({
          trigger_id: command.trigger_id,
          view: stepModal("step_one", "Paso 1", "note"),
        });
        return;
      }
      if (command.text === "empresa") {
        await ack({
          text: "Elige la empresa",
          blocks: [
            {
              type: "actions",
              elements: [
                {
                  type: "static_select",
                  action_id: "pick_company",
                  placeholder: { type: "plain_text", text: "Empresa" },
                  options: [
                    { text: { type: "plain_text", text: "PremiumOne SA" }, value: "POS010101AAA" },
                    { text: { type: "plain_text", text: "Norte SC" }, value: "NSC020202BBB" },
                  ],
                },
              ],
            },
          ],
        });
        return;
      }
      if (command.text === "nuevo") {
        await ack({ response_type: "ephemeral", text: "Abriendo el formulario…" });
        await client.views.open({ trigger_id: command.trigger_id, view: userFormModal() });
        return;
      }
      await ack();
      await respond({
        text: "Usuarios",
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: "*ana.lopez* — Ana López" } },
          {
            type: "actions",
            block_id: "row_ana",
            elements: [
              {
                type: "button",
                action_id: "delete_user",
                value: "ana.lopez",
                style: "danger",
                text: { type: "plain_text", text: "Eliminar" },
              },
            ],
          },
        ],
      });
    });
    app.action("delete_user", async ({ ack, action, respond }) => {
      await ack();
      const account = action.type === "button" ? action.value : undefined;
      await respond({ replace_original: true, text: `Eliminado: ${account ?? "?"}` });
    });
    app.action("pick_company", async ({ ack, action, respond }) => {
      await ack();
      const picked = action.type === "static_select" ? action.selected_option.value : "?";
      await respond({ text: `Elegiste ${picked}` });
    });
    app.view("step_one", async ({ ack }) => {
      await ack({ response_action: "push", view: stepModal("step_two", "Paso 2", "confirm") });
    });
    app.view("step_two", async ({ ack, view }) => {
      const answer = view.state.values.confirm?.value?.value ?? "";
      if (answer === "update")
        await ack({ response_action: "update", view: stepModal("step_two", "Paso 2 bis", "confirm") });
      else if (answer === "wrong block")
        await ack({ response_action: "errors", errors: { note: "no está aquí" } });
      else await ack({ response_action: "clear" });
    });
    app.options("search_places", async ({ ack, options }) => {
      const query = options.value.toLowerCase();
      await ack({
        options: PLACES.filter((place) => place.text.toLowerCase().includes(query)).map((place) => ({
          text: { type: "plain_text", text: place.text },
          value: place.value,
        })),
      });
    });
    app.view("user_form", async ({ ack, view }) => {
      received.submissions.push(toJson(view.state.values));
      const email = view.state.values.email?.value?.value ?? "";
      if (!email.includes("@")) {
        await ack({ response_action: "errors", errors: { email: "Escribe un correo válido" } });
        return;
      }
      await ack();
    });
    app.message(async ({ message, say, context }) => {
      received.retryNumbers.push(context.retryNum);
      if (message.subtype === undefined) await say(`Hola <@${message.user}>, esta es tu cuenta.`);
    });
    app.event("app_home_opened", async ({ event, client }) => {
      await client.views.publish({
        user_id: event.user,
        view: { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "*Mi cuenta*" } }] },
      });
    });

    const server = await app.start(0);
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    ana = createSlackUserSimulator({ slack: fake, appUrl, signingSecret: SIGNING_SECRET, userId: ANA.id });
  });

  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it("runs a slash command: the ack's text shows as an ephemeral message and the app opens a modal", async () => {
    const answer = await ana.runSlashCommand("/usuarios", "nuevo");

    expect(answer).toMatchObject({ status: 200, acknowledged: true, refusedBySlack: [] });
    expect(answer.body).toEqual({ response_type: "ephemeral", text: "Abriendo el formulario…" });
    expect(ana.lastEphemeral()).toMatchObject({
      text: "Abriendo el formulario…",
      origin: "command_response",
    });

    await fake.waitForCall("views.open", { since: answer.sequence });
    expect(fake.calls("views.open").at(-1)).toMatchObject({ ok: true });
    expect(ana.openModal()).toMatchObject({ title: "Nuevo usuario", callbackId: "user_form", isOpen: true });
  });

  it("searches an external menu (block_suggestion) and shows the app's options", async () => {
    const modal = ana.openModal();
    const answer = await ana.requestOptions("search_places", "places", "premiumone", modal?.id ?? "");

    expect(answer.status).toBe(200);
    expect(answer.options.map((option) => option.value)).toEqual(["06600", "44100"]);
    // The workspace, not the simulator, remembers what the menu offered Ana: a page sees it too.
    const offered = fake.workspace.suggestedOptionsFor({
      userId: ANA.id,
      blockId: "places",
      actionId: "search_places",
    });
    expect(offered.map((option) => option.value)).toEqual(["06600", "44100"]);
  });

  it("submits the modal with Slack's state shape; the app's errors show beside the field", async () => {
    const modal = ana.openModal();
    const answer = await ana.submitView(modal?.id ?? "", {
      account: { value: "ana.lopez" },
      email: { value: "sin-arroba" },
      company: { value: "POS010101AAA" },
      slack_user: { value: BETO.id },
      places: { search_places: ["06600"] },
    });

    expect(answer).toMatchObject({ status: 200, acknowledged: true, refusedBySlack: [] });
    expect(answer.body).toEqual({ response_action: "errors", errors: { email: "Escribe un correo válido" } });
    expect(ana.openModal()?.errors).toEqual({ email: "Escribe un correo válido" });
    expect(received.submissions.at(-1)).toEqual({
      account: { value: { type: "plain_text_input", value: "ana.lopez" } },
      email: { value: { type: "plain_text_input", value: "sin-arroba" } },
      company: {
        value: {
          type: "static_select",
          selected_option: { text: { type: "plain_text", text: "PremiumOne SA" }, value: "POS010101AAA" },
        },
      },
      slack_user: { value: { type: "users_select", selected_user: BETO.id } },
      places: {
        search_places: {
          type: "multi_external_select",
          selected_options: [{ text: { type: "plain_text", text: PLACES[0]?.text ?? "" }, value: "06600" }],
        },
      },
    });
  });

  it("keeps what was entered; a corrected submission acknowledged empty closes the modal", async () => {
    const modal = ana.openModal();
    const answer = await ana.submitView(modal?.id ?? "", { email: { value: "ana@premiumone.example" } });

    expect(answer.body).toBe("");
    expect(received.submissions.at(-1)).toMatchObject({
      account: { value: { value: "ana.lopez" } },
      email: { value: { value: "ana@premiumone.example" } },
    });
    expect(ana.openModal()).toBeUndefined();
  });

  it("does not send a modal whose required field is empty, as the Slack client would not", async () => {
    const opened = await ana.runSlashCommand("/usuarios", "nuevo");
    await fake.waitForCall("views.open", { since: opened.sequence });
    const submissionsBefore = received.submissions.length;
    const modal = ana.openModal();

    await expect(ana.submitView(modal?.id ?? "", { account: { value: "an" } })).rejects.toBeInstanceOf(
      ViewInputRefusedError,
    );
    expect(received.submissions).toHaveLength(submissionsBefore);
    expect(ana.openModal()?.errors).toMatchObject({
      account: "Please enter at least 3 characters.",
      email: "Please complete this required field.",
    });
    await ana.closeView(modal?.id ?? "");
    expect(ana.openModal()).toBeUndefined();
  });

  it("clicks a button in a response_url message; the app replaces that message", async () => {
    const listed = await ana.runSlashCommand("/usuarios");
    const list = await fake.workspace.waitFor(
      () => ana.ephemeralMessages().find((message) => message.text === "Usuarios"),
      { description: "the list" },
    );
    expect(listed.body).toBe("");
    expect(visibleTextOf(list.blocks)).toContain("Eliminar");

    const clicked = await ana.clickButton({ actionId: "delete_user", value: "ana.lopez", in: list });
    expect(clicked).toMatchObject({ status: 200, acknowledged: true });

    const replaced = await fake.workspace.waitFor(
      () => ana.ephemeralMessages().find((message) => message.ts === list.ts && message.edited),
      { description: "the replaced list" },
    );
    expect(replaced.text).toBe("Eliminado: ana.lopez");
    expect(replaced.blocks).toEqual([]);
  });

  it("refuses to click a button the person cannot see", async () => {
    const message = ana.ephemeralMessages().at(-1);
    if (message === undefined) throw new Error("expected a message from the previous test");

    await expect(ana.clickButton({ actionId: "delete_user", in: message })).rejects.toBeInstanceOf(
      SlackClientRefusal,
    );
  });

  it("writes to the app in a DM (message.im) and reads the answer in the same DM", async () => {
    const answer = await ana.sendDirectMessage("hola");

    expect(answer).toMatchObject({ status: 200, acknowledged: true });
    await fake.waitForCall("chat.postMessage", { since: answer.sequence });
    expect(ana.directMessages().map((message) => [message.fromApp, message.text])).toEqual([
      [false, "hola"],
      [true, `Hola <@${ANA.id}>, esta es tu cuenta.`],
    ]);
  });

  it("opens the App Home (app_home_opened) and sees what the app published", async () => {
    const answer = await ana.openAppHome();

    await fake.waitForCall("views.publish", { since: answer.sequence });
    expect(visibleTextOf(ana.home()?.blocks ?? [])).toBe("*Mi cuenta*");
  });

  it("marks a redelivery with Slack's retry headers, which Bolt reports to listeners", async () => {
    const answer = await ana.sendDirectMessage("otra vez", { retry: { number: 1, reason: "http_timeout" } });

    await fake.waitForCall("chat.postMessage", { since: answer.sequence });
    expect(received.retryNumbers.at(-1)).toBe(1);
  });

  it("runs slash commands in a channel when told to", async () => {
    const beto = createSlackUserSimulator({
      slack: fake,
      appUrl,
      signingSecret: SIGNING_SECRET,
      userId: BETO.id,
      channelId: GENERAL_CHANNEL.id,
    });
    await beto.runSlashCommand("/usuarios", "nuevo");

    expect(beto.conversationView().map((message) => message.text)).toContain("Abriendo el formulario…");
    expect(fake.messagesIn(GENERAL_CHANNEL.id).map((message) => message.text)).not.toContain(
      "Abriendo el formulario…",
    );
  });

  it("gets 401 from Bolt for a forged signature or a stale timestamp, and the listener never runs", async () => {
    const commandsBefore = received.commands;

    const forged = await ana.runSlashCommand("/usuarios", "nuevo", { signature: "forged" });
    const stale = await ana.runSlashCommand("/usuarios", "nuevo", { signature: "stale" });

    expect(forged).toMatchObject({ status: 401, acknowledged: false });
    expect(stale).toMatchObject({ status: 401, acknowledged: false });
    expect(received.commands).toBe(commandsBefore);
    expect(boltLog.lines.some((line) => line.includes("signature mismatch"))).toBe(true);
    expect(boltLog.lines.some((line) => line.includes("stale"))).toBe(true);
  });

  it("answers Slack's url_verification challenge through Bolt", async () => {
    const answer = await ana.sendUrlVerification("reto-123");

    expect(answer).toMatchObject({ status: 200, body: { challenge: "reto-123" } });
  });

  it("follows response_action push, update and clear through a stack of modals", async () => {
    const opened = await ana.runSlashCommand("/usuarios", "pasos");
    await fake.waitForCall("views.open", { since: opened.sequence });
    const first = ana.openModal();

    await ana.submitView(first?.id ?? "", { note: { value: "algo" } });
    const second = ana.openModal();
    expect(ana.modalStack().map((view) => view.title)).toEqual(["Paso 1", "Paso 2"]);
    expect(second).toMatchObject({ previousViewId: first?.id, rootViewId: first?.id });

    const misdirected = await ana.submitView(second?.id ?? "", { confirm: { value: "wrong block" } });
    expect(misdirected.refusedBySlack).toEqual([
      "errors names note, which is not an input block of the view",
    ]);
    expect(ana.openModal()?.errors).toEqual({});

    await ana.submitView(second?.id ?? "", { confirm: { value: "update" } });
    expect(ana.openModal()).toMatchObject({ id: second?.id, title: "Paso 2 bis" });

    await ana.submitView(second?.id ?? "", { confirm: { value: "fin" } });
    expect(ana.modalStack()).toEqual([]);
  });

  it("picks in a menu of a message: block_actions carries the chosen option", async () => {
    await ana.runSlashCommand("/usuarios", "empresa");
    const menu = ana.lastEphemeral();
    if (menu === undefined) throw new Error("expected the menu");

    const answer = await ana.selectOption({ actionId: "pick_company", value: "NSC020202BBB", in: menu });

    expect(answer.status).toBe(200);
    const reply = await fake.workspace.waitFor(
      () => ana.ephemeralMessages().find((message) => message.text.startsWith("Elegiste")),
      { description: "the reply" },
    );
    expect(reply.text).toBe("Elegiste NSC020202BBB");
    await expect(
      ana.selectOption({ actionId: "pick_company", value: "XAXX010101000", in: menu }),
    ).rejects.toThrow(/not among the options/);
  });
});
