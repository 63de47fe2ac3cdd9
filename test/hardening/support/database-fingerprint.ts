// What "nothing changed" means, checked cheaply: per table of the public schema, its row count and
// an md5 of all its rows as text — one query, on PGlite and PostgreSQL alike. Two fingerprints
// that differ name the tables that changed.
import type { Database } from "../../../src/application/ports/database.ts";

export interface TTableFingerprint {
  readonly rows: number;
  readonly digest: string;
}

export type TDatabaseFingerprint = Readonly<Record<string, TTableFingerprint>>;

export interface TFingerprinter {
  /** The tables fingerprinted (every base table of the public schema but the excluded ones). */
  readonly tables: readonly string[];
  take(): Promise<TDatabaseFingerprint>;
}

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Lists the tables once. `exclude`: tables a refused request may legitimately touch (the portal
 * API's rate-limit windows count every attempt, refused or not); `excludeColumns`: bookkeeping
 * columns likewise (when a password check last started). Say why at the call site.
 */
export async function createFingerprinter(
  database: Database,
  options: {
    exclude?: readonly string[];
    excludeColumns?: Readonly<Record<string, readonly string[]>>;
  } = {},
): Promise<TFingerprinter> {
  // The schedulers' lease rows (the daily Slack reconciliation, the access expiry) are written on
  // their own clock while a property runs, by no request: never a request's change.
  const excluded = new Set(["scheduled_task_states", ...(options.exclude ?? [])]);
  const listed = await database.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    "SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position",
  );
  const columnsByTable = new Map<string, string[]>();
  for (const row of listed) {
    if (!SAFE_NAME.test(row.table_name) || !SAFE_NAME.test(row.column_name) || excluded.has(row.table_name))
      continue;
    columnsByTable.set(row.table_name, [...(columnsByTable.get(row.table_name) ?? []), row.column_name]);
  }
  const tables = [...columnsByTable.keys()];
  if (tables.length === 0) throw new Error("the database has no tables to fingerprint");
  const rowText = (table: string) => {
    const skipped = new Set(options.excludeColumns?.[table] ?? []);
    if (skipped.size === 0) return "t::text";
    const kept = (columnsByTable.get(table) ?? []).filter((column) => !skipped.has(column));
    return `row(${kept.map((column) => `t."${column}"`).join(", ")})::text`;
  };
  // Cheap first: per table its row count and the newest row version (xmin: every insert and update
  // writes a new one). Only a table whose pair moved has its rows digested again — so a refused
  // request, which writes nothing, costs one small query, and a write of the same values is not a change.
  const versionsQuery = tables
    .map(
      (name) =>
        `SELECT '${name}' AS name, count(*)::int AS rows, coalesce(max(t.xmin::text::bigint), 0)::text AS version FROM "${name}" t`,
    )
    .join(" UNION ALL ");
  const digestQuery = (name: string) =>
    `SELECT md5(coalesce(string_agg(${rowText(name)}, '|' ORDER BY ${rowText(name)}), '')) AS digest FROM "${name}" t`;
  const digests = new Map<string, string>();
  return {
    tables,
    async take() {
      const versions =
        await database.prisma.$queryRawUnsafe<{ name: string; rows: number; version: string }[]>(
          versionsQuery,
        );
      const fingerprint: Record<string, TTableFingerprint> = {};
      for (const { name, rows, version } of versions) {
        const key = `${name} ${rows} ${version}`;
        let digest = digests.get(key);
        if (digest === undefined) {
          const [row] = await database.prisma.$queryRawUnsafe<{ digest: string }[]>(digestQuery(name));
          digest = row?.digest ?? "";
          digests.set(key, digest);
        }
        fingerprint[name] = { rows: Number(rows), digest };
      }
      return fingerprint;
    },
  };
}

/** The tables whose content differs, with their row counts before → after. */
export function changedTables(before: TDatabaseFingerprint, after: TDatabaseFingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => before[name]?.digest !== after[name]?.digest)
    .map((name) => `${name} (${before[name]?.rows ?? 0} → ${after[name]?.rows ?? 0} rows)`);
}
