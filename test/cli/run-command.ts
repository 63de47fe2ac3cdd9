// The operator's commands as an operator runs them: a child process with its own environment and
// working folder (where it reads .env), answering with its output and an exit code. Also a
// database such a child can reach: an embedded one in a folder, or a new database on the
// PostgreSQL server of TEST_DATABASE_URL.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { type Database, openDatabase } from "../../src/infrastructure/prisma/open-database.ts";
import { readMigratedTemplate } from "../support/embedded-template.ts";

const PROJECT_DIRECTORY = fileURLToPath(new URL("../..", import.meta.url));
// tsx's loader by its path: the child runs in a folder of its own, where `--import tsx` would not resolve.
const TSX_LOADER = pathToFileURL(path.join(PROJECT_DIRECTORY, "node_modules/tsx/dist/loader.mjs")).href;

export interface TCommandRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * What `npm run <script>` runs (`tsx src/cli/<name>.ts`), without npm's and tsx's own launcher
 * processes, in `workingDirectory` with only `environment` (nothing of the test run's leaks in).
 */
export function runCommand(
  script: string,
  options: { args?: readonly string[]; environment?: Record<string, string>; workingDirectory: string },
): Promise<TCommandRun> {
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir(), ...options.environment };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", TSX_LOADER, path.join(PROJECT_DIRECTORY, script), ...(options.args ?? [])],
      { cwd: options.workingDirectory, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

export interface TCommandDatabase {
  readonly kind: "embedded" | "postgresql";
  /** The variables that point a command at this database. */
  readonly environment: Record<string, string>;
  /** DATA_DIR (the embedded database is its db/ folder). */
  readonly dataDirectory: string;
  /** The commands' working folder, where they read .env. */
  readonly workingDirectory: string;
  /** Opens it in this process (the embedded one must be closed again before a command runs). */
  open(): Promise<Database>;
  close(): Promise<void>;
}

/** A migrated, empty database for commands to work on, DATA_DIR and a working folder. */
export async function createCommandDatabase(): Promise<TCommandDatabase> {
  const workingDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-command-"));
  const dataDirectory = path.join(workingDirectory, "data");
  await mkdir(dataDirectory);
  // Under tsx the embedded database's worker thread imports tsx by its bare name, which resolves
  // from the working folder (src/infrastructure/threads/module-worker.ts): give it the project's.
  await symlink(path.join(PROJECT_DIRECTORY, "node_modules"), path.join(workingDirectory, "node_modules"));
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl === undefined || serverUrl === "") {
    const directory = path.join(dataDirectory, "db");
    const template = await readMigratedTemplate();
    const first = await openDatabase({
      kind: "embedded",
      directory,
      ...(template === undefined ? {} : { initialContents: template }),
    });
    await first.close();
    return {
      kind: "embedded",
      environment: { DATA_DIR: dataDirectory },
      dataDirectory,
      workingDirectory,
      open: () => openDatabase({ kind: "embedded", directory }, { migrate: false }),
      close: () => rm(workingDirectory, { recursive: true, force: true }),
    };
  }
  const name = `premiumone_command_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrated = await openDatabase({ kind: "postgresql", url: url.toString() });
  await migrated.close();
  return {
    kind: "postgresql",
    environment: { DATA_DIR: dataDirectory, DATABASE_URL: url.toString() },
    dataDirectory,
    workingDirectory,
    open: () => openDatabase({ kind: "postgresql", url: url.toString() }, { migrate: false }),
    async close() {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await rm(workingDirectory, { recursive: true, force: true });
    },
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs work on the database opened for it, and closes it again. */
export async function withOpenDatabase<T>(
  database: TCommandDatabase,
  work: (opened: Database) => Promise<T>,
): Promise<T> {
  const opened = await database.open();
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}
