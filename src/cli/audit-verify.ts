// `npm run audit:verify`: checks the audit trail's hash chain in the configured database (the
// same DATABASE_URL / DATA_DIR as the bot) without changing anything, and says where it breaks.
// Exit codes: 0 the chain is intact, 1 it is broken, 2 the configuration is wrong, 3 the check
// could not run (the database did not answer).
import { existsSync } from "node:fs";
import { type TAuditChainVerdict, verifyAuditChain } from "../application/audit/verify-audit-chain.ts";
import { ConfigurationError, readEnvironment, type TEnvironment } from "../config/environment.ts";
import { databaseLocation, openDatabase } from "../infrastructure/prisma/open-database.ts";

const ExitCode = { INTACT: 0, BROKEN: 1, CONFIGURATION: 2, FAILED: 3 } as const;

const PROBLEM_TEXT = {
  content: "its content does not match its hash",
  link: "it does not link to the row before it (a row was removed or inserted, or the row before it rewritten)",
} as const;

function describeVerdict(verdict: TAuditChainVerdict): string {
  if (verdict.ok) return `audit chain OK: ${verdict.rows} ${verdict.rows === 1 ? "row" : "rows"}`;
  const row = verdict.firstBadRow;
  return `audit chain BROKEN at row ${row.id} (${row.action}, ${row.occurredAt.toISOString()}): ${PROBLEM_TEXT[verdict.problem]}`;
}

async function run(): Promise<number> {
  let environment: TEnvironment;
  try {
    environment = readEnvironment();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const problem of error.problems) console.error(problem);
    return ExitCode.CONFIGURATION;
  }
  const location = databaseLocation(environment);
  // Opening a missing folder would create an empty database: say so instead.
  if (location.kind === "embedded" && !existsSync(location.directory)) {
    console.error(`no embedded database at ${location.directory} (set DATA_DIR or DATABASE_URL)`);
    return ExitCode.CONFIGURATION;
  }
  // Read-only: it checks the database as it is and never migrates it.
  const database = await openDatabase(location, { migrate: false });
  let verdict: TAuditChainVerdict;
  try {
    verdict = await verifyAuditChain(database.prisma);
  } finally {
    await database.close();
  }
  console.log(describeVerdict(verdict));
  return verdict.ok ? ExitCode.INTACT : ExitCode.BROKEN;
}

// The exit code is set after the database is closed: closing PGlite resets process.exitCode.
run().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      `audit chain could not be checked: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = ExitCode.FAILED;
  },
);
