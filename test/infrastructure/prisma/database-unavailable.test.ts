// isDatabaseUnavailable tells "the database did not answer" from "the query was wrong", on the
// errors the real clients throw: Prisma's and pg's for a server that refuses connections, and a
// plain SQL error from a database that answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../../src/infrastructure/prisma/database-unavailable.ts";
import { type Database, openDatabase } from "../../../src/infrastructure/prisma/open-database.ts";
import { createTestDatabase, type TTestDatabase } from "../../support/test-database.ts";

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
}

describe("isDatabaseUnavailable", () => {
  let unreachable: Database;
  let answering: TTestDatabase;
  beforeAll(async () => {
    // Port 1 on this machine: nothing listens, every connection is refused.
    unreachable = await openDatabase(
      { kind: "postgresql", url: "postgresql://postgres@127.0.0.1:1/none" },
      { migrate: false },
    );
    answering = await createTestDatabase();
  });
  afterAll(async () => {
    await unreachable.close();
    await answering.close();
  });

  it("is true for a server that refuses connections, through Prisma and through plain SQL", async () => {
    expect(isDatabaseUnavailable(await errorOf(() => unreachable.prisma.portalUser.count()))).toBe(true);
    const plain = await errorOf(() => unreachable.withSql((sql) => sql.query("SELECT 1")));
    expect(isDatabaseUnavailable(plain)).toBe(true);
  });

  it("is false for a query the database answered with an error, and for errors of other kinds", async () => {
    const sqlError = await errorOf(() =>
      answering.database.withSql((sql) => sql.query("SELECT * FROM no_such_table")),
    );
    expect(isDatabaseUnavailable(sqlError)).toBe(false);
    const prismaError = await errorOf(() =>
      answering.database.prisma.portalUser.create({ data: { username: "x" } as never }),
    );
    expect(isDatabaseUnavailable(prismaError)).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
