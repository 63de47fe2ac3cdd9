import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCompany } from "../../../src/application/places/create-company.ts";
import { removeCompany } from "../../../src/application/places/remove-company.ts";
import { DomainError } from "../../../src/domain/errors.ts";
import { adminContext, nobodyContext, seedBasics, supportContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";
import { auditRowsOf } from "./audit-rows.ts";

describe(`removeCompany (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    await seedBasics(testDatabase.database);
  });
  afterAll(() => testDatabase.close());

  const companyIdOf = async (rfc: string) =>
    (await testDatabase.database.prisma.company.findUniqueOrThrow({ where: { rfc } })).id;

  it("refuses a company that still has places, saying how many", async () => {
    const context = adminContext();
    const companyId = await companyIdOf("EKU9003173C9");
    const attempt = removeCompany(dependencies, { context, companyId });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: "COMPANY_HAS_PLACES", parameters: { count: 2 } });
    expect(await testDatabase.database.prisma.company.count({ where: { id: companyId } })).toBe(1);
    expect(await testDatabase.database.prisma.issuingPlace.count({ where: { companyId } })).toBe(2);
    expect(await auditRowsOf(testDatabase.database, context)).toEqual([]);
  });

  it("removes a company with no places, keeping a snapshot in the audit trail, once", async () => {
    const company = await createCompany(dependencies, {
      context: adminContext(),
      fields: { rfc: "&AB010101AB1", legalName: "AMPERSAND & BROTHERS" },
    });
    const context = adminContext();
    const removed = await removeCompany(dependencies, { context, companyId: company.id });
    expect(removed).toEqual(company);
    expect(await testDatabase.database.prisma.company.count({ where: { id: company.id } })).toBe(0);
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "company.removed",
        actorRole: "ADMIN",
        targetId: company.id,
        targetLabel: "&AB010101AB1",
        result: "success",
        changes: { before: { rfc: "&AB010101AB1", legalName: "AMPERSAND & BROTHERS" } },
      },
    ]);
    const again = removeCompany(dependencies, { context: adminContext(), companyId: company.id });
    await expect(again).rejects.toMatchObject({ code: "COMPANY_NOT_FOUND" });
    expect(
      await testDatabase.database.prisma.auditEvent.count({ where: { action: "company.removed" } }),
    ).toBe(1);
  });

  it.each([
    ["a support agent", supportContext],
    ["a Slack user with no role", nobodyContext],
  ])("refuses %s and audits the refusal", async (_who, makeContext) => {
    const company = await testDatabase.database.prisma.company.create({
      data: { rfc: "VAC010101AA1", legalName: "VACÍA" },
    });
    const context = makeContext();
    const attempt = removeCompany(dependencies, { context, companyId: company.id });
    await expect(attempt).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "access.denied",
        result: "denied",
        targetId: company.id,
        changes: { attempted: "company.removed" },
      },
    ]);
    expect(await testDatabase.database.prisma.company.count({ where: { id: company.id } })).toBe(1);
    await testDatabase.database.prisma.company.delete({ where: { id: company.id } });
  });
});
