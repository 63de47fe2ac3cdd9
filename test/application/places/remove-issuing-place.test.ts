import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIssuingPlace } from "../../../src/application/places/create-issuing-place.ts";
import { removeIssuingPlace } from "../../../src/application/places/remove-issuing-place.ts";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import { findPortalUser } from "../../../src/application/users/find-portal-user.ts";
import { DomainError } from "../../../src/domain/errors.ts";
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

describe(`removeIssuingPlace (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  let places: TSeededPlaces;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    places = await seedBasics(testDatabase.database);
  });
  afterAll(() => testDatabase.close());

  const createUser = (username: string, placeIds: string[]) =>
    createPortalUser(dependencies, {
      context: adminContext(),
      fields: { username, fullName: username, email: `${username}@example.com`, placeIds },
    });
  const placesOf = async (username: string) =>
    (await findPortalUser(testDatabase.database.prisma, { username }, new Date())).places.map(
      (place) => place.label,
    );
  const placeExists = async (id: string) =>
    (await testDatabase.database.prisma.issuingPlace.count({ where: { id } })) === 1;

  it("refuses to remove a place two users hold without the admin's agreement to both, naming the count", async () => {
    await createUser("ana.ruiz", [places.kemperCentro, places.kemperNorte]);
    await createUser("beto.diaz", [places.kemperCentro, places.xenonMatriz]);
    for (const agreedHolders of [undefined, 0, 1]) {
      const context = adminContext();
      const attempt = removeIssuingPlace(dependencies, {
        context,
        placeId: places.kemperCentro,
        agreedHolders,
      });
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(attempt).rejects.toMatchObject({
        code: "PLACE_IN_USE",
        parameters: { count: 2, leftWithoutPlaces: 0 },
      });
      expect(await auditRowsOf(testDatabase.database, context)).toEqual([]);
    }
    expect(await placeExists(places.kemperCentro)).toBe(true);
    expect(await placesOf("ana.ruiz")).toContain("06000 — Centro (ESCUELA KEMPER URGATE)");
    expect(await placesOf("beto.diaz")).toContain("06000 — Centro (ESCUELA KEMPER URGATE)");
  });

  it("agreed to, removes it from everyone; they keep their other places; the audit row names them", async () => {
    const context = adminContext();
    const removed = await removeIssuingPlace(dependencies, {
      context,
      placeId: places.kemperCentro,
      agreedHolders: 2,
    });
    expect(removed).toMatchObject({
      place: { id: places.kemperCentro, label: "06000 — Centro (ESCUELA KEMPER URGATE)" },
      unassignedUsernames: ["ana.ruiz", "beto.diaz"],
      usernamesLeftWithoutPlaces: [],
    });
    expect(await placeExists(places.kemperCentro)).toBe(false);
    expect(
      await testDatabase.database.prisma.portalUserPlace.count({ where: { placeId: places.kemperCentro } }),
    ).toBe(0);
    expect(await placesOf("ana.ruiz")).toEqual(["64000 — Monterrey Norte (ESCUELA KEMPER URGATE)"]);
    expect(await placesOf("beto.diaz")).toEqual(["26015 — Matriz (XENON INDUSTRIAL ARTICLES)"]);
    const rows = await auditRowsOf(testDatabase.database, context);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "place.removed",
      actorRole: "ADMIN",
      targetType: "issuing_place",
      targetId: places.kemperCentro,
      targetLabel: "06000 — Centro (ESCUELA KEMPER URGATE)",
      result: "success",
    });
    expect(rows[0]?.changes).toEqual({
      before: {
        rfc: "EKU9003173C9",
        companyLegalName: "ESCUELA KEMPER URGATE",
        postalCode: "06000",
        name: "Centro",
      },
      unassignedUsernames: ["ana.ruiz", "beto.diaz"],
    });
  });

  it("says the place is gone when Sí is pressed twice", async () => {
    const attempt = removeIssuingPlace(dependencies, {
      context: adminContext(),
      placeId: places.kemperCentro,
      agreedHolders: 2,
    });
    await expect(attempt).rejects.toMatchObject({ code: "PLACE_NOT_FOUND" });
    expect(await testDatabase.database.prisma.auditEvent.count({ where: { action: "place.removed" } })).toBe(
      1,
    );
  });

  it("warns how many users would be left without any place, and records who", async () => {
    const lonely = await createIssuingPlace(dependencies, {
      context: adminContext(),
      companyId: (
        await testDatabase.database.prisma.company.findUniqueOrThrow({ where: { rfc: "XIA190128J61" } })
      ).id,
      fields: { postalCode: "01000", name: "Álvaro Obregón" },
    });
    await createUser("solo.aqui", [lonely.id]);
    await createUser("con.otro", [lonely.id, places.xenonMatriz]);
    const attempt = removeIssuingPlace(dependencies, { context: adminContext(), placeId: lonely.id });
    await expect(attempt).rejects.toMatchObject({
      code: "PLACE_IN_USE",
      parameters: { count: 2, leftWithoutPlaces: 1 },
    });
    const context = adminContext();
    const removed = await removeIssuingPlace(dependencies, {
      context,
      placeId: lonely.id,
      agreedHolders: 2,
    });
    expect(removed.usernamesLeftWithoutPlaces).toEqual(["solo.aqui"]);
    expect(await placesOf("solo.aqui")).toEqual([]);
    const [audit] = await auditRowsOf(testDatabase.database, context);
    expect(audit?.changes).toMatchObject({
      unassignedUsernames: ["con.otro", "solo.aqui"],
      usernamesLeftWithoutPlaces: ["solo.aqui"],
    });
  });

  it("removes a place nobody holds without asking", async () => {
    const company = await testDatabase.database.prisma.company.findUniqueOrThrow({
      where: { rfc: "EKU9003173C9" },
    });
    const unheld = await createIssuingPlace(dependencies, {
      context: adminContext(),
      companyId: company.id,
      fields: { postalCode: "20000", name: "Aguascalientes" },
    });
    const context = adminContext();
    const removed = await removeIssuingPlace(dependencies, { context, placeId: unheld.id });
    expect(removed.unassignedUsernames).toEqual([]);
    expect(await placeExists(unheld.id)).toBe(false);
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      { action: "place.removed", changes: { unassignedUsernames: [] } },
    ]);
  });

  it.each([
    ["a support agent", supportContext],
    ["a Slack user with no role", nobodyContext],
  ])("refuses %s and audits the refusal", async (_who, makeContext) => {
    const context = makeContext();
    const attempt = removeIssuingPlace(dependencies, {
      context,
      placeId: places.xenonMatriz,
      agreedHolders: 1,
    });
    await expect(attempt).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "access.denied",
        result: "denied",
        targetId: places.xenonMatriz,
        changes: { attempted: "place.removed" },
      },
    ]);
    expect(await placeExists(places.xenonMatriz)).toBe(true);
  });
});
