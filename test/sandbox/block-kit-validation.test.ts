import type { ModalView } from "@slack/types";
import { describe, expect, it } from "vitest";
import { problemsInMessageBlocks, problemsInView } from "../../src/sandbox/block-kit-validation.ts";
import { toJson, toJsonObject } from "../../src/sandbox/json.ts";

function blocksOf(value: unknown) {
  const json = toJson(value);
  return Array.isArray(json) ? json : [];
}

describe("Block Kit limits", () => {
  it("accepts a well-formed modal", () => {
    const modal: ModalView = {
      type: "modal",
      title: { type: "plain_text", text: "Editar usuario" },
      submit: { type: "plain_text", text: "Guardar" },
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Cuenta" } },
        {
          type: "input",
          block_id: "account",
          label: { type: "plain_text", text: "Cuenta del usuario" },
          element: { type: "plain_text_input", action_id: "value", max_length: 32 },
        },
      ],
    };
    expect(problemsInView(toJsonObject(modal))).toEqual([]);
  });

  it("reports a modal with inputs but no submit button, and a mrkdwn header", () => {
    const problems = problemsInView(
      toJsonObject({
        type: "modal",
        title: { type: "plain_text", text: "Sin botón" },
        blocks: [
          { type: "header", text: { type: "mrkdwn", text: "*Cuenta*" } },
          {
            type: "input",
            label: { type: "plain_text", text: "Cuenta" },
            element: { type: "plain_text_input" },
          },
        ],
      }),
    );
    expect(problems).toEqual([
      "[ERROR] must be plain_text [json-pointer:/view/blocks/0/text/type]",
      "[ERROR] must provide submit when there is an input block [json-pointer:/view/submit]",
    ]);
  });

  it("reports duplicate block_ids, over-long section text and too many options", () => {
    const options = Array.from({ length: 101 }, (_, index) => ({
      text: { type: "plain_text", text: `Lugar ${index}` },
      value: String(index),
    }));
    const problems = problemsInMessageBlocks(
      blocksOf([
        { type: "section", block_id: "a", text: { type: "mrkdwn", text: "x".repeat(3001) } },
        { type: "actions", block_id: "a", elements: [{ type: "static_select", action_id: "pick", options }] },
      ]),
    );
    expect(problems).toEqual([
      "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
      "[ERROR] duplicate block_id [json-pointer:/blocks/1/block_id]",
      "[ERROR] must provide at most 100 items [json-pointer:/blocks/1/elements/0/options]",
    ]);
  });

  it("reports more than 50 blocks in a message", () => {
    const blocks = blocksOf(Array.from({ length: 51 }, () => ({ type: "divider" })));
    expect(problemsInMessageBlocks(blocks)).toEqual([
      "[ERROR] must provide at most 50 items [json-pointer:/blocks]",
    ]);
  });
});
