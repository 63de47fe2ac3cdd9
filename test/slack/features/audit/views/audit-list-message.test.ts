import { describe, expect, it } from "vitest";
import type {
  TAuditEventPage,
  TAuditEventRow,
} from "../../../../../src/application/audit/list-audit-events.ts";
import { problemsInMessageBlocks } from "../../../../../src/sandbox/block-kit-validation.ts";
import { toJson } from "../../../../../src/sandbox/json.ts";
import { decodeAuditListState } from "../../../../../src/slack/features/audit/list-state.ts";
import { auditHelpMessage } from "../../../../../src/slack/features/audit/views/audit-help-message.ts";
import { auditListMessage } from "../../../../../src/slack/features/audit/views/audit-list-message.ts";

function event(overrides: Partial<TAuditEventRow> = {}): TAuditEventRow {
  return {
    id: 41n,
    occurredAt: new Date("2026-11-28T18:05:00Z"),
    actorType: "slack",
    actorId: "U0ADMIN01",
    actorTeamId: "T0TEAM001",
    actorRole: "ADMIN",
    action: "user.updated",
    targetType: "portal_user",
    targetId: "7d4b1c7e-0c1a-4b8e-9f55-2b0c8a8d3f10",
    targetLabel: "maria.lopez",
    changes: { fullName: { before: "María López", after: "María López <Contabilidad>" } },
    result: "success",
    reason: null,
    requestId: "9b2f6c1e-request",
    ...overrides,
  };
}

function page(
  events: TAuditEventRow[],
  pageNumber = 1,
  pageCount = 1,
  total = events.length,
): TAuditEventPage {
  return { events, page: pageNumber, pageSize: 10, total, pageCount };
}

interface TButtonSeen {
  readonly actionId: string;
  readonly text: string;
  readonly value: string | undefined;
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
      };
      if (element.type === "button" && element.action_id !== undefined) {
        found.push({ actionId: element.action_id, text: element.text?.text ?? "", value: element.value });
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(blocks);
  return found;
}

