import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rolesOf } from "../../../src/application/authorization.ts";
import { bootstrapRoles } from "../../../src/application/roles/bootstrap-roles.ts";
import { revokeRole } from "../../../src/application/roles/revoke-role.ts";
import { slackContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`bootstrapRoles (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
  });
  afterAll(() => testDatabase.close());

  const environment = {
    adminSlackUserIds: ["U0BOSS001", "U0BOSS002"],
    supportSlackUserIds: ["U0DESK001", "U0BOSS002"],
  };
  const roleRows = () =>
    testDatabase.database.prisma.roleAssignment.findMany({
      orderBy: [{ slackUserId: "asc" }, { role: "asc" }],
    });

  it("grants the roles of the environment on an empty database, each grant audited by the bot", async () => {
    const granted = await bootstrapRoles(dependencies, environment);
    expect(granted.map((holder) => `${holder.slackUserId}:${holder.role}`)).toEqual([
      "U0BOSS001:ADMIN",
      "U0BOSS002:ADMIN",
      "U0DESK001:SUPPORT",
      "U0BOSS002:SUPPORT",
    ]);
    expect(await rolesOf(testDatabase.database.prisma, slackContext("U0BOSS002"))).toEqual([
      "ADMIN",
      "SUPPORT",
    ]);
    const audits = await testDatabase.database.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(audits).toHaveLength(4);
    for (const audit of audits) {
      expect(audit).toMatchObject({
        action: "role.granted",
        actorType: "system",
        actorId: "system:bootstrap",
        actorRole: "SYSTEM",
        targetType: "slack_user",
        result: "success",
      });
    }
    expect(audits[0]).toMatchObject({
      targetLabel: "U0BOSS001",
      reason: "granted at start from ADMIN_SLACK_USER_IDS",
    });
  });

  it("grants nothing and audits nothing the second time", async () => {
    const rowsBefore = await roleRows();
    const auditsBefore = await testDatabase.database.prisma.auditEvent.count();
    expect(await bootstrapRoles(dependencies, environment)).toEqual([]);
    expect(await roleRows()).toEqual(rowsBefore);
    expect(await testDatabase.database.prisma.auditEvent.count()).toBe(auditsBefore);
  });

  it("does not re-grant at a restart a role an admin revoked in Slack", async () => {
    await revokeRole(dependencies, {
      context: slackContext("U0BOSS001"),
      slackUserId: "U0BOSS002",
      role: "ADMIN",
    });
    expect(await bootstrapRoles(dependencies, environment)).toEqual([]);
    expect(await rolesOf(testDatabase.database.prisma, slackContext("U0BOSS002"))).toEqual(["SUPPORT"]);
  });

  it("grants an id added to the environment later, once, even when replicas start together", async () => {
    const replicas = [dependencies];
    if (testDatabaseKind === "postgresql")
      replicas.push(createTestDependencies(await testDatabase.openAnother()));
    const later = { ...environment, supportSlackUserIds: [...environment.supportSlackUserIds, "U0DESK002"] };
    const results = await Promise.all(
      [...replicas, ...replicas].map((replica) => bootstrapRoles(replica, later)),
    );
    expect(results.flat().map((holder) => `${holder.slackUserId}:${holder.role}`)).toEqual([
      "U0DESK002:SUPPORT",
    ]);
    expect(await testDatabase.database.prisma.auditEvent.count({ where: { targetLabel: "U0DESK002" } })).toBe(
      1,
    );
  });

  it("refuses ids that are not Slack user ids, naming the variable, and grants nothing", async () => {
    const rowsBefore = await roleRows();
    const attempt = bootstrapRoles(dependencies, {
      adminSlackUserIds: ["juan"],
      supportSlackUserIds: ["U0DESK009"],
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [
        { field: "ADMIN_SLACK_USER_IDS", code: "SLACK_USER_INVALID", parameters: { slackUserId: "JUAN" } },
      ],
    });
    expect(await roleRows()).toEqual(rowsBefore);
  });
});
