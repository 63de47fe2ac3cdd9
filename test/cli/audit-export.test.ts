// `npm run audit:export` as an operator runs it, on the test database (embedded, or PostgreSQL
// with TEST_DATABASE_URL): the rows in chain order with every column, the range filters, CSV that
// a spreadsheet or a SIEM parses back to the same values, and hashes an auditor can recompute.
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_EXPORT_COLUMNS, exportAuditEvents } from "../../src/application/audit/export-audit-events.ts";
import { verifyAuditChain } from "../../src/application/audit/verify-audit-chain.ts";
import { auditEventHash, GENESIS_HASH } from "../../src/domain/audit-chain.ts";
import { recordTestAuditEvent } from "../support/audit-events.ts";
import { createCommandDatabase, runCommand, type TCommandDatabase, withOpenDatabase } from "./run-command.ts";

type TRecord = Record<(typeof AUDIT_EXPORT_COLUMNS)[number], unknown>;

/** Tricky texts: quotes, a comma, a line break and the Ñ of an RFC. */
const TRICKY_NAME = 'María "Mary" Núñez,\nDirectora de Ñ&A';
const TRICKY_REASON = 'Pedido por "Mesa de ayuda", ticket 42\nsegunda línea';

const EVENTS = [
  { action: "user.created", occurredAt: "2026-11-27T23:59:59.999Z", targetLabel: "maria.nunez" },
  {
    action: "user.updated",
    occurredAt: "2026-11-28T00:00:00.000Z",
    targetLabel: "maria.nunez",
    changes: { fullName: { before: "María Núñez", after: TRICKY_NAME } },
    reason: TRICKY_REASON,
  },
  { action: "user.deleted", occurredAt: "2026-11-28T12:00:00.000Z", targetLabel: "maria.nunez" },
  { action: "place.created", occurredAt: "2026-11-29T00:00:00.000Z" },
] as const;

function jsonLines(text: string): TRecord[] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as TRecord);
}

/** RFC 4180, as a consumer reads it; an unquoted empty field is null, a quoted one "". */
function parseCsv(text: string): (string | null)[][] {
  const records: (string | null)[][] = [];
  let record: (string | null)[] = [];
  let index = 0;
  while (index < text.length) {
    let field: string | null;
    if (text[index] === '"') {
      let value = "";
      index += 1;
      for (;;) {
        const next = text.indexOf('"', index);
        value += text.slice(index, next);
        index = next + 1;
        if (text[index] === '"') {
          value += '"';
          index += 1;
        } else break;
      }
      field = value;
    } else {
      const end = text.slice(index).search(/,|\r\n/);
      const value = end === -1 ? text.slice(index) : text.slice(index, index + end);
      index += value.length;
      field = value === "" ? null : value;
    }
    record.push(field);
    if (text[index] === ",") index += 1;
    else if (text.startsWith("\r\n", index)) {
      index += 2;
      records.push(record);
      record = [];
    }
  }
  return records;
}

function recordFromCsv(header: (string | null)[], row: (string | null)[]): TRecord {
  const record = Object.fromEntries(header.map((column, index) => [column, row[index] ?? null])) as TRecord;
  return { ...record, changes: record.changes === null ? null : JSON.parse(String(record.changes)) };
}

function hashOf(record: TRecord): string {
  const text = (column: keyof TRecord) => (record[column] === null ? null : String(record[column]));
  return auditEventHash({
    id: BigInt(String(record.id)),
    occurredAt: new Date(String(record.occurred_at)),
    actorType: String(record.actor_type),
    actorId: String(record.actor_id),
    actorTeamId: text("actor_team_id"),
    actorRole: String(record.actor_role),
    action: String(record.action),
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetLabel: text("target_label"),
    changes: record.changes,
    result: String(record.result),
    reason: text("reason"),
    requestId: String(record.request_id),
    previousHash: String(record.previous_hash),
  });
}

