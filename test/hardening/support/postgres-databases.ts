// PostgreSQL for sections that need more than one process on one database (two bot replicas, a
// restart through the TCP proxy): a new, empty database on the TEST_DATABASE_URL server for each
// use (the bots migrate it at start), dropped afterwards. Without TEST_DATABASE_URL those sections
// skip, saying why (POSTGRES_SKIP_REASON).
import { randomBytes } from "node:crypto";
import pg from "pg";

export const POSTGRES_SERVER_URL = process.env.TEST_DATABASE_URL || undefined;

export const POSTGRES_SKIP_REASON =
  "needs PostgreSQL (several processes on one database): run with TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test";

export interface TPostgresDatabase {
  /** The new database's connection URL (give it to a bot as DATABASE_URL). */
  readonly url: string;
  readonly name: string;
  /** Runs SQL on it as the server's user (a superuser on the CI server: can disable triggers). */
  query<TRow extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    parameters?: readonly unknown[],
  ): Promise<TRow[]>;
  /** Drops it, cutting any connection still open. */
  drop(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<TPostgresDatabase> {
  const serverUrl = POSTGRES_SERVER_URL;
  if (serverUrl === undefined) throw new Error(POSTGRES_SKIP_REASON);
  const name = `premiumone_hardening_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async query<TRow extends pg.QueryResultRow = pg.QueryResultRow>(
      sql: string,
      parameters: readonly unknown[] = [],
    ) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query<TRow>(sql, [...parameters])).rows;
      } finally {
        await client.end();
      }
    },
    async drop() {
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      try {
        await cleaner.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleaner.end();
      }
    },
  };
}

/** True when this run has no PostgreSQL: skip what needs one (`describe.skipIf(WITHOUT_POSTGRES)`). */
export const WITHOUT_POSTGRES = POSTGRES_SERVER_URL === undefined;

/** A test title that says, when the test is skipped, why: vitest prints skipped titles. */
export function needingPostgres(title: string): string {
  return WITHOUT_POSTGRES ? `${title} — skipped: ${POSTGRES_SKIP_REASON}` : title;
}
