import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import { DomainError, ValidationError } from "../../../src/domain/errors.ts";
import {
  adminContext,
  nobodyContext,
  seedBasics,
  supportContext,
  type TSeededPlaces,
} from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`createPortalUser (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let places: TSeededPlaces;
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    places = await seedBasics(testDatabase.database);
  });
  afterAll(() => testDatabase.close());

  const fields = (overrides: Record<string, unknown> = {}) => ({
    username: "maria.lopez",
    fullName: "María López",
    email: "Maria.Lopez@Example.com",
    placeIds: [places.kemperCentro],
    ...overrides,
  });

  it("stores the account, its places, the audit event and the welcome email in one go", async () => {
    const user = await createPortalUser(dependencies, { context: adminContext(), fields: fields() });
    expect(user).toMatchObject({
      username: "maria.lopez",
      email: "Maria.Lopez@Example.com",
      hasPassword: false,
    });
    expect(user.places.map((place) => place.label)).toEqual(["06000 — Centro (ESCUELA KEMPER URGATE)"]);
    const audit = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "user.created" },
    });
    expect(audit).toMatchObject({
      actorId: "U0ADMIN01",
      actorRole: "ADMIN",
      targetLabel: "maria.lopez",
      result: "success",
    });
    const outbox = await testDatabase.database.prisma.outboxMessage.findMany({
      where: { kind: "email.credentials" },
    });
    expect(outbox.map((message) => message.payload)).toEqual([
      { reason: "welcome", userId: user.id, locale: "es", requestedBy: "U0ADMIN01" },
    ]);
  });

  it.each([
    ["username", { username: "MARIA.LOPEZ", email: "other@example.com" }, "USERNAME_TAKEN"],
    ["email", { username: "otra.persona", email: "MARIA.LOPEZ@EXAMPLE.COM" }, "EMAIL_TAKEN"],
  ])("refuses a duplicate %s in any case with a coded error on the field", async (field, overrides, code) => {
    const attempt = createPortalUser(dependencies, { context: adminContext(), fields: fields(overrides) });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: [{ field, code }] });
  });

  it("answers every bad field at once and stores nothing", async () => {
    const before = await testDatabase.database.prisma.portalUser.count();
    const attempt = createPortalUser(dependencies, {
      context: adminContext(),
      fields: { username: "a b", fullName: " ", email: "not-an-email", placeIds: [] },
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [
        { field: "username", code: "USERNAME_INVALID" },
        { field: "fullName", code: "FULL_NAME_INVALID" },
        { field: "email", code: "EMAIL_INVALID" },
        { field: "placeIds", code: "PLACES_REQUIRED" },
      ],
    });
    expect(await testDatabase.database.prisma.portalUser.count()).toBe(before);
  });

  it("refuses a place that does not exist", async () => {
    const attempt = createPortalUser(dependencies, {
      context: adminContext(),
      fields: fields({
        username: "nadie",
        email: "nadie@example.com",
        placeIds: ["00000000-0000-4000-8000-000000000000"],
      }),
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [{ field: "placeIds", code: "PLACE_NOT_FOUND" }],
    });
  });

  it.each([
    ["a support agent", supportContext],
    ["a Slack user with no role", nobodyContext],
  ])("refuses %s and audits the refusal", async (_who, context) => {
    const attempt = createPortalUser(dependencies, {
      context: context(),
      fields: fields({ username: "intruso", email: "intruso@example.com" }),
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    const denied = await testDatabase.database.prisma.auditEvent.findFirst({
      where: {
        action: "access.denied",
        actorId:
          context().actor.kind === "slack" ? (context().actor as { slackUserId: string }).slackUserId : "",
      },
    });
    expect(denied).toMatchObject({
      result: "denied",
      targetLabel: "intruso",
      changes: { attempted: "user.created" },
    });
    expect(await testDatabase.database.prisma.portalUser.count({ where: { username: "intruso" } })).toBe(0);
  });

  it("makes exactly one user of 20 concurrent creates with one email", async () => {
    const email = "carrera@example.com";
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        createPortalUser(dependencies, {
          context: adminContext(),
          fields: fields({
            username: `carrera${index}`,
            email: index % 2 === 0 ? email : email.toUpperCase(),
          }),
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({ fieldErrors: [{ field: "email", code: "EMAIL_TAKEN" }] });
      }
    }
    expect(await testDatabase.database.prisma.portalUser.count({ where: { emailNormalized: email } })).toBe(
      1,
    );
  });
});