describe("npm run audit:export", () => {
  let database: TCommandDatabase;
  const exportAudit = (args: string[], environment: Record<string, string> = database.environment) =>
    runCommand("src/cli/audit-export.ts", { args, environment, workingDirectory: database.workingDirectory });

  beforeAll(async () => {
    database = await createCommandDatabase();
    await withOpenDatabase(database, async (opened) => {
      for (const event of EVENTS) {
        await recordTestAuditEvent(opened, {
          action: event.action,
          occurredAt: new Date(event.occurredAt),
          ...("targetLabel" in event ? { targetLabel: event.targetLabel } : {}),
          ...("changes" in event ? { changes: event.changes } : {}),
          ...("reason" in event ? { reason: event.reason } : {}),
        });
      }
      expect(await verifyAuditChain(opened.prisma)).toEqual({ ok: true, rows: EVENTS.length });
    });
  });
  afterAll(() => database.close());

  it("reads the trail a batch at a time, the same rows whatever the batch size", async () => {
    await withOpenDatabase(database, async (opened) => {
      const chunks = async (batchSize: number) => {
        const found = [];
        for await (const chunk of exportAuditEvents(opened.prisma, { format: "csv", batchSize }))
          found.push(chunk);
        return found;
      };
      const oneByOne = await chunks(1);
      expect(oneByOne.map((chunk) => chunk.rows)).toEqual([0, 1, 1, 1, 1]);
      const together = await chunks(1000);
      expect(together.map((chunk) => chunk.rows)).toEqual([0, 4]);
      expect(oneByOne.map((chunk) => chunk.text).join("")).toBe(together.map((chunk) => chunk.text).join(""));
    });
  });

  it("writes every row as a JSON line, in chain order, with every column and hashes that recompute", async () => {
    const run = await exportAudit([]);
    expect(run).toMatchObject({ exitCode: 0, stderr: "audit export: 4 rows as jsonl\n" });
    const records = jsonLines(run.stdout);
    expect(records.map((record) => record.action)).toEqual(EVENTS.map((event) => event.action));
    expect(Object.keys(records[0] ?? {})).toEqual([...AUDIT_EXPORT_COLUMNS]);
    expect(records[0]).toMatchObject({
      occurred_at: "2026-11-27T23:59:59.999Z",
      actor_type: "slack",
      actor_id: "U0ADMIN01",
      actor_team_id: "T0TEAM001",
      actor_role: "ADMIN",
      target_type: "portal_user",
      target_label: "maria.nunez",
      result: "success",
      previous_hash: GENESIS_HASH,
    });
    expect(records[1]?.changes).toEqual(EVENTS[1].changes);
    records.forEach((record, index) => {
      expect(hashOf(record), `row ${index} hashes to its hash`).toBe(record.hash);
      if (index > 0) expect(record.previous_hash, `row ${index} links`).toBe(records[index - 1]?.hash);
    });
  });

  it("keeps --since (included) and --until (left out) to the range, dates or times with a zone", async () => {
    const day = jsonLines((await exportAudit(["--since", "2026-11-28", "--until", "2026-11-29"])).stdout);
    expect(day.map((record) => record.action)).toEqual(["user.updated", "user.deleted"]);
    // 06:00 in Mexico City is 12:00 UTC.
    const later = jsonLines((await exportAudit(["--since", "2026-11-28T06:00:00-06:00"])).stdout);
    expect(later.map((record) => record.action)).toEqual(["user.deleted", "place.created"]);
    const earlier = jsonLines((await exportAudit(["--until", "2026-11-28T00:00:00.001Z"])).stdout);
    expect(earlier.map((record) => record.action)).toEqual(["user.created", "user.updated"]);
    const none = await exportAudit(["--since", "2030-01-01"]);
    expect(none).toMatchObject({ exitCode: 0, stdout: "", stderr: "audit export: 0 rows as jsonl\n" });
  });

  it("writes CSV to a file, readable only by its owner, whose fields parse back to the hashed values", async () => {
    const file = path.join(database.dataDirectory, "audit.csv");
    const run = await exportAudit(["--format", "csv", "--output", file]);
    expect(run).toMatchObject({ exitCode: 0, stdout: "" });
    expect(run.stderr).toBe(`audit export: 4 rows as csv to ${file}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, "utf8");
    expect(text.startsWith(`${AUDIT_EXPORT_COLUMNS.join(",")}\r\n`)).toBe(true);
    const [header = [], ...rows] = parseCsv(text);
    expect(rows).toHaveLength(4);
    const records = rows.map((row) => recordFromCsv(header, row));
    expect(records[1]).toMatchObject({ changes: EVENTS[1].changes, reason: TRICKY_REASON });
    expect(text).toContain('"Pedido por ""Mesa de ayuda"", ticket 42\nsegunda línea"');
    // place.created has no target: empty fields, not the text "null".
    expect(records[3]).toMatchObject({ target_type: null, target_label: null, reason: null, changes: null });
    records.forEach((record, index) => {
      expect(hashOf(record), `row ${index} hashes to its hash`).toBe(record.hash);
    });
  });

  it("refuses to replace a file unless --force", async () => {
    const file = path.join(database.dataDirectory, "kept.jsonl");
    await writeFile(file, "an earlier export\n");
    const refused = await exportAudit(["--output", file]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(`${file} exists: pass --force to replace it\n`);
    expect(await readFile(file, "utf8")).toBe("an earlier export\n");
    expect((await exportAudit(["--output", file, "--force"])).exitCode).toBe(0);
    expect(jsonLines(await readFile(file, "utf8"))).toHaveLength(4);
  });

  it("says what is wrong with a time or an option, and exits 2", async () => {
    const cases: [string[], string][] = [
      [["--since", "2026-13-01"], '--since "2026-13-01": is not a day of the calendar'],
      [["--since", "28/11/2026"], '--since "28/11/2026": expected a date such as 2026-11-28'],
      [["--until", "2026-11-28T09:30"], '--until "2026-11-28T09:30": has a time but no zone: add Z (UTC)'],
      [["--since", "2026-11-29", "--until", "2026-11-28"], "--until: must come after --since"],
      [["--format", "xml"], '--format: expected jsonl or csv, not "xml"'],
      [["--sinse", "2026-11-28"], "Unknown option '--sinse'"],
    ];
    for (const [args, expected] of cases) {
      const run = await exportAudit(args);
      expect(run.exitCode, args.join(" ")).toBe(2);
      expect(run.stderr.split("\n")[0], args.join(" ")).toContain(expected);
      expect(run.stdout).toBe("");
    }
  });

  it("reads .env in the working folder, as the bot does", async () => {
    await writeFile(
      path.join(database.workingDirectory, ".env"),
      Object.entries(database.environment)
        .map(([name, value]) => `${name}=${value}\n`)
        .join(""),
    );
    try {
      const run = await exportAudit(["--format", "csv"], {});
      expect(run.exitCode).toBe(0);
      expect(parseCsv(run.stdout)).toHaveLength(5);
    } finally {
      await writeFile(path.join(database.workingDirectory, ".env"), "");
    }
  });

  it.skipIf(process.env.TEST_DATABASE_URL)(
    "refuses an embedded database that another process holds open, and exits 2",
    async () => {
      await withOpenDatabase(database, async () => {
        const run = await exportAudit([]);
        expect(run.exitCode).toBe(2);
        expect(run.stderr).toMatch(
          /^the embedded database in .* is open \(.*postmaster\.pid exists\): stop the bot first/,
        );
      });
    },
  );
});
