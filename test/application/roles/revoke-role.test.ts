import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rolesOf } from "../../../src/application/authorization.ts";
import { revokeRole } from "../../../src/application/roles/revoke-role.ts";
import {
  ADMIN_SLACK_ID,
  adminContext,
  grantRoleDirectly,
  SUPPORT_SLACK_ID,
  seedBasics,
  slackContext,
} from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`revokeRole (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  /** A second bot replica on PostgreSQL (its own connection pool); the same one on the embedded database. */
  let otherReplica: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    otherReplica =
      testDatabaseKind === "postgresql"
        ? createTestDependencies(await testDatabase.openAnother())
        : dependencies;
    await seedBasics(testDatabase.database);
  });
  afterAll(() => testDatabase.close());

  /** Leaves exactly these Slack users as active admins. */
  async function onlyAdmins(...slackUserIds: string[]): Promise<void> {
    await testDatabase.database.prisma.roleAssignment.deleteMany({ where: { role: "ADMIN" } });
    for (const slackUserId of slackUserIds)
      await grantRoleDirectly(testDatabase.database, slackUserId, "ADMIN");
  }

  const activeAdmins = () =>
    testDatabase.database.prisma.roleAssignment.count({ where: { role: "ADMIN", revokedAt: null } });

  describe("one at a time", () => {
    beforeEach(() => onlyAdmins(ADMIN_SLACK_ID));

    it("takes the role's rights away at once, keeps the row as revoked and audits it", async () => {
      await grantRoleDirectly(testDatabase.database, SUPPORT_SLACK_ID, "SUPPORT");
      await revokeRole(dependencies, {
        context: adminContext(),
        slackUserId: SUPPORT_SLACK_ID,
        role: "SUPPORT",
      });
      expect(await rolesOf(testDatabase.database.prisma, slackContext(SUPPORT_SLACK_ID))).toEqual([]);
      const row = await testDatabase.database.prisma.roleAssignment.findUnique({
        where: { slackUserId_role: { slackUserId: SUPPORT_SLACK_ID, role: "SUPPORT" } },
      });
      expect(row).toMatchObject({ revokedBy: ADMIN_SLACK_ID, revokedAt: dependencies.clock() });
      const audit = await testDatabase.database.prisma.auditEvent.findFirst({
        where: { action: "role.revoked", targetLabel: SUPPORT_SLACK_ID },
      });
      expect(audit).toMatchObject({
        actorId: ADMIN_SLACK_ID,
        targetType: "slack_user",
        result: "success",
        changes: { roles: { before: ["SUPPORT"], after: [] } },
      });
    });

    it("says a role that is not held, or already revoked, is not granted", async () => {
      for (const role of ["SUPPORT", "ADMIN"] as const) {
        const attempt = revokeRole(dependencies, {
          context: adminContext(),
          slackUserId: SUPPORT_SLACK_ID,
          role,
        });
        await expect(attempt).rejects.toMatchObject({ code: "ROLE_NOT_GRANTED" });
      }
    });

    it("refuses to remove the last admin, even when the admin removes themself", async () => {
      const auditsBefore = await testDatabase.database.prisma.auditEvent.count();
      const attempt = revokeRole(dependencies, {
        context: adminContext(),
        slackUserId: ADMIN_SLACK_ID,
        role: "ADMIN",
      });
      await expect(attempt).rejects.toMatchObject({ code: "LAST_ADMIN" });
      expect(await rolesOf(testDatabase.database.prisma, adminContext())).toEqual(["ADMIN"]);
      expect(await testDatabase.database.prisma.auditEvent.count()).toBe(auditsBefore);
    });

    it("lets an admin step down while another admin remains", async () => {
      await grantRoleDirectly(testDatabase.database, "U0SECOND1", "ADMIN");
      await revokeRole(dependencies, { context: adminContext(), slackUserId: ADMIN_SLACK_ID, role: "ADMIN" });
      expect(await rolesOf(testDatabase.database.prisma, adminContext())).toEqual([]);
      const attempt = revokeRole(dependencies, {
        context: slackContext("U0SECOND1"),
        slackUserId: "U0SECOND1",
        role: "ADMIN",
      });
      await expect(attempt).rejects.toMatchObject({ code: "LAST_ADMIN" });
    });
  });

  describe(`at the same moment${testDatabaseKind === "postgresql" ? ", from two replicas" : ""}`, () => {
    it("leaves one admin when two admins revoke each other, every time", async () => {
      for (let round = 0; round < 5; round += 1) {
        await onlyAdmins("U0ALICE01", "U0BRUNO01");
        const results = await Promise.allSettled([
          revokeRole(dependencies, {
            context: slackContext("U0ALICE01"),
            slackUserId: "U0BRUNO01",
            role: "ADMIN",
          }),
          revokeRole(otherReplica, {
            context: slackContext("U0BRUNO01"),
            slackUserId: "U0ALICE01",
            role: "ADMIN",
          }),
        ]);
        expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
        for (const result of results) {
          if (result.status === "rejected") {
            // Refused by the count of admins, or — when the other revoke committed first — for no longer being one.
            expect(["LAST_ADMIN", "ACCESS_DENIED"]).toContain((result.reason as { code?: string }).code);
          }
        }
        expect(await activeAdmins()).toBe(1);
      }
    });

    it("keeps an admin when eight admins each revoke the next one at once", async () => {
      const admins = Array.from({ length: 8 }, (_, index) => `U0RING00${index}`);
      await onlyAdmins(...admins);
      const results = await Promise.allSettled(
        admins.map((admin, index) =>
          revokeRole(index % 2 === 0 ? dependencies : otherReplica, {
            context: slackContext(admin),
            slackUserId: admins[(index + 1) % admins.length] ?? admin,
            role: "ADMIN",
          }),
        ),
      );
      for (const result of results) {
        if (result.status === "rejected") {
          expect(["LAST_ADMIN", "ACCESS_DENIED"]).toContain((result.reason as { code?: string }).code);
        }
      }
      const remaining = await activeAdmins();
      expect(remaining).toBeGreaterThanOrEqual(1);
      expect(remaining).toBe(
        admins.length - results.filter((result) => result.status === "fulfilled").length,
      );
    });
  });
});
