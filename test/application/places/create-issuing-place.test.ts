import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIssuingPlace } from "../../../src/application/places/create-issuing-place.ts";
import { DomainError, ValidationError } from "../../../src/domain/errors.ts";
import { adminContext, nobodyContext, seedBasics, supportContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";
import { auditRowsOf } from "./audit-rows.ts";

describe(`createIssuingPlace (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  let kemperId: string;
  let xenonId: string;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    await seedBasics(testDatabase.database);
    const companyIdOf = async (rfc: string) =>
      (await testDatabase.database.prisma.company.findUniqueOrThrow({ where: { rfc } })).id;
    kemperId = await companyIdOf("EKU9003173C9");
    xenonId = await companyIdOf("XIA190128J61");
  });
  afterAll(() => testDatabase.close());

  it("stores the place under its company, tidied, and audits it with its label", async () => {
    const context = adminContext();
    const place = await createIssuingPlace(dependencies, {
      context,
      companyId: kemperId,
      fields: { postalCode: " 76000 ", name: "  Querétaro   Sur " },
    });
    expect(place).toMatchObject({
      companyId: kemperId,
      rfc: "EKU9003173C9",
      postalCode: "76000",
      name: "Querétaro Sur",
      label: "76000 — Querétaro Sur (ESCUELA KEMPER URGATE)",
    });
    const stored = await testDatabase.database.prisma.issuingPlace.findUnique({ where: { id: place.id } });
    expect(stored).toMatchObject({ companyId: kemperId, postalCode: "76000", name: "Querétaro Sur" });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "place.created",
        actorRole: "ADMIN",
        targetType: "issuing_place",
        targetId: place.id,
        targetLabel: "76000 — Querétaro Sur (ESCUELA KEMPER URGATE)",
        result: "success",
        changes: {
          after: {
            rfc: "EKU9003173C9",
            companyLegalName: "ESCUELA KEMPER URGATE",
            postalCode: "76000",
            name: "Querétaro Sur",
          },
        },
      },
    ]);
  });

  it.each([["6000"], ["060000"], ["06A00"], [""]])("refuses the código postal %j", async (postalCode) => {
    const attempt = createIssuingPlace(dependencies, {
      context: adminContext(),
      companyId: kemperId,
      fields: { postalCode, name: "Sucursal" },
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [{ field: "postalCode", code: "POSTAL_CODE_INVALID" }],
    });
  });

  it.each([
    ["empty", "  "],
    ["too long", "x".repeat(121)],
  ])("refuses a %s name", async (_what, name) => {
    const attempt = createIssuingPlace(dependencies, {
      context: adminContext(),
      companyId: kemperId,
      fields: { postalCode: "01000", name },
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [{ field: "placeName", code: "PLACE_NAME_INVALID" }],
    });
  });

  it("answers both bad fields at once and stores nothing", async () => {
    const before = await testDatabase.database.prisma.issuingPlace.count();
    const attempt = createIssuingPlace(dependencies, {
      context: adminContext(),
      companyId: kemperId,
      fields: { postalCode: "1", name: "" },
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [
        { field: "postalCode", code: "POSTAL_CODE_INVALID" },
        { field: "placeName", code: "PLACE_NAME_INVALID" },
      ],
    });
    expect(await testDatabase.database.prisma.issuingPlace.count()).toBe(before);
  });

  it.each([["Centro"], ["CENTRO"]])(
    "refuses a second %s at the same código postal of the same company",
    async (name) => {
      const attempt = createIssuingPlace(dependencies, {
        context: adminContext(),
        companyId: kemperId,
        fields: { postalCode: "06000", name },
      });
      await expect(attempt).rejects.toMatchObject({
        fieldErrors: [{ field: "placeName", code: "PLACE_TAKEN" }],
      });
      expect(
        await testDatabase.database.prisma.issuingPlace.count({
          where: { companyId: kemperId, postalCode: "06000" },
        }),
      ).toBe(1);
    },
  );

  it("accepts the same código postal and name for another company", async () => {
    const place = await createIssuingPlace(dependencies, {
      context: adminContext(),
      companyId: xenonId,
      fields: { postalCode: "06000", name: "Centro" },
    });
    expect(place.label).toBe("06000 — Centro (XENON INDUSTRIAL ARTICLES)");
  });

  it("makes exactly one place of 10 concurrent creates of one place", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        createIssuingPlace(dependencies, {
          context: adminContext(),
          companyId: xenonId,
          fields: { postalCode: "44100", name: "Guadalajara" },
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({ fieldErrors: [{ field: "placeName", code: "PLACE_TAKEN" }] });
      }
    }
    expect(
      await testDatabase.database.prisma.issuingPlace.count({
        where: { companyId: xenonId, postalCode: "44100" },
      }),
    ).toBe(1);
  });

  it.each([
    ["an unknown id", "00000000-0000-4000-8000-000000000000"],
    ["a malformed id", "kemper"],
  ])("says the company does not exist for %s", async (_what, companyId) => {
    const attempt = createIssuingPlace(dependencies, {
      context: adminContext(),
      companyId,
      fields: { postalCode: "01000", name: "Nada" },
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: "COMPANY_NOT_FOUND" });
  });

  it.each([
    ["a support agent", supportContext],
    ["a Slack user with no role", nobodyContext],
  ])("refuses %s and audits the refusal", async (_who, makeContext) => {
    const context = makeContext();
    const attempt = createIssuingPlace(dependencies, {
      context,
      companyId: kemperId,
      fields: { postalCode: "99999", name: "Intrusa" },
    });
    await expect(attempt).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    expect(await auditRowsOf(testDatabase.database, context)).toMatchObject([
      {
        action: "access.denied",
        result: "denied",
        targetLabel: "99999 — Intrusa",
        changes: { attempted: "place.created" },
      },
    ]);
    expect(await testDatabase.database.prisma.issuingPlace.count({ where: { postalCode: "99999" } })).toBe(0);
  });
});
