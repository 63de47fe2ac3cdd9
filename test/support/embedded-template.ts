// The embedded test databases start from one migrated template, dumped once per run by the global
// setup: loading it takes about a second where migrating a new in-memory database takes several.
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migrateAtStart } from "../../src/infrastructure/prisma/migrate-at-start.ts";
import { MIGRATIONS_DIRECTORY } from "../../src/infrastructure/prisma/migrations-folder.ts";
import { PGLITE_EXTENSIONS } from "../../src/infrastructure/prisma/pglite-extensions.ts";
import { pgliteSession } from "../../src/infrastructure/prisma/sql-session.ts";

export const TEMPLATE_ENVIRONMENT_VARIABLE = "PREMIUMONE_TEST_TEMPLATE";

export async function writeMigratedTemplate(): Promise<string> {
  const pglite = new PGlite("memory://", { extensions: PGLITE_EXTENSIONS });
  await pglite.waitReady;
  await migrateAtStart(pgliteSession(pglite), MIGRATIONS_DIRECTORY);
  const dump = await pglite.dumpDataDir("none");
  const file = path.join(tmpdir(), `premiumone-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  return file;
}

export async function readMigratedTemplate(): Promise<Blob | undefined> {
  const file = process.env[TEMPLATE_ENVIRONMENT_VARIABLE];
  if (file === undefined) return undefined;
  return new Blob([await readFile(file)]);
}
