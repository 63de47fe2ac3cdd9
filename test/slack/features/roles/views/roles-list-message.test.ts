import { describe, expect, it } from "vitest";
import type { TRoleHolder } from "../../../../../src/application/roles/role-holder.ts";
import { problemsInMessageBlocks } from "../../../../../src/sandbox/block-kit-validation.ts";
import { toJson } from "../../../../../src/sandbox/json.ts";
import { decodeHolderValue } from "../../../../../src/slack/features/roles/holder-value.ts";
import { revokeConfirmationMessage } from "../../../../../src/slack/features/roles/views/revoke-confirmation-message.ts";
import { rolesListMessage } from "../../../../../src/slack/features/roles/views/roles-list-message.ts";

const ADMIN: TRoleHolder = {
  slackUserId: "U0ADMIN01",
  role: "ADMIN",
  grantedAt: new Date("2026-11-28T18:05:00Z"),
  grantedBy: "system:bootstrap",
};
const SECOND_ADMIN: TRoleHolder = {
  slackUserId: "U0ADMIN02",
  role: "ADMIN",
  grantedAt: new Date("2026-11-29T18:05:00Z"),
  grantedBy: "U0ADMIN01",
};
const SUPPORT: TRoleHolder = {
  slackUserId: "U0SUPPORT1",
  role: "SUPPORT",
  grantedAt: new Date("2026-11-30T18:05:00Z"),
  grantedBy: "U0ADMIN02",
};

interface TButtonSeen {
  readonly actionId: string;
  readonly text: string;
  readonly value: string | undefined;
  readonly style: string | undefined;
}

