import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rolesOf } from "../../../src/application/authorization.ts";
import { grantRole } from "../../../src/application/roles/grant-role.ts";
import { revokeRole } from "../../../src/application/roles/revoke-role.ts";
import {
  ADMIN_SLACK_ID,
  adminContext,
  seedBasics,
  slackContext,
  supportContext,
} from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`grantRole (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    await seedBasics(testDatabase.database);
  });
  afterAll(() => testDatabase.close());

  it("gives the Slack user the role's rights at once and audits who granted it", async () => {
    const holder = await grantRole(dependencies, {
      context: adminContext(),
      slackUserId: "U0NEWSUP1",
      role: "SUPPORT",
    });
    expect(holder).toMatchObject({ slackUserId: "U0NEWSUP1", role: "SUPPORT", grantedBy: ADMIN_SLACK_ID });
    expect(await rolesOf(testDatabase.database.prisma, slackContext("U0NEWSUP1"))).toEqual(["SUPPORT"]);
    const audit = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "role.granted", targetLabel: "U0NEWSUP1" },
    });
    expect(audit).toMatchObject({
      actorId: ADMIN_SLACK_ID,
      actorRole: "ADMIN",
      targetType: "slack_user",
      targetId: "U0NEWSUP1",
      result: "success",
      changes: { roles: { before: [], after: ["SUPPORT"] } },
    });
  });

  it("accepts a Slack user id typed in lower case", async () => {
    const holder = await grantRole(dependencies, {
      context: adminContext(),
      slackUserId: " u0lower01 ",
      role: "ADMIN",
    });
    expect(holder.slackUserId).toBe("U0LOWER01");
  });

  it("refuses a role the user already holds, and stores and audits nothing", async () => {
    const auditsBefore = await testDatabase.database.prisma.auditEvent.count();
    const attempt = grantRole(dependencies, {
      context: adminContext(),
      slackUserId: "U0NEWSUP1",
      role: "SUPPORT",
    });
    await expect(attempt).rejects.toMatchObject({ code: "ROLE_ALREADY_GRANTED" });
    expect(await testDatabase.database.prisma.auditEvent.count()).toBe(auditsBefore);
  });

  it("re-activates a revoked role, keeping one row", async () => {
    await revokeRole(dependencies, { context: adminContext(), slackUserId: "U0NEWSUP1", role: "SUPPORT" });
    expect(await rolesOf(testDatabase.database.prisma, slackContext("U0NEWSUP1"))).toEqual([]);
    await grantRole(dependencies, { context: adminContext(), slackUserId: "U0NEWSUP1", role: "SUPPORT" });
    const rows = await testDatabase.database.prisma.roleAssignment.findMany({
      where: { slackUserId: "U0NEWSUP1" },
    });
    expect(rows).toEqual([expect.objectContaining({ role: "SUPPORT", revokedAt: null, revokedBy: null })]);
  });

  it("grants a second role next to the first and records both in the audit row", async () => {
    await grantRole(dependencies, { context: adminContext(), slackUserId: "U0NEWSUP1", role: "ADMIN" });
    const audit = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "role.granted", targetLabel: "U0NEWSUP1" },
      orderBy: { id: "desc" },
    });
    expect(audit?.changes).toEqual({ roles: { before: ["SUPPORT"], after: ["ADMIN", "SUPPORT"] } });
  });

  it("makes one grant of five concurrent ones", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        grantRole(dependencies, { context: adminContext(), slackUserId: "U0RACE001", role: "SUPPORT" }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "ROLE_ALREADY_GRANTED" });
    }
    expect(await testDatabase.database.prisma.auditEvent.count({ where: { targetLabel: "U0RACE001" } })).toBe(
      1,
    );
  });

  it("refuses an id that is not a Slack user id", async () => {
    const attempt = grantRole(dependencies, {
      context: adminContext(),
      slackUserId: "juan",
      role: "SUPPORT",
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [{ field: "slackUserId", code: "SLACK_USER_INVALID" }],
    });
  });

  it("refuses a support agent and audits the refusal", async () => {
    const context = supportContext();
    const attempt = grantRole(dependencies, { context, slackUserId: "U0SUPPORT1", role: "ADMIN" });
    await expect(attempt).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    const denied = await testDatabase.database.prisma.auditEvent.findFirst({
      where: { action: "access.denied", requestId: context.requestId },
    });
    expect(denied).toMatchObject({
      result: "denied",
      targetLabel: "U0SUPPORT1",
      changes: { attempted: "role.granted" },
    });
    expect(await rolesOf(testDatabase.database.prisma, context)).toEqual(["SUPPORT"]);
  });
});
