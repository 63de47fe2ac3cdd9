// `npm run db:check`: fails when prisma/schema.prisma and prisma/migrations disagree, i.e. when a
// database built by replaying the migrations would still need SQL to match the schema. CI runs it.
//
// Options (for experiments; the defaults are prisma.config.ts's paths):
//   --schema PATH      or SCHEMA_PATH=PATH       another schema file (or folder of .prisma files)
//   --migrations DIR   or MIGRATIONS_DIR=DIR     another migrations folder
//
// Exit codes: 0 agree, 1 disagree, 2 the check could not run.
import { performance } from "node:perf_hooks";
import { PATH_FLAGS, positionalArgs, resolvePaths } from "./lib/command-line-options.ts";
import { diffMigrationsToSchema, isEmptyMigrationScript } from "./lib/migrations-to-schema-diff.ts";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const extra = positionalArgs(args, PATH_FLAGS);
  if (extra.length > 0) throw new Error(`unexpected argument(s): ${extra.join(" ")}`);
  const { schemaPath, migrationsDir } = resolvePaths(args);

  const started = performance.now();
  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  if (isEmptyMigrationScript(sql)) {
    console.log(`db:check: schema and migrations agree (${seconds} s)`);
    return 0;
  }
  console.error(
    `db:check: schema and migrations DISAGREE (${seconds} s)\n` +
      `  schema:     ${schemaPath}\n` +
      `  migrations: ${migrationsDir}\n` +
      "This SQL is missing from the migrations (create it with `npm run db:new <name>`):\n",
  );
  console.error(sql.trimEnd());
  return 1;
}

let exitCode: number;
try {
  exitCode = await main();
} catch (error) {
  console.error(`db:check: error: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 2;
}
// Exit now, deterministically: nothing the engine or PGlite may have left behind keeps us alive.
process.exit(exitCode);
