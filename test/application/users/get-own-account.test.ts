import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOwnAccount } from "../../../src/application/users/get-own-account.ts";
import type { TRequestContext } from "../../../src/domain/actor.ts";
import { adminContext, nobodyContext, seedBasics, slackContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`getOwnAccount (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    const places = await seedBasics(testDatabase.database);
    await testDatabase.database.prisma.portalUser.create({
      data: {
        username: "maria.lopez",
        fullName: "María López",
        email: "maria@example.com",
        emailNormalized: "maria@example.com",
        slackUserId: "U0MARIA01",
        places: { create: [{ placeId: places.xenonMatriz }] },
      },
    });
  });
  afterAll(() => testDatabase.close());

  it("shows a Slack user with no role the account linked to them", async () => {
    const account = await getOwnAccount(dependencies, { context: slackContext("U0MARIA01") });
    expect(account).toMatchObject({
      username: "maria.lopez",
      email: "maria@example.com",
      slackUserId: "U0MARIA01",
    });
    expect(account?.places.map((place) => place.label)).toEqual([
      "26015 — Matriz (XENON INDUSTRIAL ARTICLES)",
    ]);
  });

  it("finds nothing for a Slack user with no linked account, whatever their role", async () => {
    expect(await getOwnAccount(dependencies, { context: nobodyContext() })).toBeUndefined();
    expect(await getOwnAccount(dependencies, { context: adminContext() })).toBeUndefined();
  });

  it("finds nothing for an actor that is not a Slack user", async () => {
    const portal: TRequestContext = { actor: { kind: "portal" }, requestId: "portal-request" };
    expect(await getOwnAccount(dependencies, { context: portal })).toBeUndefined();
  });

  it("audits nothing: reading one's own account is not a change, found or not", async () => {
    const before = await testDatabase.database.prisma.auditEvent.count();
    expect(await getOwnAccount(dependencies, { context: slackContext("U0MARIA01") })).toBeDefined();
    expect(await getOwnAccount(dependencies, { context: nobodyContext() })).toBeUndefined();
    expect(await testDatabase.database.prisma.auditEvent.count()).toBe(before);
    expect(before).toBe(0);
  });
});