function buttonsOf(blocks: unknown[]): TButtonSeen[] {
  const found: TButtonSeen[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      const element = value as {
        type?: string;
        action_id?: string;
        text?: { text?: string };
        value?: string;
        style?: string;
      };
      if (element.type === "button" && element.action_id !== undefined) {
        found.push({
          actionId: element.action_id,
          text: element.text?.text ?? "",
          value: element.value,
          style: element.style,
        });
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(blocks);
  return found;
}

const holders = { ADMIN: [ADMIN, SECOND_ADMIN], SUPPORT: [SUPPORT] };

describe("roles list message", () => {
  it("shows admins and support agents with who granted each role and since when", () => {
    const message = rolesListMessage({ holders, canManage: true, locale: "es" });
    const text = JSON.stringify(message.blocks);
    expect(message.text).toBe("Roles del bot");
    expect(text).toContain("*Administradores* (2)");
    expect(text).toContain("*Soporte* (1)");
    expect(text).toContain("<@U0ADMIN01> · desde 28 nov 2026");
    expect(text).toContain("otorgado al arrancar, desde la configuración");
    expect(text).toContain("<@U0ADMIN02> · desde 29 nov 2026");
    expect(text).toContain("lo otorgó <@U0ADMIN01>");
    expect(text).toContain("<@U0SUPPORT1>");
    expect(problemsInMessageBlocks(message.blocks.map(toJson))).toEqual([]);
  });

  it("gives admins Otorgar rol and a Quitar per holder naming the holder and the role", () => {
    const buttons = buttonsOf(rolesListMessage({ holders, canManage: true, locale: "es" }).blocks);
    expect(buttons.map((button) => [button.actionId, button.text])).toEqual([
      ["roles.grant", "Otorgar rol"],
      ["roles.revoke.ask", "Quitar"],
      ["roles.revoke.ask", "Quitar"],
      ["roles.revoke.ask", "Quitar"],
    ]);
    expect(buttons.slice(1).map((button) => decodeHolderValue(button.value))).toEqual([
      { slackUserId: "U0ADMIN01", role: "ADMIN" },
      { slackUserId: "U0ADMIN02", role: "ADMIN" },
      { slackUserId: "U0SUPPORT1", role: "SUPPORT" },
    ]);
    expect(buttons.slice(1).every((button) => button.style === "danger")).toBe(true);
  });

  it("shows support agents the same list with no button", () => {
    const message = rolesListMessage({ holders, canManage: false, locale: "es" });
    expect(buttonsOf(message.blocks)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain("<@U0SUPPORT1>");
  });

  it("puts what just happened on top, says when a role has nobody, and speaks English", () => {
    const message = rolesListMessage({
      holders: { ADMIN: [ADMIN], SUPPORT: [] },
      canManage: true,
      locale: "en",
      notice: "🗑️ Removed the role *Support* from <@U0SUPPORT1>.",
    });
    expect(message.text).toBe("🗑️ Removed the role *Support* from <@U0SUPPORT1>.");
    expect(JSON.stringify(message.blocks[0])).toContain("Removed the role *Support*");
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("*Administrators* (1)");
    expect(text).toContain("*Support* (0)");
    expect(text).toContain("Nobody holds this role.");
    expect(text).toContain("granted at start, from the configuration");
    expect(buttonsOf(message.blocks).map((button) => button.text)).toEqual(["Grant role", "Remove"]);
  });

  it("stays within Slack's 50 blocks however many hold a role", () => {
    const many = Array.from({ length: 60 }, (_, index) => ({
      ...SUPPORT,
      slackUserId: `U0MANY${String(index).padStart(3, "0")}`,
    }));
    const message = rolesListMessage({
      holders: { ADMIN: many.map((holder) => ({ ...holder, role: "ADMIN" as const })), SUPPORT: many },
      canManage: true,
      locale: "es",
      notice: "✅",
    });
    expect(problemsInMessageBlocks(message.blocks.map(toJson))).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain("… y 40 más.");
  });

  it("escapes a granter that is not a Slack user id", () => {
    const text = JSON.stringify(
      rolesListMessage({
        holders: { ADMIN: [{ ...ADMIN, grantedBy: "<!channel>" }], SUPPORT: [] },
        canManage: false,
        locale: "es",
      }).blocks,
    );
    expect(text).toContain("lo otorgó &lt;!channel&gt;");
  });
});

describe("revoke confirmation", () => {
  it("asks Sí (danger) / No before removing a role, in Spanish and English", () => {
    const message = revokeConfirmationMessage({
      holder: { slackUserId: "U0ADMIN02", role: "ADMIN" },
      locale: "es",
    });
    expect(message.text).toBe("¿Quitar el rol *Administrador* a <@U0ADMIN02>?");
    const buttons = buttonsOf(message.blocks);
    expect(buttons.map((button) => [button.actionId, button.text, button.style])).toEqual([
      ["roles.revoke.yes", "Sí", "danger"],
      ["roles.cancel", "No", undefined],
    ]);
    expect(decodeHolderValue(buttons[0]?.value)).toEqual({ slackUserId: "U0ADMIN02", role: "ADMIN" });
    const english = revokeConfirmationMessage({
      holder: { slackUserId: "U0SUPPORT1", role: "SUPPORT" },
      locale: "en",
    });
    expect(english.text).toBe("Remove the role *Support* from <@U0SUPPORT1>?");
    expect(buttonsOf(english.blocks).map((button) => button.text)).toEqual(["Yes", "No"]);
  });

  it("ignores a button value that does not name a Slack user and a role", () => {
    expect(
      decodeHolderValue(JSON.stringify({ slackUserId: "U1> <!channel", role: "ADMIN" })),
    ).toBeUndefined();
    expect(decodeHolderValue(JSON.stringify({ slackUserId: "U0ADMIN02", role: "ROOT" }))).toBeUndefined();
    // A Quitar posted before the keys had names.
    expect(decodeHolderValue(JSON.stringify({ u: "U0ADMIN02", r: "ADMIN" }))).toEqual({
      slackUserId: "U0ADMIN02",
      role: "ADMIN",
    });
    expect(decodeHolderValue("not json")).toBeUndefined();
  });
});
