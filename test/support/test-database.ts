// A migrated database for one test file, holding no rows: the embedded PGlite in memory by default,
// or a new database on the PostgreSQL server of TEST_DATABASE_URL (each test file gets its own,
// dropped after). Where the runner says its files share a process, one after another
// (vitest.config.ts), the embedded one is started once per process and emptied for each file:
// starting PGlite on its thread costs seconds, emptying it some milliseconds.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/infrastructure/prisma/open-database.ts";
import { readMigratedTemplate } from "./embedded-template.ts";
import { KEEP_EMBEDDED_DATABASE_VARIABLE } from "./shared-test-process.ts";

export const testDatabaseKind = process.env.TEST_DATABASE_URL ? "postgresql" : "embedded";
const EMPTYING_TIMEOUT_MILLISECONDS = 10_000;

export interface TTestDatabase {
  readonly database: Database;
  /** Opens another connection to the same database (another "replica"); PostgreSQL only. */
  openAnother(): Promise<Database>;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TTestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl === undefined || serverUrl === "") {
    if (process.env[KEEP_EMBEDDED_DATABASE_VARIABLE] === "1") return lendEmbeddedDatabase();
    const database = await openEmbeddedDatabase();
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

/** The embedded database this test process keeps between files, while no file holds it. */
let idleEmbedded: Database | undefined;

async function lendEmbeddedDatabase(): Promise<TTestDatabase> {
  const kept = idleEmbedded;
  idleEmbedded = undefined;
  const database = (kept !== undefined && (await emptied(kept))) || (await openEmbeddedDatabase());
  let returned = false;
  return {
    database,
    openAnother: () => Promise.reject(new Error("the embedded database has a single connection")),
    async close() {
      if (returned) return;
      returned = true;
      if (idleEmbedded === undefined) idleEmbedded = database;
      else await database.close();
    },
  };
}

async function openEmbeddedDatabase(): Promise<Database> {
  const template = await readMigratedTemplate();
  return openDatabase({
    kind: "embedded",
    directory: "memory://",
    ...(template === undefined ? {} : { initialContents: template }),
  });
}

/**
 * The database as the template left it: every table but the migrations' emptied, its identities
 * restarted. Undefined (and the database let go) if the file before left it unable to answer.
 */
async function emptied(database: Database): Promise<Database | undefined> {
  const emptying = database.withSql(async (session) => {
    const tables = await session.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    // Replica mode while emptying: the audit trail's trigger refuses TRUNCATE otherwise.
    await session.exec(
      `SET session_replication_role = replica;
       TRUNCATE ${tables.map((table) => table.name).join(", ")} RESTART IDENTITY CASCADE;
       SET session_replication_role = DEFAULT;`,
    );
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("emptying timed out")), EMPTYING_TIMEOUT_MILLISECONDS);
  });
  try {
    await Promise.race([emptying, timedOut]);
    return database;
  } catch {
    // Left in a transaction or broken by the file before: a new one instead.
    database.close().catch(() => undefined);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
