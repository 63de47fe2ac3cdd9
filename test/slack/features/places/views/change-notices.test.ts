import { describe, expect, it } from "vitest";
import {
  companyNotice,
  placeNotice,
  placeRemovedNotice,
} from "../../../../../src/slack/features/places/views/change-notices.ts";
import { company } from "../catalogue-fixtures.ts";

const kemper = company(1, { rfc: "EKU9003173C9", legalName: "KEMPER & HIJOS", places: 1 });
const centro = kemper.places[0] ?? {
  id: "",
  companyId: "",
  rfc: "",
  companyLegalName: "",
  postalCode: "",
  name: "",
  label: "",
  assignedUserCount: 0,
};

describe("change notices", () => {
  it("names the company or place that changed, escaped", () => {
    expect(companyNotice("created", kemper, "es")).toBe(
      "✅ Se registró la empresa *KEMPER &amp; HIJOS* (RFC EKU9003173C9).",
    );
    expect(companyNotice("removed", kemper, "en")).toBe(
      "🗑️ Removed the company *KEMPER &amp; HIJOS* (RFC EKU9003173C9).",
    );
    expect(placeNotice("updated", centro, "es")).toBe(
      "✅ Se guardaron los cambios del lugar *10000 — Sucursal 1 (KEMPER &amp; HIJOS)*.",
    );
  });

  it("says how many users lost a removed place and who is left without any", () => {
    expect(
      placeRemovedNotice({ place: centro, unassignedUsernames: [], usernamesLeftWithoutPlaces: [] }, "es"),
    ).toBe("🗑️ Se eliminó el lugar de expedición *10000 — Sucursal 1 (KEMPER &amp; HIJOS)*.");
    const notice = placeRemovedNotice(
      { place: centro, unassignedUsernames: ["ana", "luis", "sofia"], usernamesLeftWithoutPlaces: ["luis"] },
      "es",
    );
    expect(notice).toBe(
      "🗑️ Se eliminó el lugar de expedición *10000 — Sucursal 1 (KEMPER &amp; HIJOS)*; 3 usuario(s) lo perdieron.\nSe quedaron sin lugares: *luis*. Asígnales otro con `/usuarios editar <cuenta>`.",
    );
  });

  it("names at most 20 accounts left without places", () => {
    const usernames = Array.from({ length: 25 }, (_, index) => `user${index}`);
    const notice = placeRemovedNotice(
      { place: centro, unassignedUsernames: usernames, usernamesLeftWithoutPlaces: usernames },
      "en",
    );
    expect(notice).toContain("*user19* (+5)");
    expect(notice).not.toContain("user20");
  });
});
