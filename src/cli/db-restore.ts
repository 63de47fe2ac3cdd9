// `npm run db:restore -- FILE [--force]`: puts a `npm run db:backup` file back as the embedded
// database (DATA_DIR/db). It is loaded into a fresh folder beside it and checked there (it must
// hold this bot's tables; its audit chain is verified); only then is the current folder moved
// aside (DATA_DIR/db.before-restore-<UTC time>, never deleted) and the fresh one put in its place.
// A folder that holds a database is replaced only with --force; the bot must be stopped. The bot
// applies any newer migrations at its next start. PostgreSQL is restored with pg_restore.
// Exit codes: 0 restored, 1 restored but the audit chain in it is broken, 2 refused, 3 failed.
import { existsSync } from "node:fs";
import { readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { gunzip } from "node:zlib";
import { databaseLocation, openDatabase } from "../infrastructure/prisma/open-database.ts";
import {
  describeSummary,
  ExitCode,
  embeddedDatabaseInUse,
  fileTimestamp,
  folderHoldsFiles,
  messageOf,
  readCommandEnvironment,
  summarizeDatabase,
  type TDatabaseSummary,
} from "./command-line.ts";

const USAGE = "usage: npm run db:restore -- FILE [--force]";
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

async function run(argv: readonly string[]): Promise<number> {
  let parsed: { values: { force?: boolean | undefined; help?: boolean | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    console.error(messageOf(error));
    console.error(USAGE);
    return ExitCode.REFUSED;
  }
  if (parsed.values.help === true) {
    console.log(USAGE);
    return ExitCode.DONE;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    console.error(
      file === undefined ? "the backup file to restore is missing" : "only one backup file at a time",
    );
    console.error(USAGE);
    return ExitCode.REFUSED;
  }
  const environment = readCommandEnvironment();
  if (environment === undefined) return ExitCode.REFUSED;
  const location = databaseLocation(environment);
  if (location.kind === "postgresql") {
    console.error(
      "DATABASE_URL is set: restore PostgreSQL with pg_restore (npm run db:restore is for the embedded database)",
    );
    return ExitCode.REFUSED;
  }
  const backup = path.resolve(file);
  if (!existsSync(backup)) {
    console.error(`no backup file at ${backup}`);
    return ExitCode.REFUSED;
  }
  const target = path.resolve(location.directory);
  const inUse = embeddedDatabaseInUse(target);
  if (inUse !== undefined) {
    console.error(inUse);
    return ExitCode.REFUSED;
  }
  if (folderHoldsFiles(target) && parsed.values.force !== true) {
    console.error(
      `${target} already holds a database: pass --force to replace it (it is kept aside, not deleted)`,
    );
    return ExitCode.REFUSED;
  }

  const tar = await tarOf(await readFile(backup));
  if (tar === undefined || !holdsDataFolder(tar)) {
    console.error(`${backup} is not a backup of the embedded database (no PostgreSQL data folder in it)`);
    return ExitCode.REFUSED;
  }

  const stamp = fileTimestamp(new Date());
  const fresh = `${target}.restoring-${stamp}`;
  await rm(fresh, { recursive: true, force: true });
  let summary: TDatabaseSummary;
  try {
    summary = await loadInto(fresh, tar, backup);
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  const aside = existsSync(target) ? `${target}.before-restore-${stamp}` : undefined;
  if (aside !== undefined) await rename(target, aside);
  try {
    await rename(fresh, target);
  } catch (error) {
    if (aside !== undefined) await rename(aside, target);
    throw error;
  }
  const kept = aside === undefined ? "" : `; the database before it is kept in ${aside}`;
  console.log(`restored ${backup} into ${target} (${describeSummary(summary)})${kept}`);
  return summary.auditChain.ok ? ExitCode.DONE : ExitCode.FOUND_PROBLEM;
}

/** The tar inside the file (gzipped or not), or undefined when it does not unpack. */
async function tarOf(archive: Buffer): Promise<Buffer | undefined> {
  if (!archive.subarray(0, 2).equals(GZIP_MAGIC)) return archive;
  try {
    return await promisify(gunzip)(archive);
  } catch {
    return undefined;
  }
}

/**
 * Whether the tar holds a PostgreSQL data folder (PG_VERSION at its top), read from its headers
 * before PGlite sees it: PGlite given something else does not fail, it waits for ever.
 */
function holdsDataFolder(tar: Buffer): boolean {
  const text = (from: number, to: number, header: Buffer) =>
    header
      .subarray(from, to)
      .toString("utf8")
      .replace(/\0[\s\S]*$/, "");
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (text(257, 262, header) !== "ustar") return false;
    if (["PG_VERSION", "/PG_VERSION", "./PG_VERSION"].includes(text(0, 100, header))) return true;
    const size = Number.parseInt(text(124, 136, header).trim() || "0", 8);
    if (!Number.isSafeInteger(size) || size < 0) return false;
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return false;
}

/** Loads the tar into a new folder and says what it holds; throws if it is not this bot's database. */
async function loadInto(directory: string, tar: Buffer, name: string): Promise<TDatabaseSummary> {
  const database = await openDatabase(
    { kind: "embedded", directory, initialContents: new Blob([new Uint8Array(tar)]) },
    { migrate: false },
  );
  try {
    const [found] = await database.withSql((session) =>
      session.query<{ table: string | null }>("SELECT to_regclass('public.audit_events')::text AS table"),
    );
    if (found?.table == null) throw new Error(`${name} is not a backup of this bot's embedded database`);
    return await summarizeDatabase(database);
  } finally {
    await database.close();
  }
}

// The exit code is set after the database is closed: closing PGlite resets process.exitCode.
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`restore failed: ${messageOf(error)}`);
    process.exitCode = ExitCode.FAILED;
  },
);
