// `npm run audit:export -- [--format jsonl|csv] [--since TIME] [--until TIME] [--output FILE [--force]]`:
// the audit trail of the configured database (the bot's DATABASE_URL / DATA_DIR) as JSON lines
// (default) or CSV, each row with its hash and previous hash, to stdout or to a file. Read-only.
// The data goes to stdout (or the file) and nothing else does: the summary line goes to stderr.
// Exit codes: 0 written, 2 a wrong option or configuration, 3 the export failed.
import { createWriteStream, existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import {
  AUDIT_EXPORT_FORMATS,
  exportAuditEvents,
  parseAuditExportTime,
  type TAuditExportFormat,
} from "../application/audit/export-audit-events.ts";
import { databaseLocation, openDatabase } from "../infrastructure/prisma/open-database.ts";
import { ExitCode, embeddedDatabaseInUse, messageOf, readCommandEnvironment } from "./command-line.ts";

const USAGE =
  "usage: npm run audit:export -- [--format jsonl|csv] [--since TIME] [--until TIME] [--output FILE [--force]]\n" +
  "  TIME: 2026-11-28 (midnight UTC) or 2026-11-28T09:30:00Z / 2026-11-28T09:30:00-06:00;\n" +
  "  --since is included, --until is not: --since 2026-11-01 --until 2026-12-01 is November";

interface TExportRequest {
  readonly format: TAuditExportFormat;
  readonly since?: Date;
  readonly until?: Date;
  readonly output?: string;
  readonly force: boolean;
}

/** The request, or the lines that say what is wrong with the command line. */
function parseRequest(argv: readonly string[]): TExportRequest | { problems: string[] } | "help" {
  let values: ReturnType<typeof parseOptions>["values"];
  try {
    ({ values } = parseOptions(argv));
  } catch (error) {
    return { problems: [messageOf(error)] };
  }
  if (values.help === true) return "help";
  const problems: string[] = [];
  const format = values.format ?? "jsonl";
  if (!(AUDIT_EXPORT_FORMATS as readonly string[]).includes(format)) {
    problems.push(`--format: expected jsonl or csv, not ${JSON.stringify(format)}`);
  }
  const times: { since?: Date; until?: Date } = {};
  for (const name of ["since", "until"] as const) {
    const text = values[name];
    if (text === undefined) continue;
    const parsed = parseAuditExportTime(text);
    if (parsed.ok) times[name] = parsed.date;
    else problems.push(`--${name} ${JSON.stringify(text)}: ${parsed.problem}`);
  }
  if (times.since !== undefined && times.until !== undefined && times.since >= times.until) {
    problems.push("--until: must come after --since");
  }
  if (values.force === true && values.output === undefined) problems.push("--force: only goes with --output");
  if (problems.length > 0) return { problems };
  return {
    format: format as TAuditExportFormat,
    ...times,
    ...(values.output === undefined ? {} : { output: values.output }),
    force: values.force === true,
  };
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      format: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      output: { type: "string", short: "o" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
}

async function run(argv: readonly string[]): Promise<number> {
  const request = parseRequest(argv);
  if (request === "help") {
    console.log(USAGE);
    return ExitCode.DONE;
  }
  if ("problems" in request) {
    for (const problem of request.problems) console.error(problem);
    console.error(USAGE);
    return ExitCode.REFUSED;
  }
  const environment = readCommandEnvironment();
  if (environment === undefined) return ExitCode.REFUSED;
  const location = databaseLocation(environment);
  if (location.kind === "embedded") {
    // Opening a missing folder would create an empty database: say so instead.
    if (!existsSync(location.directory)) {
      console.error(`no embedded database at ${location.directory} (set DATA_DIR or DATABASE_URL)`);
      return ExitCode.REFUSED;
    }
    const inUse = embeddedDatabaseInUse(location.directory);
    if (inUse !== undefined) {
      console.error(inUse);
      return ExitCode.REFUSED;
    }
  }
  const output = request.output === undefined ? undefined : path.resolve(request.output);
  if (output !== undefined && existsSync(output) && !request.force) {
    console.error(`${output} exists: pass --force to replace it`);
    return ExitCode.REFUSED;
  }

  const database = await openDatabase(location, { migrate: false });
  // A file is written beside its final name and renamed when complete: a failed export leaves no
  // file that looks whole.
  const partial = output === undefined ? undefined : `${output}.partial-${process.pid}`;
  const exportOptions: TExportRequest = request;
  let rows = 0;
  async function* text() {
    for await (const chunk of exportAuditEvents(database.prisma, exportOptions)) {
      rows += chunk.rows;
      yield chunk.text;
    }
  }
  try {
    if (partial === undefined) {
      await pipeline(Readable.from(text()), process.stdout, { end: false });
    } else {
      await pipeline(Readable.from(text()), createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, output ?? partial);
    }
  } catch (error) {
    if (partial !== undefined) await rm(partial, { force: true });
    throw error;
  } finally {
    await database.close();
  }
  console.error(
    `audit export: ${rows} ${rows === 1 ? "row" : "rows"} as ${request.format}${output === undefined ? "" : ` to ${output}`}`,
  );
  return ExitCode.DONE;
}

// The exit code is set after the database is closed: closing PGlite resets process.exitCode.
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`audit export failed: ${messageOf(error)}`);
    process.exitCode = ExitCode.FAILED;
  },
);
