import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countIssuingPlaces } from "../../../src/application/places/count-issuing-places.ts";
import { searchIssuingPlaces } from "../../../src/application/places/search-issuing-places.ts";
import { adminContext, nobodyContext, seedBasics, supportContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";
import { auditRowsOf } from "./audit-rows.ts";

describe(`searchIssuingPlaces and countIssuingPlaces (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    await seedBasics(testDatabase.database);
    const prisma = testDatabase.database.prisma;
    const aguila = await prisma.company.create({
      data: { rfc: "AGU010101AA1", legalName: "ÁGUILA DEL NORTE" },
    });
    const nandu = await prisma.company.create({ data: { rfc: "ÑAM190128J61", legalName: "ÑANDÚES Y MÁS" } });
    await prisma.issuingPlace.createMany({
      data: [
        { companyId: aguila.id, postalCode: "06000", name: "Beta" },
        { companyId: aguila.id, postalCode: "06000", name: "Alfa" },
        { companyId: aguila.id, postalCode: "76000", name: "Querétaro" },
        { companyId: nandu.id, postalCode: "01000", name: "Matriz" },
      ],
    });
  });
  afterAll(() => testDatabase.close());

  const labelsFor = async (query: string, limit?: number) =>
    (
      await searchIssuingPlaces(dependencies, {
        context: adminContext(),
        query,
        ...(limit === undefined ? {} : { limit }),
      })
    ).map((place) => place.label);

  it("finds places by código postal, ordered by label", async () => {
    expect(await labelsFor("06000")).toEqual([
      "06000 — Alfa (ÁGUILA DEL NORTE)",
      "06000 — Beta (ÁGUILA DEL NORTE)",
      "06000 — Centro (ESCUELA KEMPER URGATE)",
    ]);
  });

  it.each([
    ["a place name in any case", "CENTRO", ["06000 — Centro (ESCUELA KEMPER URGATE)"]],
    ["a place name without its accent", "queretaro", ["76000 — Querétaro (ÁGUILA DEL NORTE)"]],
    [
      "a razón social",
      "kemper",
      ["06000 — Centro (ESCUELA KEMPER URGATE)", "64000 — Monterrey Norte (ESCUELA KEMPER URGATE)"],
    ],
    ["an RFC in lower case", "xia190128", ["26015 — Matriz (XENON INDUSTRIAL ARTICLES)"]],
    ["an RFC with Ñ", "ñam19", ["01000 — Matriz (ÑANDÚES Y MÁS)"]],
    ["several words across fields", "  kemper   centro ", ["06000 — Centro (ESCUELA KEMPER URGATE)"]],
    ["text nothing holds", "tijuana", []],
  ])("finds places by %s", async (_what, query, expected) => {
    expect(await labelsFor(query)).toEqual(expected);
  });

  it("returns every place for an empty query, and at most the limit", async () => {
    const all = await labelsFor("");
    expect(all).toHaveLength(7);
    expect(all[0]).toBe("01000 — Matriz (ÑANDÚES Y MÁS)");
    expect(await labelsFor("", 2)).toEqual(all.slice(0, 2));
    const [first] = await searchIssuingPlaces(dependencies, { context: adminContext(), query: "26015" });
    expect(first).toMatchObject({
      id: expect.any(String),
      label: "26015 — Matriz (XENON INDUSTRIAL ARTICLES)",
    });
  });

  it("returns 100 places by default once there are more, and counts them all", async () => {
    const prisma = testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "MUC010101AA1", legalName: "MUCHAS SUCURSALES" },
    });
    await prisma.issuingPlace.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({
        companyId: company.id,
        postalCode: String(10_000 + index),
        name: `Sucursal ${index}`,
      })),
    });
    expect(await labelsFor("")).toHaveLength(100);
    expect(await labelsFor("sucursal")).toHaveLength(100);
    expect(await labelsFor("sucursal 119")).toEqual(["10119 — Sucursal 119 (MUCHAS SUCURSALES)"]);
    expect(await countIssuingPlaces(dependencies, { context: adminContext() })).toBe(127);
  });

  it("lets a support agent search and count, without an audit row", async () => {
    const context = supportContext();
    const found = await searchIssuingPlaces(dependencies, { context, query: "kemper" });
    expect(found).toHaveLength(2);
    expect(await countIssuingPlaces(dependencies, { context })).toBe(127);
    expect(await auditRowsOf(testDatabase.database, context)).toEqual([]);
  });

  it("refuses a Slack user with no role and audits each refusal", async () => {
    const searching = nobodyContext();
    const counting = nobodyContext();
    await expect(
      searchIssuingPlaces(dependencies, { context: searching, query: "kemper" }),
    ).rejects.toMatchObject({
      code: "ACCESS_DENIED",
      parameters: { permission: "places.read | users.write" },
    });
    await expect(countIssuingPlaces(dependencies, { context: counting })).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
    expect(await auditRowsOf(testDatabase.database, searching)).toMatchObject([
      { action: "access.denied", result: "denied", changes: { attempted: "place.search" } },
    ]);
    expect(await auditRowsOf(testDatabase.database, counting)).toMatchObject([
      { action: "access.denied", result: "denied", changes: { attempted: "place.count" } },
    ]);
  });

  it("audits one refused request once, however many of its steps are refused", async () => {
    const context = nobodyContext();
    await expect(searchIssuingPlaces(dependencies, { context, query: "kemper" })).rejects.toThrow();
    await expect(countIssuingPlaces(dependencies, { context })).rejects.toThrow();
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      { action: "access.denied", changes: { attempted: "place.search" } },
    ]);
  });
});
