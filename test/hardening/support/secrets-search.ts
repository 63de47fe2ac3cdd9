// Section 7's search: each secret of the run (every password typed or emailed, every token and
// key in the environment) looked for in each place the bot writes — as typed, JSON-escaped and
// URL-encoded. A hit names the secret (by what it is, never its value) and the place.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../../../src/application/ports/database.ts";

export interface TSecret {
  /** What it is ("the bot token"): the only part ever printed. */
  readonly name: string;
  readonly value: string;
}

export interface THaystack {
  /** Where ("the log lines", "audit_events"…). */
  readonly name: string;
  /** How many records it holds (lines, rows, calls, files), for the report. */
  readonly records: number;
  readonly text: string;
}

export interface TSecretHit {
  readonly secret: string;
  readonly haystack: string;
}

/** The forms a secret takes when written down by JSON, a URL or a form. */
export function writtenForms(value: string): string[] {
  const forms = new Set([
    value,
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    new URLSearchParams({ x: value }).toString().slice(2),
  ]);
  return [...forms].filter((form) => form.length >= 6);
}

export function secretHits(haystacks: readonly THaystack[], secrets: readonly TSecret[]): TSecretHit[] {
  const hits: TSecretHit[] = [];
  for (const haystack of haystacks) {
    for (const secret of secrets) {
      if (writtenForms(secret.value).some((form) => haystack.text.includes(form)))
        hits.push({ secret: secret.name, haystack: haystack.name });
    }
  }
  return hits;
}

/** JSON that survives bigints, cycles and Error objects (whose message and stack JSON would drop). */
export function serialized(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "bigint") return item.toString();
    if (item instanceof Error) return { ...item, name: item.name, message: item.message, stack: item.stack };
    if (typeof item === "object" && item !== null) {
      if (seen.has(item)) return "[cycle]";
      seen.add(item);
    }
    return item;
  });
}

/**
 * Every row of every table, all columns as JSON, one haystack per table — but the columns named
 * in `skip` (portal_users.password_hash: a bcrypt hash, by design derived from a password).
 */
export async function databaseHaystacks(
  database: Database,
  skip: Readonly<Record<string, readonly string[]>> = { portal_users: ["password_hash"] },
): Promise<THaystack[]> {
  const tables = await database.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const haystacks: THaystack[] = [];
  for (const { table_name: table } of tables) {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) continue;
    const without = (skip[table] ?? []).map((column) => ` - '${column.replaceAll("'", "")}'`).join("");
    const rows = await database.prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT (to_jsonb(t)${without})::text AS row FROM "${table}" t`,
    );
    haystacks.push({ name: table, records: rows.length, text: rows.map((row) => row.row).join("\n") });
  }
  return haystacks;
}

/** Every file under `directory`, read as UTF-8 (the database's files and WAL included). */
export async function fileHaystack(directory: string, name: string): Promise<THaystack> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  await walk(directory);
  const contents = await Promise.all(files.map((file) => readFile(file)));
  return {
    name,
    records: files.length,
    text: contents.map((content) => content.toString("utf8")).join("\n"),
  };
}
