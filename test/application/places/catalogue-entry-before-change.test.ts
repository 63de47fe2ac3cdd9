// What an admin may open a form or a question on (getCompanyWithPlaces, getCataloguePlace): the
// company or place with what its holders would lose, only for those who may change it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCataloguePlace } from "../../../src/application/places/get-catalogue-place.ts";
import { getCompanyWithPlaces } from "../../../src/application/places/get-company-with-places.ts";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import { AuditAction } from "../../../src/domain/audit-actions.ts";
import { adminContext, seedBasics, supportContext, type TSeededPlaces } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";
import { auditRowsOf } from "./audit-rows.ts";

describe(`a company or place read before a change (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  let places: TSeededPlaces;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    places = await seedBasics(testDatabase.database);
    const createUser = (username: string, placeIds: string[]) =>
      createPortalUser(dependencies, {
        context: adminContext(),
        fields: { username, fullName: username, email: `${username}@example.com`, placeIds },
      });
    await createUser("ana.ruiz", [places.kemperNorte]);
    await createUser("beto.diaz", [places.kemperNorte, places.xenonMatriz]);
  });
  afterAll(() => testDatabase.close());

  it("gives an admin the place with its holder count, and its company with every place", async () => {
    const { company, place } = await getCataloguePlace(dependencies, {
      context: adminContext(),
      placeId: places.kemperNorte,
      beforeChange: AuditAction.PLACE_REMOVED,
    });
    expect(place).toMatchObject({
      label: "64000 — Monterrey Norte (ESCUELA KEMPER URGATE)",
      assignedUserCount: 2,
    });
    expect(company.rfc).toBe("EKU9003173C9");
    const kemper = await getCompanyWithPlaces(dependencies, {
      context: adminContext(),
      companyId: company.id,
      beforeChange: AuditAction.COMPANY_UPDATED,
    });
    expect(kemper.places.map((entry) => entry.label)).toEqual([
      "06000 — Centro (ESCUELA KEMPER URGATE)",
      "64000 — Monterrey Norte (ESCUELA KEMPER URGATE)",
    ]);
  });

  it("refuses a support agent and audits the refusal as an attempt at the change", async () => {
    const context = supportContext();
    await expect(
      getCataloguePlace(dependencies, {
        context,
        placeId: places.kemperNorte,
        beforeChange: AuditAction.PLACE_REMOVED,
      }),
    ).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      { action: "access.denied", targetId: places.kemperNorte, changes: { attempted: "place.removed" } },
    ]);
  });

  it("says a company or place is gone, also for an id that cannot name one", async () => {
    for (const companyId of ["c0000000-0000-4000-8000-000000000404", "'; DROP TABLE"]) {
      await expect(
        getCompanyWithPlaces(dependencies, {
          context: adminContext(),
          companyId,
          beforeChange: AuditAction.COMPANY_REMOVED,
        }),
      ).rejects.toMatchObject({ code: "COMPANY_NOT_FOUND" });
    }
    for (const placeId of ["d0000000-0000-4000-8000-000000000404", "not-a-uuid"]) {
      await expect(
        getCataloguePlace(dependencies, {
          context: adminContext(),
          placeId,
          beforeChange: AuditAction.PLACE_UPDATED,
        }),
      ).rejects.toMatchObject({ code: "PLACE_NOT_FOUND" });
    }
  });
});
