// The hardening run's figures: every section records one row per scenario into a JSON-lines file
// shared by all test files (its path comes from the global setup through RESULTS_FILE_VARIABLE),
// and the global setup's teardown prints them as one Markdown table. The table reports; the tests'
// own expectations are the check.
import { appendFileSync, existsSync, readFileSync } from "node:fs";

export const RESULTS_FILE_VARIABLE = "PREMIUMONE_HARDENING_RESULTS";

export type TOutcome = "ok" | "FAILED" | "skipped";

export interface THardeningRow {
  /** "1. Forged requests", "3. Bad input"… (the numbering of issue 7). */
  readonly section: string;
  readonly scenario: string;
  /** Requests (or submissions, or searches) tried. */
  readonly tried: number;
  /** Of those, how many the bot refused. */
  readonly refused: number;
  /** Refused requests that changed something anyway: must be 0. */
  readonly changed: number;
  /** Messages or effects that should have happened and did not. */
  readonly lost: number;
  /** Effects that happened twice. */
  readonly duplicated: number;
  readonly outcome: TOutcome;
  /** A few words: what "tried" counted, why a section was skipped, the first failure. Never a secret. */
  readonly note?: string;
}

/** The counts a scenario fills in while it runs. */
export interface TTally {
  tried: number;
  refused: number;
  changed: number;
  lost: number;
  duplicated: number;
  note?: string;
}

function resultsFile(): string | undefined {
  const file = process.env[RESULTS_FILE_VARIABLE];
  return file === undefined || file === "" ? undefined : file;
}

/** Appends one row (one short line: appends of that size do not interleave between processes). */
export function recordRow(row: THardeningRow): void {
  const file = resultsFile();
  // Run outside `npm run test:hardening` (no global setup): the expectations still hold, no table.
  if (file === undefined) return;
  appendFileSync(file, `${JSON.stringify(row)}\n`);
}

/** The first line of an error, with its cause's (fast-check puts the failed check there). */
function firstLineOf(error: unknown): string {
  const line = (value: unknown) =>
    (value instanceof Error ? value.message : String(value)).split("\n")[0] ?? "";
  const cause = error instanceof Error && error.cause !== undefined ? `: ${line(error.cause)}` : "";
  return `${line(error)}${cause}`;
}

/**
 * Runs a scenario with a fresh tally and records its row whatever happens: `ok` when `work`
 * resolves, `FAILED` (with the first line of the error) when it throws — then rethrows.
 */
export async function withRecordedRow(
  row: { readonly section: string; readonly scenario: string },
  work: (tally: TTally) => Promise<void>,
): Promise<void> {
  const tally: TTally = { tried: 0, refused: 0, changed: 0, lost: 0, duplicated: 0 };
  try {
    await work(tally);
    recordRow({ ...row, ...tally, outcome: "ok" });
  } catch (error) {
    const firstLine = firstLineOf(error);
    recordRow({
      ...row,
      ...tally,
      outcome: "FAILED",
      note: [tally.note, firstLine.slice(0, 220)].filter(Boolean).join(" — "),
    });
    throw error;
  }
}

/** A section that cannot run here (e.g. it needs PostgreSQL): one row saying why. */
export function recordSkipped(section: string, scenario: string, reason: string): void {
  recordRow({
    section,
    scenario,
    tried: 0,
    refused: 0,
    changed: 0,
    lost: 0,
    duplicated: 0,
    outcome: "skipped",
    note: reason,
  });
}

export function readRows(file: string): THardeningRow[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as THardeningRow);
}

function sectionNumber(section: string): number {
  const match = /^(\d+)/.exec(section);
  return match === null ? Number.MAX_SAFE_INTEGER : Number(match[1]);
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** One Markdown table, rows grouped by section in the issue's order (stable within a section). */
export function renderTable(rows: readonly THardeningRow[]): string {
  const sorted = rows
    .map((row, index) => ({ row, index }))
    .sort(
      (left, right) =>
        sectionNumber(left.row.section) - sectionNumber(right.row.section) ||
        left.row.section.localeCompare(right.row.section) ||
        left.index - right.index,
    )
    .map(({ row }) => row);
  const header = [
    "section",
    "scenario",
    "tried",
    "refused",
    "changed",
    "lost",
    "duplicated",
    "outcome",
    "note",
  ];
  const lines = sorted.map((row) => [
    row.section,
    row.scenario,
    String(row.tried),
    String(row.refused),
    String(row.changed),
    String(row.lost),
    String(row.duplicated),
    row.outcome,
    row.note ?? "",
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => cell(line[column] ?? "").length)),
  );
  const numeric = new Set([2, 3, 4, 5, 6]);
  const format = (line: readonly string[]) =>
    `| ${line
      .map((value, column) => {
        const text = cell(value);
        const width = widths[column] ?? text.length;
        return numeric.has(column) ? text.padStart(width) : text.padEnd(width);
      })
      .join(" | ")} |`;
  const separator = `| ${widths
    .map((width, column) => (numeric.has(column) ? `${"-".repeat(width - 1)}:` : "-".repeat(width)))
    .join(" | ")} |`;
  const totals = sorted.reduce(
    (sum, row) => ({
      tried: sum.tried + row.tried,
      refused: sum.refused + row.refused,
      changed: sum.changed + row.changed,
      lost: sum.lost + row.lost,
      duplicated: sum.duplicated + row.duplicated,
      failed: sum.failed + (row.outcome === "FAILED" ? 1 : 0),
      skipped: sum.skipped + (row.outcome === "skipped" ? 1 : 0),
    }),
    { tried: 0, refused: 0, changed: 0, lost: 0, duplicated: 0, failed: 0, skipped: 0 },
  );
  const summary =
    `${sorted.length} rows: tried ${totals.tried}, refused ${totals.refused}, changed ${totals.changed}, ` +
    `lost ${totals.lost}, duplicated ${totals.duplicated}; ${totals.failed} FAILED, ${totals.skipped} skipped.`;
  return [format(header), separator, ...lines.map(format), "", summary, ""].join("\n");
}
