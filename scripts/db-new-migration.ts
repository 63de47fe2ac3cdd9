// `npm run db:new <name>`: writes the next migration, prisma/migrations/<UTC YYYYMMDDHHMMSS>_<name>/
// migration.sql, with the SQL that brings a database at the state of the existing migrations to the
// state of prisma/schema.prisma (what `prisma migrate dev --create-only` would write), and creates
// prisma/migrations/migration_lock.toml if it is missing. Writes nothing when they already agree.
//
// Constraints Prisma cannot express (CHECKs, triggers) are appended to the new migration.sql by hand.
//
// Options: --schema PATH / SCHEMA_PATH, --migrations DIR / MIGRATIONS_DIR (defaults: prisma.config.ts's).
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  MIGRATION_SCRIPT_FILE,
  readMigrationsFolder,
} from "../src/infrastructure/prisma/migrations-folder.ts";
import { PATH_FLAGS, positionalArgs, resolvePaths } from "./lib/command-line-options.ts";
import { diffMigrationsToSchema, isEmptyMigrationScript } from "./lib/migrations-to-schema-diff.ts";

const USAGE = "usage: npm run db:new <name>   (e.g. npm run db:new add_user_phone)";

/** Prisma's `slugify(name, { separator: "_" }).substring(0, 200)` (@sindresorhus/slugify), for ASCII-ish names. */
function migrationSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z\d]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .substring(0, 200);
}

/** `YYYYMMDDHHMMSS` in UTC, as the schema engine names migration folders. */
function migrationTimestamp(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return (
    String(date.getUTCFullYear()) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  );
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const positional = positionalArgs(args, PATH_FLAGS);
  if (positional.length !== 1 || positional[0] === undefined) throw new Error(USAGE);
  const slug = migrationSlug(positional[0]);
  if (slug === "")
    throw new Error(`"${positional[0]}" has no letter or digit to name a migration with\n${USAGE}`);
  const { schemaPath, migrationsDir } = resolvePaths(args);

  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  if (isEmptyMigrationScript(sql)) {
    console.log("db:new: schema and migrations already agree: no migration written.");
    return 0;
  }

  const folderName = `${migrationTimestamp(new Date())}_${slug}`;
  const last = (await readMigrationsFolder(migrationsDir))?.migrations.at(-1)?.name;
  if (last !== undefined && last >= folderName) {
    throw new Error(
      `${folderName} would not sort after the last migration, ${last}: check the clock and retry`,
    );
  }
  const folder = path.join(migrationsDir, folderName);
  if (existsSync(folder)) throw new Error(`the migration directory already exists: ${folder}`);

  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, MIGRATION_SCRIPT_FILE), sql, "utf8");
  const lockPath = path.join(migrationsDir, MIGRATION_LOCK_FILE);
  const wroteLock = !existsSync(lockPath);
  if (wroteLock) await writeFile(lockPath, MIGRATION_LOCK_CONTENT, "utf8");

  console.log(`db:new: wrote ${displayPath(path.join(folder, MIGRATION_SCRIPT_FILE))}`);
  if (wroteLock) console.log(`db:new: wrote ${displayPath(lockPath)}`);
  console.log("Review it; append by hand what Prisma cannot express (CHECK constraints, triggers).");
  return 0;
}

let exitCode: number;
try {
  exitCode = await main();
} catch (error) {
  console.error(`db:new: error: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
}
process.exit(exitCode);
