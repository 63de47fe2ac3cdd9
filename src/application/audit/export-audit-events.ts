// The audit trail for a SIEM or an auditor (`npm run audit:export`): every column of every row in
// chain order, the hash and the previous hash included, so that the chain can be checked outside
// the database. Read in batches by id, written as it is read: 100,000 rows never sit in memory.
// The rows hold no secret (a password appears only as "changed" or "reset"), so every column goes
// out as stored; values are given in the form the hash covers (see domain/audit-chain.ts).
import { canonicalJson } from "../../domain/audit-chain.ts";
import type { Prisma, TDatabaseClient } from "../ports/database.ts";

export const AUDIT_EXPORT_FORMATS = ["jsonl", "csv"] as const;
export type TAuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export const AUDIT_EXPORT_BATCH_SIZE = 1000;

/** The columns, named as in the audit_events table, in the order the hash covers them (hash last). */
export const AUDIT_EXPORT_COLUMNS = [
  "id",
  "occurred_at",
  "actor_type",
  "actor_id",
  "actor_team_id",
  "actor_role",
  "action",
  "target_type",
  "target_id",
  "target_label",
  "changes",
  "result",
  "reason",
  "request_id",
  "previous_hash",
  "hash",
] as const;

export type TAuditExportColumn = (typeof AUDIT_EXPORT_COLUMNS)[number];

/** One exported row: the id as text (a bigint), the time in ISO 8601 UTC, `changes` as parsed JSON. */
export type TAuditExportRecord = { readonly [column in TAuditExportColumn]: unknown };

export interface TAuditExportOptions {
  readonly format: TAuditExportFormat;
  /** Events at or after this instant. */
  readonly since?: Date | undefined;
  /** Events before this instant (exclusive, so that consecutive exports neither overlap nor leave gaps). */
  readonly until?: Date | undefined;
  readonly batchSize?: number;
}

/** A piece of the export: its text and how many rows it holds (the CSV header holds none). */
export interface TAuditExportChunk {
  readonly text: string;
  readonly rows: number;
}

/** The export as text, a chunk per batch: JSON lines, or CSV (RFC 4180) with a header line. */
export async function* exportAuditEvents(
  client: TDatabaseClient,
  options: TAuditExportOptions,
): AsyncGenerator<TAuditExportChunk> {
  if (options.format === "csv") yield { text: csvLine(AUDIT_EXPORT_COLUMNS), rows: 0 };
  for await (const batch of auditExportBatches(client, options)) {
    const lines = batch.map((record) => (options.format === "csv" ? csvRecord(record) : jsonLine(record)));
    yield { text: lines.join(""), rows: batch.length };
  }
}

/** The rows in range, oldest first (by id, the chain's order), a batch at a time. */
export async function* auditExportBatches(
  client: TDatabaseClient,
  options: Omit<TAuditExportOptions, "format">,
): AsyncGenerator<TAuditExportRecord[]> {
  const batchSize = Math.max(1, options.batchSize ?? AUDIT_EXPORT_BATCH_SIZE);
  const occurredAt: Prisma.DateTimeFilter = {
    ...(options.since === undefined ? {} : { gte: options.since }),
    ...(options.until === undefined ? {} : { lt: options.until }),
  };
  let lastId: bigint | undefined;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where: {
        ...(Object.keys(occurredAt).length === 0 ? {} : { occurredAt }),
        ...(lastId === undefined ? {} : { id: { gt: lastId } }),
      },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length > 0) {
      yield rows.map((row) => ({
        id: row.id.toString(),
        occurred_at: row.occurredAt.toISOString(),
        actor_type: row.actorType,
        actor_id: row.actorId,
        actor_team_id: row.actorTeamId,
        actor_role: row.actorRole,
        action: row.action,
        target_type: row.targetType,
        target_id: row.targetId,
        target_label: row.targetLabel,
        changes: row.changes,
        result: row.result,
        reason: row.reason,
        request_id: row.requestId,
        previous_hash: row.previousHash,
        hash: row.hash,
      }));
      lastId = rows[rows.length - 1]?.id;
    }
    if (rows.length < batchSize) return;
  }
}

function jsonLine(record: TAuditExportRecord): string {
  return `${JSON.stringify(record)}\n`;
}

function csvRecord(record: TAuditExportRecord): string {
  return csvLine(
    AUDIT_EXPORT_COLUMNS.map((column) => {
      const value = record[column];
      if (value === null || value === undefined) return null;
      // `changes` as canonical JSON text: parsed back, it gives the value the hash covers.
      return column === "changes" ? canonicalJson(value) : String(value);
    }),
  );
}

/**
 * One CSV line, CRLF-ended. As PostgreSQL's COPY writes CSV: a null is an empty field, an empty
 * text is `""`, so that the two stay apart (the hash tells them apart too).
 */
export function csvLine(fields: readonly (string | null)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

function csvField(value: string | null): string {
  if (value === null) return "";
  if (value === "" || /[",\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/**
 * A time an operator types for --since / --until: a date (2026-11-28, midnight UTC) or a date and
 * time with its zone (2026-11-28T09:30:00-06:00, 2026-11-28T15:30Z). A time without a zone is
 * refused rather than guessed: audit times are UTC, the operator's clock may not be.
 */
export function parseAuditExportTime(
  text: string,
): { ok: true; date: Date } | { ok: false; problem: string } {
  const trimmed = text.trim();
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      trimmed,
    );
  if (match === null) {
    return {
      ok: false,
      problem: "expected a date such as 2026-11-28 or a date and time such as 2026-11-28T09:30:00Z",
    };
  }
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  if (hour !== undefined && zone === undefined) {
    return { ok: false, problem: "has a time but no zone: add Z (UTC) or an offset such as -06:00" };
  }
  const dayOfMonth = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    dayOfMonth.getUTCFullYear() !== Number(year) ||
    dayOfMonth.getUTCMonth() !== Number(month) - 1 ||
    dayOfMonth.getUTCDate() !== Number(day)
  ) {
    return { ok: false, problem: "is not a day of the calendar" };
  }
  if (hour === undefined) return { ok: true, date: dayOfMonth };
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) {
    return { ok: false, problem: "is not a time of day" };
  }
  const offset = (zone ?? "Z").toUpperCase() === "Z" ? "Z" : normalizedOffset(zone ?? "");
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second ?? "00"}.${(fraction ?? "0").padEnd(3, "0")}${offset}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { ok: false, problem: "is not a time of day" };
  return { ok: true, date };
}

/** +0530 or +05:30 → +05:30. */
function normalizedOffset(zone: string): string {
  const digits = zone.replace(":", "");
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}
