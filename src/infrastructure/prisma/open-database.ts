// Opens the database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite database in a
// folder (DATA_DIR/db), with no server to install. The same schema and migrations serve both.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";
import { migrateAtStart } from "./migrate-at-start.ts";
import { PGLITE_EXTENSIONS } from "./pglite-extensions.ts";
import { pgliteSession, postgresSession, type SqlSession } from "./sql-session.ts";

export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

export type TDatabaseKind = "embedded" | "postgresql";

export interface Database {
  readonly kind: TDatabaseKind;
  readonly prisma: PrismaClient;
  /** A plain SQL session for the work Prisma's client does not do. */
  withSql<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
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
      await database.withSql((session) => migrateAtStart(session, MIGRATIONS_DIRECTORY));
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
  if (!inMemory) await mkdir(directory, { recursive: true });
  const pglite = new PGlite(inMemory ? directory : path.resolve(directory), {
    extensions: PGLITE_EXTENSIONS,
    ...(initialContents === undefined ? {} : { loadDataDir: initialContents }),
  });
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "embedded",
    prisma,
    withSql: (work) => work(pgliteSession(pglite)),
    async close() {
      await prisma.$disconnect();
      // PGlite's close() resets process.exitCode; keep the one the process had chosen.
      const exitCode = process.exitCode;
      await pglite.close();
      process.exitCode = exitCode;
    },
  };
}
