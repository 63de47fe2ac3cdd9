// A fresh, migrated database for one test file: the embedded PGlite in memory by default, or a new
// database on the PostgreSQL server of TEST_DATABASE_URL (each test file gets its own, dropped after).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/infrastructure/prisma/open-database.ts";
import { readMigratedTemplate } from "./embedded-template.ts";

export const testDatabaseKind = process.env.TEST_DATABASE_URL ? "postgresql" : "embedded";

export interface TTestDatabase {
  readonly database: Database;
  /** Opens another connection to the same database (another "replica"); PostgreSQL only. */
  openAnother(): Promise<Database>;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TTestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl === undefined || serverUrl === "") {
    const template = await readMigratedTemplate();
    const database = await openDatabase({
      kind: "embedded",
      directory: "memory://",
      ...(template === undefined ? {} : { initialContents: template }),
    });
    return {
      database,
      openAnother: () => Promise.reject(new Error("the embedded database has a single connection")),
      close: () => database.close(),
    };
  }
  const name = `premiumone_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgresql", url: url.toString() });
  const others: Database[] = [];
  return {
    database,
    async openAnother() {
      const other = await openDatabase({ kind: "postgresql", url: url.toString() }, { migrate: false });
      others.push(other);
      return other;
    },
    async close() {
      for (const other of others) await other.close();
      await database.close();
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleaner.end();
    },
  };
}
