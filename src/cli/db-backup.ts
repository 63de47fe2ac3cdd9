// `npm run db:backup -- [--output FILE [--force]]`: the embedded database (DATA_DIR/db) as one
// .tar.gz, PGlite's own dump of its data folder, by default DATA_DIR/backups/premiumone-db-<UTC time>.tar.gz.
// The bot must be stopped: PGlite takes no lock, and a second process on its folder corrupts it.
// PostgreSQL is backed up with pg_dump. The file holds password hashes and sealed secrets: it is
// written readable by its owner only. `npm run db:restore` puts it back.
// Exit codes: 0 written, 1 written but the audit chain in it is broken, 2 refused (an option, the
// configuration, PostgreSQL, the bot running), 3 the backup failed.
import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { gzip } from "node:zlib";
import { databaseLocation, openDatabase } from "../infrastructure/prisma/open-database.ts";
import {
  describeSummary,
  ExitCode,
  embeddedDatabaseInUse,
  fileTimestamp,
  messageOf,
  readCommandEnvironment,
  summarizeDatabase,
} from "./command-line.ts";

const USAGE = "usage: npm run db:backup -- [--output FILE [--force]]";

async function run(argv: readonly string[]): Promise<number> {
  let values: { output?: string | undefined; force?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        output: { type: "string", short: "o" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(messageOf(error));
    console.error(USAGE);
    return ExitCode.REFUSED;
  }
  if (values.help === true) {
    console.log(USAGE);
    return ExitCode.DONE;
  }
  const environment = readCommandEnvironment();
  if (environment === undefined) return ExitCode.REFUSED;
  const location = databaseLocation(environment);
  if (location.kind === "postgresql") {
    console.error(
      "DATABASE_URL is set: back up PostgreSQL with pg_dump (npm run db:backup is for the embedded database)",
    );
    return ExitCode.REFUSED;
  }
  if (!existsSync(location.directory)) {
    console.error(`no embedded database at ${location.directory} (set DATA_DIR or DATABASE_URL)`);
    return ExitCode.REFUSED;
  }
  const inUse = embeddedDatabaseInUse(location.directory);
  if (inUse !== undefined) {
    console.error(inUse);
    return ExitCode.REFUSED;
  }
  const output = path.resolve(
    values.output ??
      path.join(environment.DATA_DIR, "backups", `premiumone-db-${fileTimestamp(new Date())}.tar.gz`),
  );
  if (existsSync(output) && values.force !== true) {
    console.error(`${output} exists: pass --force to replace it`);
    return ExitCode.REFUSED;
  }

  const database = await openDatabase(location, { migrate: false });
  let summary: Awaited<ReturnType<typeof summarizeDatabase>>;
  let archive: Buffer;
  try {
    summary = await summarizeDatabase(database);
    if (database.dumpDataDir === undefined) throw new Error("the embedded database gave no dump");
    const dump = await database.dumpDataDir();
    archive = await promisify(gzip)(Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  // Written beside its final name and renamed when complete: a failed backup leaves no file that looks whole.
  await mkdir(path.dirname(output), { recursive: true });
  const partial = `${output}.partial-${process.pid}`;
  try {
    await writeFile(partial, archive, { mode: 0o600 });
    await rename(partial, output);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  console.log(`backup written: ${output} (${megabytes(archive.length)}; ${describeSummary(summary)})`);
  return summary.auditChain.ok ? ExitCode.DONE : ExitCode.FOUND_PROBLEM;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// The exit code is set after the database is closed: closing PGlite resets process.exitCode.
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`backup failed: ${messageOf(error)}`);
    process.exitCode = ExitCode.FAILED;
  },
);
