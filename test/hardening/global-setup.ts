// The hardening run's global setup: the suite's own (the migrated embedded template), plus the
// results file every section appends its rows to; the teardown prints them as one Markdown table
// and keeps it in test/hardening/.results/hardening-table.md (git-ignored).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import suiteSetup from "../global-setup.ts";
import { RESULTS_FILE_VARIABLE, readRows, renderTable } from "./support/results-table.ts";

const RESULTS_DIRECTORY = fileURLToPath(new URL("./.results", import.meta.url));

export default async function setup(): Promise<() => Promise<void>> {
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });
  const rowsFile = path.join(RESULTS_DIRECTORY, `rows-${process.pid}.jsonl`);
  rmSync(rowsFile, { force: true });
  // The forked test workers inherit this process's environment.
  process.env[RESULTS_FILE_VARIABLE] = rowsFile;
  const startedAt = Date.now();
  const suiteTeardown = await suiteSetup();
  return async () => {
    await suiteTeardown?.();
    const database = process.env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "embedded (PGlite)";
    const seconds = Math.round((Date.now() - startedAt) / 1000);
    const table = renderTable(readRows(rowsFile));
    const report = `## npm run test:hardening — ${database}, ${seconds} s\n\n${table}`;
    writeFileSync(path.join(RESULTS_DIRECTORY, "hardening-table.md"), report);
    rmSync(rowsFile, { force: true });
    // The one place this suite prints: the table, after every file has run.
    process.stdout.write(`\n${report}\n`);
  };
}
