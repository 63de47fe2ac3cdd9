import { describe, expect, it } from "vitest";
import {
  inputBlocksOf,
  interactiveElementsOf,
  visibleTextOf,
} from "../../../../../src/sandbox/block-kit-reading.ts";
import type { TJsonValue } from "../../../../../src/sandbox/json.ts";
import { notLinkedModal } from "../../../../../src/slack/features/account/views/not-linked-modal.ts";

/** The blocks as Slack receives them (JSON), for the sandbox's readers. */
function sent(blocks: readonly object[]): TJsonValue[] {
  return JSON.parse(JSON.stringify(blocks));
}

const CONTACT = "soporte@premiumone.example · 55 1234 5678";

describe("notLinkedModal", () => {
  it("says the person is not linked, whom to ask, and offers no form", () => {
    const view = notLinkedModal({ locale: "es", supportContact: CONTACT });
    expect(view.callback_id).toBe("account.not_linked");
    expect(view.title.text).toBe("Mi cuenta");
    expect(view.submit).toBeUndefined();
    expect(view.close?.text).toBe("Cerrar");
    const text = visibleTextOf(sent(view.blocks));
    expect(text).toContain("Tu usuario de Slack no está vinculado a ninguna cuenta del portal PremiumOne");
    expect(text).toContain(`*Medios de contacto:* ${CONTACT}`);
    expect(inputBlocksOf(sent(view.blocks))).toEqual([]);
    expect(interactiveElementsOf(sent(view.blocks))).toEqual([]);
  });

  it("speaks English too", () => {
    const view = notLinkedModal({ locale: "en", supportContact: undefined });
    expect(view.title.text).toBe("My account");
    expect(visibleTextOf(sent(view.blocks))).toContain(
      "Your Slack user is not linked to any PremiumOne portal account",
    );
    expect(visibleTextOf(sent(view.blocks))).toContain("*Contact:* ask one of the bot's administrators.");
  });
});
