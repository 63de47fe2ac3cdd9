import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPortalUser } from "../../../src/application/users/get-portal-user.ts";
import { adminContext, nobodyContext, seedBasics, supportContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`getPortalUser (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  let userId: string;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    const places = await seedBasics(testDatabase.database);
    const user = await testDatabase.database.prisma.portalUser.create({
      data: {
        username: "maria.lopez",
        fullName: "María López",
        email: "maria@example.com",
        emailNormalized: "maria@example.com",
        places: { create: [{ placeId: places.kemperCentro }] },
      },
    });
    userId = user.id;
  });
  afterAll(() => testDatabase.close());

  it("finds an account by its username typed in any case, or by its id", async () => {
    const byName = await getPortalUser(dependencies, {
      context: supportContext(),
      user: { username: " MARIA.Lopez " },
    });
    expect(byName).toMatchObject({ id: userId, username: "maria.lopez", hasPassword: false });
    expect(byName.places.map((place) => place.label)).toEqual(["06000 — Centro (ESCUELA KEMPER URGATE)"]);
    expect(await getPortalUser(dependencies, { context: adminContext(), user: { id: userId } })).toEqual(
      byName,
    );
  });

  it("says which account was not found", async () => {
    const attempt = getPortalUser(dependencies, { context: adminContext(), user: { username: "nadie" } });
    await expect(attempt).rejects.toMatchObject({ code: "USER_NOT_FOUND", parameters: { account: "nadie" } });
  });

  it("refuses a Slack user with no role and audits the refusal", async () => {
    const context = nobodyContext();
    const attempt = getPortalUser(dependencies, { context, user: { username: "maria.lopez" } });
    await expect(attempt).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    const denied = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { requestId: context.requestId },
    });
    expect(denied).toMatchObject({ action: "access.denied", targetLabel: "maria.lopez" });
  });

  it("shows the account before a change only to whoever may make it, auditing the attempted change", async () => {
    const question = { user: { username: "maria.lopez" }, beforeChange: "user.deleted" } as const;
    expect(await getPortalUser(dependencies, { context: adminContext(), ...question })).toMatchObject({
      id: userId,
    });
    const context = supportContext();
    await expect(getPortalUser(dependencies, { context, ...question })).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
    const denied = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { requestId: context.requestId },
    });
    expect(denied).toMatchObject({
      action: "access.denied",
      targetLabel: "maria.lopez",
      changes: { attempted: "user.deleted" },
    });
  });
});
