// The SQL between the migrations folder and the Prisma schema, computed by the schema engine: what
// `npm run db:new` writes as the next migration and what `npm run db:check` requires to be empty.
import path from "node:path";
import type { DiffParams, MigrationList } from "@prisma/schema-engine-wasm";
import {
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  MIGRATION_SCRIPT_FILE,
  readMigrationsFolder,
} from "../../src/infrastructure/prisma/migrations-folder.ts";
import { readPrismaSchemaFiles } from "./prisma-schema-files.ts";
import { openSchemaEngine, type SchemaEngineSession } from "./schema-engine-session.ts";

export interface DiffMigrationsToSchemaInput {
  migrationsDir: string;
  schemaPath: string;
  /** An already open session to reuse; otherwise one is opened and closed around the diff. */
  session?: SchemaEngineSession;
}

/**
 * The SQL script that brings a database at the state of the migrations in `migrationsDir` (replayed
 * on a throw-away in-memory PGlite) to the state `schemaPath` describes. Only comments (or nothing)
 * when they agree: test with `isEmptyMigrationScript`.
 */
export async function diffMigrationsToSchema(input: DiffMigrationsToSchemaInput): Promise<string> {
  const [migrations, files] = await Promise.all([
    engineMigrationList(input.migrationsDir),
    readPrismaSchemaFiles(input.schemaPath),
  ]);
  const params: DiffParams = {
    from: { tag: "migrations", ...migrations },
    to: { tag: "schemaDatamodel", files },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  };
  if (input.session) return input.session.diff(params);
  const session = await openSchemaEngine();
  try {
    return await session.diff(params);
  } finally {
    await session.close();
  }
}

/** True when a migration script holds nothing but comments and whitespace. */
export function isEmptyMigrationScript(sql: string): boolean {
  return (
    sql
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/--[^\n]*/g, "")
      .trim() === ""
  );
}

/**
 * The migrations folder as the engine takes it (a missing folder is an empty one). Always diff from
 * the migrations replayed on the shadow database, even when there is none yet: a diff from
 * `{ tag: "empty" }` would start with `CREATE SCHEMA IF NOT EXISTS "public"`, which `prisma migrate
 * dev` does not write. The engine needs the lock file to pick its connector; with no migration yet,
 * ours is the one `db:new` writes.
 */
async function engineMigrationList(migrationsDir: string): Promise<MigrationList> {
  const folder = await readMigrationsFolder(migrationsDir);
  const baseDir = folder?.directory ?? path.resolve(migrationsDir);
  const migrations = folder?.migrations ?? [];
  let lockContent = folder?.lockFileContent ?? null;
  if (lockContent === null) {
    if (migrations.length > 0) {
      throw new Error(
        `${path.join(baseDir, MIGRATION_LOCK_FILE)} is missing: Prisma needs it next to the migration folders ` +
          `(it should contain: provider = "postgresql")`,
      );
    }
    lockContent = MIGRATION_LOCK_CONTENT;
  }
  return {
    baseDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: {
        path: MIGRATION_SCRIPT_FILE,
        content:
          migration.sql === undefined
            ? { tag: "error", value: migration.problem }
            : { tag: "ok", value: migration.sql },
      },
    })),
  };
}
