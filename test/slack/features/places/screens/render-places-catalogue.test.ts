// The catalogue as each caller is shown it, read from a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalUser } from "../../../../../src/application/users/create-portal-user.ts";
import type { TSlackFeatureDependencies } from "../../../../../src/slack/feature-dependencies.ts";
import { renderPlacesCatalogue } from "../../../../../src/slack/features/places/screens/render-places-catalogue.ts";
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
import { actionIds } from "../catalogue-fixtures.ts";

describe(`the /lugares catalogue screen (${testDatabaseKind} database)`, () => {
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

  it("shows admins the catalogue with its buttons and support agents without; refuses anyone else", async () => {
    const forAdmin = await renderPlacesCatalogue(dependencies, adminContext(), { state: { page: 1 } });
    const text = JSON.stringify(forAdmin.blocks);
    expect(text).toContain(
      "64000 — Monterrey Norte (ESCUELA KEMPER URGATE)\\n_2 usuario(s) lo tienen asignado_",
    );
    expect(text).toContain("26015 — Matriz (XENON INDUSTRIAL ARTICLES)\\n_1 usuario(s) lo tienen asignado_");
    expect(actionIds(forAdmin.blocks)).toContain("places.company.new");
    const forSupport = await renderPlacesCatalogue(dependencies, supportContext(), { state: { page: 1 } });
    expect(JSON.stringify(forSupport.blocks)).toContain("06000 — Centro (ESCUELA KEMPER URGATE)");
    expect(actionIds(forSupport.blocks)).toEqual([]);
    await expect(
      renderPlacesCatalogue(dependencies, nobodyContext(), { state: { page: 1 } }),
    ).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
  });
});
