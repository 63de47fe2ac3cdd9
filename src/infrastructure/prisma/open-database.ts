// Opens the database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite database in a
// folder (DATA_DIR/db), with no server to install. The same schema and migrations serve both.
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";
import { migrateAtStart } from "./migrate-at-start.ts";
import { MIGRATIONS_DIRECTORY } from "./migrations-folder.ts";
import { openPGliteThread } from "./pglite-thread.ts";
import { pgliteSession, postgresSession, type SqlSession } from "./sql-session.ts";

export type TDatabaseKind = "embedded" | "postgresql";

export interface Database {
  readonly kind: TDatabaseKind;
  readonly prisma: PrismaClient;
  /** A plain SQL session for the work Prisma's client does not do. */
  withSql<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** The embedded database's folder as a tarball (backups); absent for PostgreSQL (pg_dump). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
  /** What the start applied (the migrations that were missing) and how many were there already. */
  readonly migrationsAtStart?: { readonly applied: readonly string[]; readonly alreadyApplied: number };
}

export type TDatabaseLocation =
  | { readonly kind: "postgresql"; readonly url: string }
  /** `directory` is a folder, or "memory://" for a throw-away database. */
  | { readonly kind: "embedded"; readonly directory: string; readonly initialContents?: Blob };

export function databaseLocation(environment: {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
}): TDatabaseLocation {
  return environment.DATABASE_URL === undefined
    ? { kind: "embedded", directory: path.join(environment.DATA_DIR, "db") }
    : { kind: "postgresql", url: environment.DATABASE_URL };
}

export async function openDatabase(
  location: TDatabaseLocation,
  options: { migrate?: boolean; poolSize?: number } = {},
): Promise<Database> {
  const database =
    location.kind === "postgresql"
      ? openPostgres(location.url, options.poolSize ?? 10)
      : await openEmbedded(location.directory, location.initialContents);
  if (options.migrate ?? true) {
    try {
      const migrationsAtStart = await database.withSql((session) =>
        migrateAtStart(session, MIGRATIONS_DIRECTORY),
      );
      return { ...database, migrationsAtStart };
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's error (the server restarting) must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgresql",
    prisma,
    async withSql(work) {
      const client = await pool.connect();
      try {
        return await work(postgresSession(client));
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openEmbedded(directory: string, initialContents: Blob | undefined): Promise<Database> {
  const inMemory = directory.startsWith("memory://");
  // On a thread of its own: a heavy query no longer holds up every other request (pglite-thread.ts).
  const pglite = await openPGliteThread({
    directory: inMemory ? directory : path.resolve(directory),
    initialContents,
  });
  // The adapter and the SQL session call query, exec and transaction, which the thread answers.
  const asPGlite = pglite as unknown as PGlite;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(asPGlite) });
  return {
    kind: "embedded",
    prisma,
    withSql: (work) => work(pgliteSession(asPGlite)),
    dumpDataDir: () => pglite.dumpDataDir(),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
