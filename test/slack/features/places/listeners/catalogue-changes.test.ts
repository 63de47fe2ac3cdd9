// The listeners' helpers against a real database: what the catalogue shows to whom, what an admin may
// open a form or a question on, and that a Sí removes a place exactly as the question said.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalUser } from "../../../../../src/application/users/create-portal-user.ts";
import { AuditAction } from "../../../../../src/domain/audit-actions.ts";
import type { TSlackFeatureDependencies } from "../../../../../src/slack/feature-dependencies.ts";
import {
  companyToChange,
  placeToChange,
} from "../../../../../src/slack/features/places/listeners/catalogue-entries.ts";
import { removePlaceAsAgreed } from "../../../../../src/slack/features/places/listeners/remove-place-as-agreed.ts";
import { renderPlacesCatalogue } from "../../../../../src/slack/features/places/listeners/render-places-catalogue.ts";
import {
  adminContext,
  nobodyContext,
  seedBasics,
  supportContext,
  type TSeededPlaces,
} from "../../../../support/seed.ts";
import {
  createTestDatabase,
  type TTestDatabase,
  testDatabaseKind,
} from "../../../../support/test-database.ts";
import { createTestDependencies } from "../../../../support/use-case-dependencies.ts";
import { actionIds, uuidOf } from "../catalogue-fixtures.ts";

describe(`/lugares listeners' helpers (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: TSlackFeatureDependencies;
  let places: TSeededPlaces;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    const useCases = createTestDependencies(testDatabase.database);
    dependencies = { useCases, locale: "es", logger: useCases.logger, supportContact: undefined };
    places = await seedBasics(testDatabase.database);
    const createUser = (username: string, placeIds: string[]) =>
      createPortalUser(useCases, {
        context: adminContext(),
        fields: { username, fullName: username, email: `${username}@example.com`, placeIds },
      });
    await createUser("ana.ruiz", [places.kemperNorte]);
    await createUser("beto.diaz", [places.kemperNorte, places.xenonMatriz]);
  });
  afterAll(() => testDatabase.close());

  const placeExists = async (id: string) =>
    (await testDatabase.database.prisma.issuingPlace.count({ where: { id } })) === 1;

  it("shows admins the catalogue with its buttons and support agents without; refuses anyone else", async () => {
    const forAdmin = await renderPlacesCatalogue(dependencies, adminContext(), { state: { p: 1 } });
    const text = JSON.stringify(forAdmin.blocks);
    expect(text).toContain(
      "64000 — Monterrey Norte (ESCUELA KEMPER URGATE)\\n_2 usuario(s) lo tienen asignado_",
    );
    expect(text).toContain("26015 — Matriz (XENON INDUSTRIAL ARTICLES)\\n_1 usuario(s) lo tienen asignado_");
    expect(actionIds(forAdmin.blocks)).toContain("places.company.new");
    const forSupport = await renderPlacesCatalogue(dependencies, supportContext(), { state: { p: 1 } });
    expect(JSON.stringify(forSupport.blocks)).toContain("06000 — Centro (ESCUELA KEMPER URGATE)");
    expect(actionIds(forSupport.blocks)).toEqual([]);
    await expect(
      renderPlacesCatalogue(dependencies, nobodyContext(), { state: { p: 1 } }),
    ).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
  });

  it("lets only admins open a form or a question on a company or place, and says when it is gone", async () => {
    const { company, place } = await placeToChange(dependencies, {
      requestContext: adminContext(),
      placeId: places.kemperNorte,
      attempt: AuditAction.PLACE_REMOVED,
    });
    expect(place).toMatchObject({
      label: "64000 — Monterrey Norte (ESCUELA KEMPER URGATE)",
      assignedUserCount: 2,
    });
    expect(company.rfc).toBe("EKU9003173C9");
    const kemper = await companyToChange(dependencies, {
      requestContext: adminContext(),
      companyId: company.id,
      attempt: AuditAction.COMPANY_UPDATED,
    });
    expect(kemper.places).toHaveLength(2);
    await expect(
      placeToChange(dependencies, {
        requestContext: supportContext(),
        placeId: places.kemperNorte,
        attempt: AuditAction.PLACE_REMOVED,
      }),
    ).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    await expect(
      companyToChange(dependencies, {
        requestContext: adminContext(),
        companyId: uuidOf("c", 404),
        attempt: AuditAction.COMPANY_REMOVED,
      }),
    ).rejects.toMatchObject({ code: "COMPANY_NOT_FOUND" });
  });

  it("does not take a place from more users than the admin was told of; asks again with the count", async () => {
    for (const agreedHolders of [0, 1]) {
      await expect(
        removePlaceAsAgreed(dependencies, {
          requestContext: adminContext(),
          placeId: places.kemperNorte,
          agreedHolders,
        }),
      ).rejects.toMatchObject({ code: "PLACE_IN_USE", parameters: { count: 2, leftWithoutPlaces: 1 } });
    }
    expect(await placeExists(places.kemperNorte)).toBe(true);
  });

  it("removes a held place when the admin agreed to its holders, naming who is left without places", async () => {
    const removed = await removePlaceAsAgreed(dependencies, {
      requestContext: adminContext(),
      placeId: places.kemperNorte,
      agreedHolders: 2,
    });
    expect(removed.unassignedUsernames).toEqual(["ana.ruiz", "beto.diaz"]);
    expect(removed.usernamesLeftWithoutPlaces).toEqual(["ana.ruiz"]);
    expect(await placeExists(places.kemperNorte)).toBe(false);
  });

  it("removes a place nobody holds once: a second Sí finds it gone", async () => {
    const pressYes = () =>
      removePlaceAsAgreed(dependencies, {
        requestContext: adminContext(),
        placeId: places.kemperCentro,
        agreedHolders: 0,
      });
    const removed = await pressYes();
    expect(removed.unassignedUsernames).toEqual([]);
    await expect(pressYes()).rejects.toMatchObject({ code: "PLACE_NOT_FOUND" });
    const removals = await testDatabase.database.prisma.auditEvent.count({
      where: { action: AuditAction.PLACE_REMOVED, targetId: places.kemperCentro },
    });
    expect(removals).toBe(1);
  });

  it("refuses a support agent's Sí", async () => {
    await expect(
      removePlaceAsAgreed(dependencies, {
        requestContext: supportContext(),
        placeId: places.xenonMatriz,
        agreedHolders: 1,
      }),
    ).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    expect(await placeExists(places.xenonMatriz)).toBe(true);
  });
});
