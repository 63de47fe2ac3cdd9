import { describe, expect, it } from "vitest";
import { visibleTextOf } from "../../../../../src/sandbox/block-kit-reading.ts";
import { problemsInMessageBlocks } from "../../../../../src/sandbox/block-kit-validation.ts";
import {
  decodeCatalogueState,
  decodeCompanyValue,
  decodePlaceValue,
} from "../../../../../src/slack/features/places/catalogue-state.ts";
import { placesCatalogueMessage } from "../../../../../src/slack/features/places/views/places-catalogue-message.ts";
import { actionIds, company, jsonBlocks } from "../catalogue-fixtures.ts";

function buttons(blocks: unknown[]): { actionId: string; text: string; value: string | undefined }[] {
  const found: { actionId: string; text: string; value: string | undefined }[] = [];
  for (const block of blocks as { type: string; elements?: unknown[] }[]) {
    if (block.type !== "actions") continue;
    for (const element of (block.elements ?? []) as {
      action_id: string;
      text: { text: string };
      value?: string;
    }[]) {
      found.push({ actionId: element.action_id, text: element.text.text, value: element.value });
    }
  }
  return found;
}

const kemper = company(1, {
  rfc: "EKU9003173C9",
  legalName: "ESCUELA KEMPER URGATE",
  places: 2,
  holders: (index) => (index === 0 ? 3 : 0),
});
const ampersand = company(2, { rfc: "A&C190128J61", legalName: "ABARROTES <A&C>", places: 0 });

