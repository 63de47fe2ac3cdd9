import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCompaniesWithPlaces } from "../../../src/application/places/list-companies-with-places.ts";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import {
  adminContext,
  nobodyContext,
  seedBasics,
  supportContext,
  type TSeededPlaces,
} from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";
import { auditRowsOf } from "./audit-rows.ts";

describe(`listCompaniesWithPlaces (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  let places: TSeededPlaces;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    places = await seedBasics(testDatabase.database);
    const prisma = testDatabase.database.prisma;
    const aguila = await prisma.company.create({
      data: { rfc: "AGU010101AA1", legalName: "ÁGUILA DEL NORTE" },
    });
    await prisma.issuingPlace.createMany({
      data: [
        { companyId: aguila.id, postalCode: "64000", name: "Zeta" },
        { companyId: aguila.id, postalCode: "06000", name: "Beta" },
        { companyId: aguila.id, postalCode: "06000", name: "Alfa" },
      ],
    });
    await prisma.company.create({ data: { rfc: "ZAP010101AA1", legalName: "ZAPATA HERMANOS" } });
    const user = (username: string, placeIds: string[]) =>
      createPortalUser(dependencies, {
        context: adminContext(),
        fields: { username, fullName: username, email: `${username}@example.com`, placeIds },
      });
    await user("ana.ruiz", [places.kemperCentro, places.xenonMatriz]);
    await user("beto.diaz", [places.kemperCentro]);
  });
  afterAll(() => testDatabase.close());

  it("lists every company by razón social, its places by código postal and name, with their holders", async () => {
    const context = adminContext();
    const companies = await listCompaniesWithPlaces(dependencies, { context });
    expect(companies.map((company) => [company.rfc, company.legalName])).toEqual([
      ["AGU010101AA1", "ÁGUILA DEL NORTE"],
      ["EKU9003173C9", "ESCUELA KEMPER URGATE"],
      ["XIA190128J61", "XENON INDUSTRIAL ARTICLES"],
      ["ZAP010101AA1", "ZAPATA HERMANOS"],
    ]);
    expect(
      companies.map((company) => company.places.map((place) => [place.label, place.assignedUserCount])),
    ).toEqual([
      [
        ["06000 — Alfa (ÁGUILA DEL NORTE)", 0],
        ["06000 — Beta (ÁGUILA DEL NORTE)", 0],
        ["64000 — Zeta (ÁGUILA DEL NORTE)", 0],
      ],
      [
        ["06000 — Centro (ESCUELA KEMPER URGATE)", 2],
        ["64000 — Monterrey Norte (ESCUELA KEMPER URGATE)", 0],
      ],
      [["26015 — Matriz (XENON INDUSTRIAL ARTICLES)", 1]],
      [],
    ]);
    expect(companies[1]?.places[0]).toMatchObject({
      id: places.kemperCentro,
      companyId: companies[1]?.id,
      rfc: "EKU9003173C9",
      postalCode: "06000",
      name: "Centro",
    });
    expect(await auditRowsOf(testDatabase.database, context)).toEqual([]);
  });

  it("lets a support agent read the catalogue", async () => {
    const companies = await listCompaniesWithPlaces(dependencies, { context: supportContext() });
    expect(companies).toHaveLength(4);
  });

  it("refuses a Slack user with no role and audits the refusal", async () => {
    const context = nobodyContext();
    await expect(listCompaniesWithPlaces(dependencies, { context })).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "access.denied",
        actorId: "U0NOBODY01",
        result: "denied",
        changes: { attempted: "place.list" },
      },
    ]);
  });
});