describe("audit list message", () => {
  it("shows each event's time in Mexico City, actor, action in words with its code, account, changes and result", () => {
    const message = auditListMessage({ page: page([event()]), account: undefined, locale: "es" });
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("Auditoría");
    expect(text).toContain("Página 1 de 1 · 1 evento(s), los más recientes primero");
    expect(text).toContain("28 nov 2026");
    expect(text).toContain("12:05"); // 18:05 UTC is 12:05 in Mexico City
    expect(text).toContain("<@U0ADMIN01> modificó al usuario *maria.lopez* · `user.updated`");
    expect(text).toContain("Cambió: nombre: María López → María López &lt;Contabilidad&gt;");
    expect(text).toContain("Resultado: ✅ correcto · Rol: administrador · ref. `9b2f6c1e-request`");
    expect(buttonsOf(message.blocks)).toEqual([]);
    expect(problemsInMessageBlocks(message.blocks.map(toJson))).toEqual([]);
  });

  it("says a refusal is a refusal, with who tried and what", () => {
    const refused = event({
      actorId: "U0NOBODY01",
      actorRole: "NONE",
      action: "access.denied",
      targetLabel: null,
      changes: { attempted: "audit.list" },
      result: "denied",
      reason: "missing permission audit.read",
    });
    const text = JSON.stringify(
      auditListMessage({ page: page([refused]), account: undefined, locale: "es" }).blocks,
    );
    expect(text).toContain("<@U0NOBODY01> intentó sin permiso (rechazado) · `access.denied`");
    expect(text).toContain("Resultado: ⛔ rechazado · Rol: sin rol");
  });

  it("pages with ◀ / ▶ carrying the account filter and the page", () => {
    const events = Array.from({ length: 10 }, (_, index) => event({ id: BigInt(100 - index) }));
    const message = auditListMessage({ page: page(events, 2, 3, 25), account: "maria.lopez", locale: "es" });
    const buttons = buttonsOf(message.blocks);
    expect(buttons.map((button) => [button.actionId, button.text])).toEqual([
      ["audit.page.previous", "◀ Anterior"],
      ["audit.page.next", "Siguiente ▶"],
    ]);
    expect(buttons.map((button) => decodeAuditListState(button.value))).toEqual([
      { account: "maria.lopez", page: 1 },
      { account: "maria.lopez", page: 3 },
    ]);
    expect(JSON.stringify(message.blocks)).toContain(
      "Página 2 de 3 · 25 evento(s) de la cuenta «maria.lopez», los más recientes primero",
    );
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(problemsInMessageBlocks(message.blocks.map(toJson))).toEqual([]);
  });

  it("offers only ▶ on the first page and only ◀ on the last, without a filter when there is none", () => {
    const first = buttonsOf(
      auditListMessage({ page: page([event()], 1, 2, 11), account: undefined, locale: "es" }).blocks,
    );
    expect(first.map((button) => button.actionId)).toEqual(["audit.page.next"]);
    expect(decodeAuditListState(first[0]?.value)).toEqual({ page: 2 });
    const last = buttonsOf(
      auditListMessage({ page: page([event()], 2, 2, 11), account: undefined, locale: "es" }).blocks,
    );
    expect(last.map((button) => button.actionId)).toEqual(["audit.page.previous"]);
  });

  it("answers an account with no events, escaping what was typed", () => {
    const message = auditListMessage({ page: page([]), account: "<!channel>", locale: "es" });
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("No hay eventos de la cuenta «&lt;!channel&gt;».");
    expect(text).not.toContain("<!channel>");
    expect(auditListMessage({ page: page([]), account: undefined, locale: "es" }).text).toContain(
      "Auditoría",
    );
    expect(
      JSON.stringify(auditListMessage({ page: page([]), account: undefined, locale: "es" }).blocks),
    ).toContain("Todavía no hay eventos.");
  });

  it("speaks English too", () => {
    const message = auditListMessage({
      page: page(
        [
          event({
            actorType: "portal",
            actorId: "portal",
            actorRole: "PORTAL",
            action: "user.password_changed",
            changes: { password: "changed" },
          }),
        ],
        1,
        2,
        12,
      ),
      account: "maria.lopez",
      locale: "en",
    });
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("Audit trail");
    expect(text).toContain("Page 1 of 2 · 12 event(s) about the account “maria.lopez”, newest first");
    expect(text).toContain("Nov 28, 2026");
    expect(text).toContain("The portal changed the password of *maria.lopez* · `user.password_changed`");
    expect(text).toContain("Changed: password: changed");
    expect(text).toContain("Result: ✅ succeeded · Role: portal");
    expect(buttonsOf(message.blocks).map((button) => button.text)).toEqual(["Next ▶"]);
  });

  it("names a role's holder as a Slack mention and an empty role list as —", () => {
    const granted = event({
      action: "role.granted",
      targetType: "slack_user",
      targetId: "U0CONTA001",
      targetLabel: "U0CONTA001",
      changes: { roles: { before: [], after: ["SUPPORT"] } },
    });
    const text = JSON.stringify(
      auditListMessage({ page: page([granted]), account: undefined, locale: "es" }).blocks,
    );
    expect(text).toContain("<@U0ADMIN01> otorgó un rol a <@U0CONTA001> · `role.granted`");
    expect(text).toContain("Cambió: roles: — → SUPPORT");
  });

  it("never falls back to nothing on an unknown action or role", () => {
    const text = JSON.stringify(
      auditListMessage({
        page: page([event({ action: "user.archived", actorRole: "AUDITOR", result: "failed" })]),
        account: undefined,
        locale: "es",
      }).blocks,
    );
    expect(text).toContain("registró *maria.lopez* (falló) · `user.archived`");
    expect(text).toContain("Resultado: ⚠️ falló · Rol: AUDITOR");
  });
});

describe("audit help message", () => {
  it("lists the text forms and ends with the service desk's contact", () => {
    const message = auditHelpMessage("es", "mesa@premiumone.mx · 55 1234 5678");
    const text = JSON.stringify(message.blocks);
    expect(message.text).toBe("Ayuda de /auditoria");
    expect(text).toContain("`/auditoria <cuenta>`");
    expect(text).toContain("hora de la Ciudad de México");
    const last = message.blocks.at(-1);
    expect(JSON.stringify(last)).toContain("*Medios de contacto:* mesa@premiumone.mx · 55 1234 5678");
  });

  it("points to an administrator when no contact is configured, in English too", () => {
    expect(JSON.stringify(auditHelpMessage("en", undefined).blocks.at(-1))).toContain(
      "*Contact:* ask one of the bot's administrators.",
    );
    expect(JSON.stringify(auditHelpMessage("en", "<desk>").blocks.at(-1))).toContain(
      "*Contact:* &lt;desk&gt;",
    );
  });
});