describe("/lugares catalogue message", () => {
  it("shows each company with its RFC and places, each place as `<código postal> — <nombre> (<razón social>)` with its holders", () => {
    const message = placesCatalogueMessage({ companies: [kemper], page: 1, canManage: true, locale: "es" });
    const text = visibleTextOf(jsonBlocks(message.blocks));
    expect(text).toContain("Empresas y lugares de expedición");
    expect(text).toContain("Página 1 de 1 · 1 empresa(s) · 2 lugar(es)");
    expect(text).toContain("*ESCUELA KEMPER URGATE*\nRFC EKU9003173C9 · 2 lugar(es) de expedición");
    expect(text).toContain("10000 — Sucursal 1 (ESCUELA KEMPER URGATE)\n_3 usuario(s) lo tienen asignado_");
    expect(text).toContain("10001 — Sucursal 2 (ESCUELA KEMPER URGATE)\n_Nadie lo tiene asignado_");
  });

  it("gives admins Nueva empresa, and Agregar lugar / Editar / Eliminar per company and Editar / Eliminar per place", () => {
    const message = placesCatalogueMessage({ companies: [kemper], page: 1, canManage: true, locale: "es" });
    expect(buttons(message.blocks).map((button) => [button.actionId, button.text])).toEqual([
      ["places.company.new", "Nueva empresa"],
      ["places.place.new", "Agregar lugar"],
      ["places.company.edit", "Editar"],
      ["places.company.remove.ask", "Eliminar"],
      ["places.place.edit", "Editar"],
      ["places.place.remove.ask", "Eliminar"],
      ["places.place.edit", "Editar"],
      ["places.place.remove.ask", "Eliminar"],
    ]);
    const values = buttons(message.blocks).map((button) => button.value);
    expect(decodeCatalogueState(values[0])).toEqual({ page: 1 });
    expect(decodeCompanyValue(values[1])).toEqual({ page: 1, companyId: kemper.id });
    expect(decodeCompanyValue(values[3])).toEqual({ page: 1, companyId: kemper.id });
    expect(decodePlaceValue(values[5])).toEqual({ page: 1, placeId: kemper.places[0]?.id });
    expect(decodePlaceValue(values[7])).toEqual({ page: 1, placeId: kemper.places[1]?.id });
  });

  it("shows support agents the catalogue read-only: no buttons at all", () => {
    const message = placesCatalogueMessage({
      companies: [kemper, ampersand],
      page: 1,
      canManage: false,
      locale: "es",
    });
    expect(actionIds(message.blocks)).toEqual([]);
    const text = visibleTextOf(jsonBlocks(message.blocks));
    expect(text).toContain("Solo lectura");
    expect(text).toContain("10000 — Sucursal 1 (ESCUELA KEMPER URGATE)");
  });

  it("escapes what people typed: & < > in RFC and razón social", () => {
    const message = placesCatalogueMessage({
      companies: [ampersand],
      page: 1,
      canManage: true,
      locale: "es",
    });
    const text = visibleTextOf(jsonBlocks(message.blocks));
    expect(text).toContain("*ABARROTES &lt;A&amp;C&gt;*\nRFC A&amp;C190128J61 · 0 lugar(es) de expedición");
    expect(text).toContain("Sin lugares de expedición todavía");
  });

  it("says so when there are no companies, inviting admins to Nueva empresa", () => {
    const forAdmin = placesCatalogueMessage({ companies: [], page: 1, canManage: true, locale: "es" });
    expect(visibleTextOf(jsonBlocks(forAdmin.blocks))).toContain(
      "Todavía no hay empresas. Registra la primera con *Nueva empresa*.",
    );
    expect(actionIds(forAdmin.blocks)).toEqual(["places.company.new"]);
    const forSupport = placesCatalogueMessage({ companies: [], page: 1, canManage: false, locale: "es" });
    expect(visibleTextOf(jsonBlocks(forSupport.blocks))).toContain("Todavía no hay empresas registradas.");
  });

  it("puts a notice on top and uses it as the notification text", () => {
    const message = placesCatalogueMessage({
      companies: [kemper],
      page: 1,
      canManage: true,
      locale: "es",
      notice: "🗑️ Se eliminó el lugar de expedición *x*.",
    });
    expect(message.text).toBe("🗑️ Se eliminó el lugar de expedición *x*.");
    expect(visibleTextOf(jsonBlocks(message.blocks)).split("\n")[0]).toBe(
      "🗑️ Se eliminó el lugar de expedición *x*.",
    );
  });

  it("speaks English too", () => {
    const message = placesCatalogueMessage({ companies: [kemper], page: 1, canManage: true, locale: "en" });
    const text = visibleTextOf(jsonBlocks(message.blocks));
    expect(text).toContain("Companies and issuing places");
    expect(text).toContain("Page 1 of 1 · 1 company(ies) · 2 place(s)");
    expect(text).toContain("3 user(s) hold it");
    expect(buttons(message.blocks).map((button) => button.text)).toEqual([
      "New company",
      "Add place",
      "Edit",
      "Remove",
      "Edit",
      "Remove",
      "Edit",
      "Remove",
    ]);
  });

  describe("within Slack's 50 blocks", () => {
    const companies = Array.from({ length: 40 }, (_, index) =>
      company(index + 1, { places: (index % 4) + 1, holders: () => 1 }),
    );
    const placeTotal = companies.reduce((total, each) => total + each.places.length, 0);

    for (const canManage of [true, false]) {
      it(`pages the catalogue with ◀ / ▶, every place shown once (${canManage ? "admin" : "support"})`, () => {
        const first = placesCatalogueMessage({
          companies,
          page: 1,
          canManage,
          locale: "es",
          notice: "aviso",
        });
        const summary = visibleTextOf(jsonBlocks(first.blocks)).match(/Página 1 de (\d+)/);
        const pageCount = Number(summary?.[1]);
        expect(pageCount).toBeGreaterThan(1);
        const shown: string[] = [];
        for (let page = 1; page <= pageCount; page += 1) {
          const message = placesCatalogueMessage({
            companies,
            page,
            canManage,
            locale: "es",
            notice: "aviso",
          });
          expect(message.blocks.length).toBeLessThanOrEqual(50);
          expect(problemsInMessageBlocks(jsonBlocks(message.blocks))).toEqual([]);
          const paging = buttons(message.blocks).filter((button) =>
            button.actionId.startsWith("places.page."),
          );
          expect(
            paging.map((button) => [button.actionId, button.text, decodeCatalogueState(button.value).page]),
          ).toEqual([
            ...(page > 1 ? [["places.page.previous", "◀ Anterior", page - 1]] : []),
            ...(page < pageCount ? [["places.page.next", "Siguiente ▶", page + 1]] : []),
          ]);
          shown.push(
            ...(JSON.stringify(message.blocks).match(/\d{5} — Sucursal \d+ \(EMPRESA \d{3}\)/g) ?? []),
          );
        }
        expect(shown).toHaveLength(placeTotal);
        expect(new Set(shown).size).toBe(placeTotal);
      });
    }

    it("shows the last page for a page past the end, and carries the page in every row button", () => {
      const message = placesCatalogueMessage({ companies, page: 999, canManage: true, locale: "es" });
      const summary = visibleTextOf(jsonBlocks(message.blocks)).match(/Página (\d+) de (\d+)/);
      expect(summary?.[1]).toBe(summary?.[2]);
      const rowValues = buttons(message.blocks)
        .filter((button) => button.actionId === "places.place.edit")
        .map((button) => decodePlaceValue(button.value)?.page);
      expect(new Set(rowValues)).toEqual(new Set([Number(summary?.[1])]));
    });

    it("continues a company with more places than a page holds, heading repeated", () => {
      const large = company(1, { legalName: "GRANDE", places: 60 });
      const second = placesCatalogueMessage({ companies: [large], page: 2, canManage: true, locale: "es" });
      expect(second.blocks.length).toBeLessThanOrEqual(50);
      expect(visibleTextOf(jsonBlocks(second.blocks))).toContain(
        "*GRANDE*\nRFC EKU9003173C9 · 60 lugar(es) de expedición (continúa)",
      );
    });

    it("opens on the page showing a company or place just saved", () => {
      const last = companies[39];
      const message = placesCatalogueMessage({
        companies,
        page: 1,
        focus: { companyId: last?.id ?? "", placeId: last?.places[0]?.id },
        canManage: true,
        locale: "es",
      });
      expect(JSON.stringify(message.blocks)).toContain("(EMPRESA 040)");
    });
  });
});
