import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPortalUsers } from "../../../src/application/users/list-portal-users.ts";
import { adminContext, nobodyContext, seedBasics, supportContext } from "../../support/seed.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`listPortalUsers (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database);
    const places = await seedBasics(testDatabase.database);
    const accounts = [
      // 22 accounts at Escuela Kemper's Centro (06000), and three with other places.
      ...Array.from({ length: 22 }, (_, index) => {
        const number = String(index + 1).padStart(2, "0");
        return {
          username: `cliente${number}`,
          fullName: `Cliente ${number}`,
          email: `cliente${number}@example.com`,
          placeIds: [places.kemperCentro],
        };
      }),
      {
        username: "maria.lopez",
        fullName: "María López Núñez",
        email: "Maria.Lopez@Correo.MX",
        placeIds: [places.xenonMatriz],
      },
      {
        username: "jperez",
        fullName: "Juan Pérez",
        email: "juan@empresa.mx",
        placeIds: [places.kemperNorte],
      },
      {
        username: "ana_ruiz",
        fullName: "Ana Ruiz",
        email: "ana@example.com",
        placeIds: [places.xenonMatriz, places.kemperNorte],
      },
    ];
    for (const account of accounts) {
      await testDatabase.database.prisma.portalUser.create({
        data: {
          username: account.username,
          fullName: account.fullName,
          email: account.email,
          emailNormalized: account.email.toLowerCase(),
          places: { create: account.placeIds.map((placeId) => ({ placeId })) },
        },
      });
    }
  });
  afterAll(() => testDatabase.close());

  const usernames = (page: { users: readonly { username: string }[] }) =>
    page.users.map((user) => user.username);

  it("pages 25 accounts 10 at a time, ordered by username", async () => {
    const first = await listPortalUsers(dependencies, { context: adminContext() });
    expect(first).toMatchObject({ page: 1, pageSize: 10, total: 25, pageCount: 3 });
    expect(usernames(first)).toEqual([
      "ana_ruiz",
      "cliente01",
      "cliente02",
      "cliente03",
      "cliente04",
      "cliente05",
      "cliente06",
      "cliente07",
      "cliente08",
      "cliente09",
    ]);
    const second = await listPortalUsers(dependencies, { context: adminContext(), page: 2 });
    expect(usernames(second)).toEqual(Array.from({ length: 10 }, (_, index) => `cliente${index + 10}`));
    const third = await listPortalUsers(dependencies, { context: adminContext(), page: 3 });
    expect(third).toMatchObject({ page: 3, total: 25, pageCount: 3 });
    expect(usernames(third)).toEqual(["cliente20", "cliente21", "cliente22", "jperez", "maria.lopez"]);
  });

  it("shows the last page for a page past the end, and the first for a page before it", async () => {
    const past = await listPortalUsers(dependencies, { context: adminContext(), page: 99 });
    expect(past.page).toBe(3);
    expect(usernames(past)).toHaveLength(5);
    expect((await listPortalUsers(dependencies, { context: adminContext(), page: 0 })).page).toBe(1);
  });

  it("serves at most 50 a page and at least 1", async () => {
    const large = await listPortalUsers(dependencies, { context: adminContext(), pageSize: 500 });
    expect(large).toMatchObject({ pageSize: 50, pageCount: 1 });
    expect(large.users).toHaveLength(25);
    const small = await listPortalUsers(dependencies, { context: adminContext(), pageSize: 0 });
    expect(small).toMatchObject({ pageSize: 1, pageCount: 25 });
  });

  it("returns each account with its places, never its password hash", async () => {
    const page = await listPortalUsers(dependencies, { context: adminContext(), query: "ana_ruiz" });
    expect(page.users[0]?.places.map((place) => place.label)).toEqual([
      "26015 — Matriz (XENON INDUSTRIAL ARTICLES)",
      "64000 — Monterrey Norte (ESCUELA KEMPER URGATE)",
    ]);
    expect(JSON.stringify(page)).not.toMatch(/passwordHash/);
  });

  it.each([
    ["the account", "  MARIA.LOPEZ ", ["maria.lopez"]],
    ["a part of the name, in any case", "núñez", ["maria.lopez"]],
    ["a part of the email, in any case", "CORREO.mx", ["maria.lopez"]],
    ["a código postal", "26015", ["ana_ruiz", "maria.lopez"]],
    ["a company's RFC, in any case", "xia190128j61", ["ana_ruiz", "maria.lopez"]],
    ["a company's razón social, in any case", "xenon industrial", ["ana_ruiz", "maria.lopez"]],
    ["a LIKE wildcard, taken literally", "_", ["ana_ruiz"]],
    ["a percent sign, taken literally", "%", []],
    ["a backslash, taken literally", "\\", []],
    ["an accented part of the name in capitals", "LÓPEZ NÚÑEZ", ["maria.lopez"]],
    ["the name typed without its accents", "maria lopez nunez", ["maria.lopez"]],
    ["the name with accents where it has none", "Ána Rúiz", ["ana_ruiz"]],
  ])("finds accounts by %s", async (_what, query, expected) => {
    const page = await listPortalUsers(dependencies, { context: adminContext(), query, pageSize: 50 });
    expect(usernames(page)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it("shows the last page of a search for a page past its end", async () => {
    const page = await listPortalUsers(dependencies, { context: adminContext(), query: "Kemper", page: 9 });
    expect(page).toMatchObject({ page: 3, total: 24, pageCount: 3 });
    expect(usernames(page)).toEqual(["cliente20", "cliente21", "cliente22", "jperez"]);
  });

  it("counts and pages the matches of a search", async () => {
    const page = await listPortalUsers(dependencies, { context: adminContext(), query: "Kemper", page: 3 });
    expect(page).toMatchObject({ page: 3, total: 24, pageCount: 3 });
    expect(usernames(page)).toEqual(["cliente20", "cliente21", "cliente22", "jperez"]);
  });

  it("answers an empty result as one empty page", async () => {
    const page = await listPortalUsers(dependencies, {
      context: adminContext(),
      query: "nadie-se-llama-así",
    });
    expect(page).toMatchObject({ users: [], page: 1, total: 0, pageCount: 1 });
  });

  it("serves a support agent, and refuses a Slack user with no role", async () => {
    expect((await listPortalUsers(dependencies, { context: supportContext() })).total).toBe(25);
    await expect(listPortalUsers(dependencies, { context: nobodyContext() })).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
  });
});
