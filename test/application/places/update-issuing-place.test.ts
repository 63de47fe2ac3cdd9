import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateIssuingPlace } from "../../../src/application/places/update-issuing-place.ts";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import { findPortalUser } from "../../../src/application/users/find-portal-user.ts";
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

describe(`updateIssuingPlace (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  let places: TSeededPlaces;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    places = await seedBasics(testDatabase.database);
    await createPortalUser(dependencies, {
      context: adminContext(),
      fields: {
        username: "ana.ruiz",
        fullName: "Ana Ruiz",
        email: "ana@example.com",
        placeIds: [places.kemperNorte],
      },
    });
  });
  afterAll(() => testDatabase.close());

  it("renames a place; its users keep it under the new label; the audit row lists what changed", async () => {
    const context = adminContext();
    const place = await updateIssuingPlace(dependencies, {
      context,
      placeId: places.kemperNorte,
      fields: { postalCode: "64010", name: "Monterrey  Poniente" },
    });
    expect(place).toMatchObject({
      id: places.kemperNorte,
      label: "64010 — Monterrey Poniente (ESCUELA KEMPER URGATE)",
    });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "place.updated",
        actorRole: "ADMIN",
        targetId: places.kemperNorte,
        targetLabel: "64010 — Monterrey Poniente (ESCUELA KEMPER URGATE)",
        result: "success",
        changes: {
          postalCode: { before: "64000", after: "64010" },
          name: { before: "Monterrey Norte", after: "Monterrey Poniente" },
        },
      },
    ]);
    const user = await findPortalUser(testDatabase.database.prisma, { username: "ana.ruiz" }, new Date());
    expect(user.places.map((held) => held.label)).toEqual([
      "64010 — Monterrey Poniente (ESCUELA KEMPER URGATE)",
    ]);
  });

  it("lets a place change only the case of its own name", async () => {
    const place = await updateIssuingPlace(dependencies, {
      context: adminContext(),
      placeId: places.kemperNorte,
      fields: { postalCode: "64010", name: "MONTERREY PONIENTE" },
    });
    expect(place.name).toBe("MONTERREY PONIENTE");
  });

  it("writes no audit row when nothing changed", async () => {
    const context = adminContext();
    await updateIssuingPlace(dependencies, {
      context,
      placeId: places.kemperNorte,
      fields: { postalCode: "64010", name: "MONTERREY PONIENTE" },
    });
    expect(await auditRowsOf(testDatabase.database, context)).toEqual([]);
  });

  it("refuses to become a twin of another place of the company", async () => {
    const attempt = updateIssuingPlace(dependencies, {
      context: adminContext(),
      placeId: places.kemperNorte,
      fields: { postalCode: "06000", name: "centro" },
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [{ field: "placeName", code: "PLACE_TAKEN" }],
    });
  });

  it("answers every bad field at once", async () => {
    const attempt = updateIssuingPlace(dependencies, {
      context: adminContext(),
      placeId: places.kemperNorte,
      fields: { postalCode: "640", name: "" },
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [
        { field: "postalCode", code: "POSTAL_CODE_INVALID" },
        { field: "placeName", code: "PLACE_NAME_INVALID" },
      ],
    });
  });

  it("says the place does not exist for an unknown id", async () => {
    const attempt = updateIssuingPlace(dependencies, {
      context: adminContext(),
      placeId: "00000000-0000-4000-8000-000000000000",
      fields: { postalCode: "01000", name: "Nada" },
    });
    await expect(attempt).rejects.toMatchObject({ code: "PLACE_NOT_FOUND" });
  });

  it.each([
    ["a support agent", supportContext],
    ["a Slack user with no role", nobodyContext],
  ])("refuses %s and audits the refusal", async (_who, makeContext) => {
    const context = makeContext();
    const attempt = updateIssuingPlace(dependencies, {
      context,
      placeId: places.xenonMatriz,
      fields: { postalCode: "26015", name: "Cambiada" },
    });
    await expect(attempt).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "access.denied",
        result: "denied",
        targetId: places.xenonMatriz,
        changes: { attempted: "place.updated" },
      },
    ]);
    const stored = await testDatabase.database.prisma.issuingPlace.findUnique({
      where: { id: places.xenonMatriz },
    });
    expect(stored?.name).toBe("Matriz");
  });
});
