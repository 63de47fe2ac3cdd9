import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCompany } from "../../../src/application/places/create-company.ts";
import { updateCompany } from "../../../src/application/places/update-company.ts";
import { adminContext, nobodyContext, seedBasics, supportContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";
import { auditRowsOf } from "./audit-rows.ts";

describe(`updateCompany (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  let companyId: string;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    await seedBasics(testDatabase.database);
    const company = await createCompany(dependencies, {
      context: adminContext(),
      fields: { rfc: "CACX7605101P8", legalName: "XOCHILT CASAS" },
    });
    companyId = company.id;
  });
  afterAll(() => testDatabase.close());

  it("changes the razón social and audits only what changed", async () => {
    const context = adminContext();
    const company = await updateCompany(dependencies, {
      context,
      companyId,
      fields: { rfc: "cacx7605101p8", legalName: " XOCHILT  CASAS CHAVEZ " },
    });
    expect(company).toEqual({ id: companyId, rfc: "CACX7605101P8", legalName: "XOCHILT CASAS CHAVEZ" });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "company.updated",
        actorRole: "ADMIN",
        targetId: companyId,
        targetLabel: "CACX7605101P8",
        result: "success",
        changes: { legalName: { before: "XOCHILT CASAS", after: "XOCHILT CASAS CHAVEZ" } },
      },
    ]);
  });

  it("changes the RFC, to one with Ñ", async () => {
    const context = adminContext();
    const company = await updateCompany(dependencies, {
      context,
      companyId,
      fields: { rfc: "ñacx7605101p8", legalName: "XOCHILT CASAS CHAVEZ" },
    });
    expect(company.rfc).toBe("ÑACX7605101P8");
    const [audit] = await auditRowsOf(testDatabase.database, context);
    expect(audit?.changes).toEqual({ rfc: { before: "CACX7605101P8", after: "ÑACX7605101P8" } });
  });

  it("writes no audit row when nothing changed", async () => {
    const context = adminContext();
    await updateCompany(dependencies, {
      context,
      companyId,
      fields: { rfc: "ÑACX7605101P8", legalName: "XOCHILT CASAS CHAVEZ" },
    });
    expect(await auditRowsOf(testDatabase.database, context)).toEqual([]);
  });

  it("refuses the RFC of another company", async () => {
    const attempt = updateCompany(dependencies, {
      context: adminContext(),
      companyId,
      fields: { rfc: "XIA190128J61", legalName: "XOCHILT CASAS CHAVEZ" },
    });
    await expect(attempt).rejects.toMatchObject({ fieldErrors: [{ field: "rfc", code: "RFC_TAKEN" }] });
    const stored = await testDatabase.database.prisma.company.findUnique({ where: { id: companyId } });
    expect(stored?.rfc).toBe("ÑACX7605101P8");
  });

  it("answers every bad field at once", async () => {
    const attempt = updateCompany(dependencies, {
      context: adminContext(),
      companyId,
      fields: { rfc: "ABC", legalName: " " },
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [
        { field: "rfc", code: "RFC_INVALID" },
        { field: "legalName", code: "COMPANY_NAME_INVALID" },
      ],
    });
  });

  it.each([
    ["an unknown id", "00000000-0000-4000-8000-000000000000"],
    ["a malformed id", "not-an-id"],
  ])("says the company does not exist for %s", async (_what, id) => {
    const attempt = updateCompany(dependencies, {
      context: adminContext(),
      companyId: id,
      fields: { rfc: "AAA010101AA1", legalName: "NADIE" },
    });
    await expect(attempt).rejects.toMatchObject({ code: "COMPANY_NOT_FOUND" });
  });

  it.each([
    ["a support agent", supportContext],
    ["a Slack user with no role", nobodyContext],
  ])("refuses %s and audits the refusal", async (_who, makeContext) => {
    const context = makeContext();
    const attempt = updateCompany(dependencies, {
      context,
      companyId,
      fields: { rfc: "ÑACX7605101P8", legalName: "CAMBIADA SIN PERMISO" },
    });
    await expect(attempt).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "access.denied",
        result: "denied",
        targetId: companyId,
        changes: { attempted: "company.updated" },
      },
    ]);
    const stored = await testDatabase.database.prisma.company.findUnique({ where: { id: companyId } });
    expect(stored?.legalName).toBe("XOCHILT CASAS CHAVEZ");
  });
});
