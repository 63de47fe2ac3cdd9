// Brings the database up to date at start, on PGlite and PostgreSQL alike, the way `prisma migrate
// deploy` would: the same `_prisma_migrations` table, the checksum as the sha256 of migration.sql,
// so that a deployer may also use Prisma's CLI. Several replicas starting together wait on one
// advisory lock and apply each migration once; a failed or edited migration stops the start.
import { randomUUID } from "node:crypto";
import { readMigrationsFolder, type TReadableMigration } from "./migrations-folder.ts";
import type { SqlSession } from "./sql-session.ts";

// Any fixed 64-bit number, the same in every replica: "p1usrbot".
const MIGRATION_LOCK_KEY = "8098409873318163572";

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

/** Every migration of the folder, in order; a missing folder or an unreadable migration.sql stops the start. */
async function migrationsToApply(migrationsDirectory: string): Promise<TReadableMigration[]> {
  const folder = await readMigrationsFolder(migrationsDirectory);
  if (folder === undefined)
    throw new MigrationError(`there is no migrations folder at ${migrationsDirectory}`);
  return folder.migrations.map((migration) => {
    if (migration.sql === undefined)
      throw new MigrationError(`migration ${migration.name}: ${migration.problem}`);
    return migration;
  });
}

interface TAppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function migrateAtStart(
  session: SqlSession,
  migrationsDirectory: string,
): Promise<{ applied: string[]; alreadyApplied: number }> {
  const local = await migrationsToApply(migrationsDirectory);
  await session.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
  try {
    await session.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const rows = await session.query<TAppliedMigration>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
       WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const localNames = new Set(local.map((migration) => migration.name));
    for (const row of rows) {
      if (row.finished_at === null) {
        throw new MigrationError(
          `migration ${row.migration_name} failed earlier and was not resolved; see prisma/README.md`,
        );
      }
      if (!localNames.has(row.migration_name)) {
        throw new MigrationError(
          `the database has migration ${row.migration_name}, which this version does not know: a newer version ran against it`,
        );
      }
    }
    const appliedByName = new Map(rows.map((row) => [row.migration_name, row]));
    const applied: string[] = [];
    for (const migration of local) {
      const existing = appliedByName.get(migration.name);
      if (existing !== undefined) {
        if (existing.checksum !== migration.checksum) {
          throw new MigrationError(
            `migration ${migration.name} was edited after it was applied (checksum differs); restore it and add a new migration instead`,
          );
        }
        continue;
      }
      try {
        await session.transaction(async (transaction) => {
          await transaction.exec(migration.sql);
          await transaction.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
             VALUES ($1, $2, now(), $3, 1)`,
            [randomUUID(), migration.checksum, migration.name],
          );
        });
      } catch (error) {
        throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${String(error)}`, {
          cause: error,
        });
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: rows.length };
  } finally {
    await session.query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]);
  }
}
