import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "../../../src/application/roles/grant-role.ts";
import { listRoleHolders } from "../../../src/application/roles/list-role-holders.ts";
import { revokeRole } from "../../../src/application/roles/revoke-role.ts";
import {
  ADMIN_SLACK_ID,
  adminContext,
  nobodyContext,
  SUPPORT_SLACK_ID,
  seedBasics,
  supportContext,
} from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`listRoleHolders (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    await seedBasics(testDatabase.database);
    await grantRole(dependencies, { context: adminContext(), slackUserId: "U0SECOND1", role: "ADMIN" });
    await grantRole(dependencies, { context: adminContext(), slackUserId: "U0GONE001", role: "SUPPORT" });
    await revokeRole(dependencies, { context: adminContext(), slackUserId: "U0GONE001", role: "SUPPORT" });
  });
  afterAll(() => testDatabase.close());

  it("lists the active holders of each role to a support agent, leaving out revoked ones", async () => {
    const holders = await listRoleHolders(dependencies, { context: supportContext() });
    expect(holders.ADMIN.map((holder) => holder.slackUserId).sort()).toEqual([ADMIN_SLACK_ID, "U0SECOND1"]);
    expect(holders.SUPPORT.map((holder) => holder.slackUserId)).toEqual([SUPPORT_SLACK_ID]);
    expect(holders.ADMIN.find((holder) => holder.slackUserId === "U0SECOND1")).toMatchObject({
      role: "ADMIN",
      grantedBy: ADMIN_SLACK_ID,
    });
  });

  it("refuses a Slack user with no role", async () => {
    await expect(listRoleHolders(dependencies, { context: nobodyContext() })).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
  });
});
