import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../../src/application/audit/verify-audit-chain.ts";
import { grantRole } from "../../../src/application/roles/grant-role.ts";
import { createPortalUser } from "../../../src/application/users/create-portal-user.ts";
import { auditEventHash } from "../../../src/domain/audit-chain.ts";
import { recordTestAuditEvent, tamperWithAuditEvents } from "../../support/audit-events.ts";
import { adminContext, seedBasics } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`verifyAuditChain (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  const ids: bigint[] = [];

  const prisma = () => testDatabase.database.prisma;
  const idAt = (index: number): bigint => {
    const id = ids[index];
    if (id === undefined) throw new Error(`no event ${index}`);
    return id;
  };

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    const dependencies = createTestDependencies(testDatabase.database);
    const places = await seedBasics(testDatabase.database);
    // Values whose JSON round trip through the database could differ from what was hashed, if anything could.
    const awkwardChanges = [
      { zeta: 1, alpha: { nested: [3, 2, 1], "key with spaces": "value" }, omitted: undefined },
      {
        rfc: "AÑO850101AB1",
        legalName: "Niños & Compañía, S.A. de C.V.",
        emoji: "🧾",
        quote: 'say "hi"\n\ttab',
      },
      {
        small: 0.1,
        sum: 0.1 + 0.2,
        negative: -42.5,
        huge: 1e21,
        tiny: 5e-324,
        beyond: Number.MAX_SAFE_INTEGER * 16,
      },
      { empty: {}, list: [], nothing: null, truth: true, falsehood: false, mixed: [null, "a", 1, { b: [] }] },
      { lockedUntil: new Date("2026-12-01T08:30:00.000Z").toISOString(), attempts: 5 },
      // A Date is stored as its ISO text; the writer hashes that text too.
      { lockedUntil: { before: null, after: new Date("2026-12-01T08:30:00.000Z") } },
    ];
    for (const changes of awkwardChanges) {
      ids.push(await recordTestAuditEvent(testDatabase.database, { targetLabel: "maria.lopez", changes }));
    }
    ids.push(
      await recordTestAuditEvent(testDatabase.database, { action: "user.deleted", reason: "sin cambios" }),
    );
    // And rows as the use cases write them.
    await createPortalUser(dependencies, {
      context: adminContext(),
      fields: {
        username: "ana.ruiz",
        fullName: "Ana Ruiz",
        email: "ana@example.com",
        placeIds: [places.kemperCentro],
      },
    });
    await grantRole(dependencies, { context: adminContext(), slackUserId: "U0NEWSUP1", role: "SUPPORT" });
    ids.push(
      ...(await prisma().auditEvent.findMany({ where: { id: { gt: idAt(6) } }, select: { id: true } })).map(
        (row) => row.id,
      ),
    );
    // What a refusal may record of what was tried: text PostgreSQL cannot hold as given.
    ids.push(
      await recordTestAuditEvent(testDatabase.database, {
        targetLabel: "ana\udfff\u0000",
        reason: "tried \ud83d",
        changes: { attempted: "ana\u0000ruiz", lone: "\ud800", half: "🧾".slice(0, 1) },
      }),
    );
  });
  afterAll(() => testDatabase.close());

  it("finds a clean chain intact, read in one batch or in many", async () => {
    expect(ids).toHaveLength(10);
    expect(await verifyAuditChain(prisma())).toEqual({ ok: true, rows: 10 });
    expect(await verifyAuditChain(prisma(), { batchSize: 3 })).toEqual({ ok: true, rows: 10 });
    expect(await verifyAuditChain(prisma(), { batchSize: 1 })).toEqual({ ok: true, rows: 10 });
  });

  it.each([
    ["UPDATE audit_events SET action = 'user.created'", "UPDATE"],
    ["DELETE FROM audit_events WHERE id = (SELECT min(id) FROM audit_events)", "DELETE"],
    ["TRUNCATE audit_events", "TRUNCATE"],
  ])("is protected by the database: %s is refused", async (sql, operation) => {
    await expect(prisma().$executeRawUnsafe(sql)).rejects.toThrow(
      new RegExp(`append-only: ${operation} refused`),
    );
    expect(await prisma().auditEvent.count()).toBe(10);
    expect(await verifyAuditChain(prisma())).toEqual({ ok: true, rows: 10 });
  });

  it("names a row whose changes were edited, and is satisfied again once they are restored", async () => {
    const original = await prisma().auditEvent.findUniqueOrThrow({ where: { id: idAt(3) } });
    await tamperWithAuditEvents(
      testDatabase.database,
      `UPDATE audit_events SET changes = jsonb_set(changes, '{truth}', 'false') WHERE id = ${idAt(3)}`,
    );
    expect(await verifyAuditChain(prisma(), { batchSize: 2 })).toEqual({
      ok: false,
      rows: 4,
      firstBadRow: { id: idAt(3), action: "user.updated", occurredAt: original.occurredAt },
      problem: "content",
    });
    await tamperWithAuditEvents(
      testDatabase.database,
      `UPDATE audit_events SET changes = $1::jsonb WHERE id = ${idAt(3)}`,
      JSON.stringify(original.changes),
    );
    expect(await verifyAuditChain(prisma())).toEqual({ ok: true, rows: 10 });
  });

  it("names a row whose action was edited", async () => {
    await tamperWithAuditEvents(
      testDatabase.database,
      `UPDATE audit_events SET action = 'user.created' WHERE id = ${idAt(6)}`,
    );
    const verdict = await verifyAuditChain(prisma());
    expect(verdict).toMatchObject({
      ok: false,
      rows: 7,
      firstBadRow: { id: idAt(6), action: "user.created" },
      problem: "content",
    });
    await tamperWithAuditEvents(
      testDatabase.database,
      `UPDATE audit_events SET action = 'user.deleted' WHERE id = ${idAt(6)}`,
    );
    expect(await verifyAuditChain(prisma())).toEqual({ ok: true, rows: 10 });
  });

  it("catches a row rewritten with a freshly computed hash at the row after it", async () => {
    const original = await prisma().auditEvent.findUniqueOrThrow({ where: { id: idAt(1) } });
    const forged = auditEventHash({ ...original, reason: "nada que ver" });
    await tamperWithAuditEvents(
      testDatabase.database,
      `UPDATE audit_events SET reason = 'nada que ver', hash = $1 WHERE id = ${idAt(1)}`,
      forged,
    );
    expect(await verifyAuditChain(prisma())).toMatchObject({
      ok: false,
      rows: 3,
      firstBadRow: { id: idAt(2) },
      problem: "link",
    });
    await tamperWithAuditEvents(
      testDatabase.database,
      `UPDATE audit_events SET reason = NULL, hash = $1 WHERE id = ${idAt(1)}`,
      original.hash,
    );
    expect(await verifyAuditChain(prisma())).toEqual({ ok: true, rows: 10 });
  });

  it("finds a deleted middle row as a broken link at the next row, also across a batch boundary", async () => {
    await tamperWithAuditEvents(testDatabase.database, `DELETE FROM audit_events WHERE id = ${idAt(4)}`);
    const expected = {
      ok: false,
      rows: 5,
      firstBadRow: { id: idAt(5), action: "user.updated" },
      problem: "link",
    };
    expect(await verifyAuditChain(prisma())).toMatchObject(expected);
    // With batches of 4, the row after the gap opens the second batch: the link is checked across batches.
    expect(await verifyAuditChain(prisma(), { batchSize: 4 })).toMatchObject(expected);
  });
});
