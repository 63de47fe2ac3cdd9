import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/application/audit/list-audit-events.ts";
import { recordTestAuditEvent } from "../../support/audit-events.ts";
import { adminContext, nobodyContext, seedBasics, supportContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`listAuditEvents (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  const ids: bigint[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    await seedBasics(testDatabase.database);
    // 25 events: 12 about maria.lopez, 13 about jperez, alternating, one minute apart.
    for (let index = 0; index < 25; index += 1) {
      ids.push(
        await recordTestAuditEvent(testDatabase.database, {
          targetLabel: index % 2 === 0 ? "jperez" : "maria.lopez",
          changes: { sequence: index },
          occurredAt: new Date(Date.UTC(2026, 10, 28, 12, index)),
        }),
      );
    }
  });
  afterAll(() => testDatabase.close());

  const sequences = (page: { events: readonly { changes: unknown }[] }) =>
    page.events.map((event) => (event.changes as { sequence: number }).sequence);

  it("shows the newest events first, 10 a page", async () => {
    const first = await listAuditEvents(dependencies, { context: supportContext() });
    expect(first).toMatchObject({ page: 1, pageSize: 10, total: 25, pageCount: 3 });
    expect(sequences(first)).toEqual([24, 23, 22, 21, 20, 19, 18, 17, 16, 15]);
    expect(first.events[0]).toMatchObject({
      id: ids[24],
      occurredAt: new Date("2026-11-28T12:24:00.000Z"),
      actorId: "U0ADMIN01",
      actorRole: "ADMIN",
      action: "user.updated",
      targetLabel: "jperez",
      result: "success",
    });
    const last = await listAuditEvents(dependencies, { context: supportContext(), page: 3 });
    expect(sequences(last)).toEqual([4, 3, 2, 1, 0]);
  });

  it("keeps the chain's hashes out of what people see", async () => {
    const page = await listAuditEvents(dependencies, { context: adminContext(), pageSize: 1 });
    expect(Object.keys(page.events[0] ?? {})).not.toContain("hash");
    expect(Object.keys(page.events[0] ?? {})).not.toContain("previousHash");
  });

  it("filters by account, typed in any case", async () => {
    const page = await listAuditEvents(dependencies, {
      context: supportContext(),
      username: "  Maria.LOPEZ ",
    });
    expect(page).toMatchObject({ page: 1, total: 12, pageCount: 2 });
    expect(sequences(page)).toEqual([23, 21, 19, 17, 15, 13, 11, 9, 7, 5]);
    const second = await listAuditEvents(dependencies, {
      context: supportContext(),
      username: "maria.lopez",
      page: 2,
    });
    expect(sequences(second)).toEqual([3, 1]);
  });

  it("pages at most 50 at a time and answers a page past the end with the last", async () => {
    const large = await listAuditEvents(dependencies, { context: supportContext(), pageSize: 80 });
    expect(large).toMatchObject({ pageSize: 50, pageCount: 1 });
    expect(large.events).toHaveLength(25);
    expect((await listAuditEvents(dependencies, { context: supportContext(), page: 7 })).page).toBe(3);
  });

  it("answers an account with no events as one empty page", async () => {
    const page = await listAuditEvents(dependencies, { context: supportContext(), username: "nadie" });
    expect(page).toMatchObject({ events: [], total: 0, page: 1, pageCount: 1 });
  });

  it("refuses a Slack user with no role, and that refusal is itself in the trail", async () => {
    const context = nobodyContext();
    await expect(listAuditEvents(dependencies, { context, username: "maria.lopez" })).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
    const newest = await listAuditEvents(dependencies, { context: supportContext(), pageSize: 1 });
    expect(newest.events[0]).toMatchObject({
      action: "access.denied",
      actorId: "U0NOBODY01",
      requestId: context.requestId,
      targetLabel: "maria.lopez",
      changes: { attempted: "audit.list" },
    });
  });
});
