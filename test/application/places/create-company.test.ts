import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCompany } from "../../../src/application/places/create-company.ts";
import { RFC_PATTERN } from "../../../src/domain/company-rules.ts";
import { DomainError, ValidationError } from "../../../src/domain/errors.ts";
import { adminContext, nobodyContext, seedBasics, supportContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";
import { auditRowsOf } from "./audit-rows.ts";

describe(`createCompany (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    await seedBasics(testDatabase.database);
  });
  afterAll(() => testDatabase.close());

  it("stores the company with its RFC in upper case and its name tidied, and audits it", async () => {
    const context = adminContext();
    const company = await createCompany(dependencies, {
      context,
      fields: { rfc: " cacx-760510-1p8 ", legalName: "  XOCHILT   CASAS CHAVEZ " },
    });
    expect(company).toMatchObject({ rfc: "CACX7605101P8", legalName: "XOCHILT CASAS CHAVEZ" });
    const stored = await testDatabase.database.prisma.company.findUnique({ where: { rfc: "CACX7605101P8" } });
    expect(stored).toMatchObject({ id: company.id, legalName: "XOCHILT CASAS CHAVEZ" });
    const [audit, ...others] = await auditRowsOf(testDatabase.database, context);
    expect(others).toEqual([]);
    expect(audit).toMatchObject({
      action: "company.created",
      actorId: "U0ADMIN01",
      actorRole: "ADMIN",
      targetType: "company",
      targetId: company.id,
      targetLabel: "CACX7605101P8",
      result: "success",
      changes: { after: { rfc: "CACX7605101P8", legalName: "XOCHILT CASAS CHAVEZ" } },
    });
  });

  it.each([
    ["ñam190128j61", "ÑAM190128J61", "ÑANDÚES Y MÁS"],
    ["&ab010101ab1", "&AB010101AB1", "AMPERSAND & BROTHERS"],
  ])("accepts an RFC with Ñ or & (%s) and keeps it intact", async (typed, expected, legalName) => {
    expect(RFC_PATTERN.test(expected)).toBe(true);
    const company = await createCompany(dependencies, {
      context: adminContext(),
      fields: { rfc: typed, legalName },
    });
    expect(company.rfc).toBe(expected);
    const stored = await testDatabase.database.prisma.company.findUnique({ where: { rfc: expected } });
    expect(stored).toMatchObject({ rfc: expected, legalName });
  });

  it.each([
    ["ABC", "RFC_INVALID"],
    ["EKU9013173C9", "RFC_INVALID"],
    ["", "RFC_INVALID"],
  ])("refuses the RFC %j with %s on the field", async (rfc, code) => {
    const attempt = createCompany(dependencies, {
      context: adminContext(),
      fields: { rfc, legalName: "ALGUNA EMPRESA" },
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: [{ field: "rfc", code }] });
  });

  it.each([
    ["empty", "   "],
    ["too long", "A".repeat(255)],
  ])("refuses a %s razón social", async (_what, legalName) => {
    const attempt = createCompany(dependencies, {
      context: adminContext(),
      fields: { rfc: "AAA010101AA1", legalName },
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [{ field: "legalName", code: "COMPANY_NAME_INVALID" }],
    });
  });

  it("answers both bad fields at once and stores nothing", async () => {
    const before = await testDatabase.database.prisma.company.count();
    const attempt = createCompany(dependencies, {
      context: adminContext(),
      fields: { rfc: "ABC", legalName: "" },
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [
        { field: "rfc", code: "RFC_INVALID" },
        { field: "legalName", code: "COMPANY_NAME_INVALID" },
      ],
    });
    expect(await testDatabase.database.prisma.company.count()).toBe(before);
  });

  it("refuses an RFC already registered, however it is typed", async () => {
    const context = adminContext();
    const attempt = createCompany(dependencies, {
      context,
      fields: { rfc: "eku900317-3c9", legalName: "OTRA ESCUELA" },
    });
    await expect(attempt).rejects.toMatchObject({ fieldErrors: [{ field: "rfc", code: "RFC_TAKEN" }] });
    expect(await testDatabase.database.prisma.company.count({ where: { rfc: "EKU9003173C9" } })).toBe(1);
    expect(await auditRowsOf(testDatabase.database, context)).toEqual([]);
  });

  it("makes exactly one company of 10 concurrent creates with one RFC", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        createCompany(dependencies, {
          context: adminContext(),
          fields: { rfc: "CON0101018A1", legalName: `CARRERA ${index}` },
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({ fieldErrors: [{ field: "rfc", code: "RFC_TAKEN" }] });
      }
    }
    expect(await testDatabase.database.prisma.company.count({ where: { rfc: "CON0101018A1" } })).toBe(1);
  });

  it.each([
    ["a support agent", supportContext, "U0SUPPORT1", "SUPPORT"],
    ["a Slack user with no role", nobodyContext, "U0NOBODY01", "NONE"],
  ])("refuses %s and audits the refusal", async (_who, makeContext, actorId, actorRole) => {
    const context = makeContext();
    const attempt = createCompany(dependencies, {
      context,
      fields: { rfc: "INT010101AA1", legalName: "INTRUSA" },
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "access.denied",
        actorId,
        actorRole,
        result: "denied",
        targetLabel: "INT010101AA1",
        changes: { attempted: "company.created" },
      },
    ]);
    expect(await testDatabase.database.prisma.company.count({ where: { rfc: "INT010101AA1" } })).toBe(0);
  });
});
