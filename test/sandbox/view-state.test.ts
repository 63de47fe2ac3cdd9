import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { toJson } from "../../src/sandbox/json.ts";
import {
  buildStateValues,
  clientSideInputErrors,
  SlackClientRefusal,
  type TStateContext,
} from "../../src/sandbox/view-state.ts";

const CONTEXT: TStateContext = {
  isKnownUser: (userId) => userId === "U0ANA0001",
  suggestedOptionsFor: () => [],
};

const BLOCKS = toJson([
  {
    type: "input",
    block_id: "name",
    label: { type: "plain_text", text: "Nombre" },
    element: { type: "plain_text_input", action_id: "value", initial_value: "Ana" },
  },
  {
    type: "input",
    block_id: "email",
    optional: true,
    label: { type: "plain_text", text: "Correo" },
    element: { type: "email_text_input", action_id: "value" },
  },
  {
    type: "input",
    block_id: "roles",
    label: { type: "plain_text", text: "Roles" },
    element: {
      type: "checkboxes",
      action_id: "value",
      options: [
        { text: { type: "mrkdwn", text: "Admin" }, value: "ADMIN" },
        { text: { type: "mrkdwn", text: "Soporte" }, value: "SUPPORT" },
      ],
      initial_options: [{ text: { type: "mrkdwn", text: "Soporte" }, value: "SUPPORT" }],
    },
  },
  {
    type: "section",
    block_id: "owner",
    text: { type: "mrkdwn", text: "Responsable" },
    accessory: { type: "users_select", action_id: "pick" },
  },
  {
    type: "actions",
    block_id: "buttons",
    elements: [{ type: "button", action_id: "go", text: { type: "plain_text", text: "Ir" } }],
  },
] satisfies KnownBlock[]);
const blocks = Array.isArray(BLOCKS) ? BLOCKS : [];

describe("buildStateValues", () => {
  it("reports every stateful element, with its initial value until the person changes it", () => {
    expect(buildStateValues(blocks, {}, CONTEXT)).toEqual({
      name: { value: { type: "plain_text_input", value: "Ana" } },
      email: { value: { type: "email_text_input", value: null } },
      roles: {
        value: {
          type: "checkboxes",
          selected_options: [{ text: { type: "mrkdwn", text: "Soporte" }, value: "SUPPORT" }],
        },
      },
      owner: { pick: { type: "users_select", selected_user: null } },
    });
  });

  it("takes what the person entered, in Slack's shape for each element", () => {
    const values = buildStateValues(
      blocks,
      { name: { value: "Beto" }, roles: { value: ["ADMIN", "SUPPORT"] }, owner: { pick: "U0ANA0001" } },
      CONTEXT,
    );

    expect(values.name?.value).toEqual({ type: "plain_text_input", value: "Beto" });
    expect(values.roles?.value?.selected_options).toEqual([
      { text: { type: "mrkdwn", text: "Admin" }, value: "ADMIN" },
      { text: { type: "mrkdwn", text: "Soporte" }, value: "SUPPORT" },
    ]);
    expect(values.owner?.pick).toEqual({ type: "users_select", selected_user: "U0ANA0001" });
  });

  it("refuses what no person could enter: a missing field, an option not offered, an unknown user", () => {
    expect(() => buildStateValues(blocks, { phone: { value: "555" } }, CONTEXT)).toThrow(SlackClientRefusal);
    expect(() => buildStateValues(blocks, { roles: { value: ["OWNER"] } }, CONTEXT)).toThrow(
      /not among the options/,
    );
    expect(() => buildStateValues(blocks, { owner: { pick: "U0NOBODY" } }, CONTEXT)).toThrow(
      /no user U0NOBODY/,
    );
  });
});

describe("clientSideInputErrors", () => {
  it("stops a submission with a required field empty or an invalid email, as the Slack client does", () => {
    const values = buildStateValues(
      blocks,
      { name: { value: null }, email: { value: "no-es-correo" } },
      CONTEXT,
    );

    expect(clientSideInputErrors(blocks, values)).toEqual({
      name: "Please complete this required field.",
      email: "Please enter a valid email address.",
    });
  });

  it("lets a complete form through", () => {
    expect(clientSideInputErrors(blocks, buildStateValues(blocks, {}, CONTEXT))).toEqual({});
  });
});
