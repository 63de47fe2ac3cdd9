// What the operator's commands (audit:export, db:backup, db:restore) share: the environment read
// as the bot reads it (the working folder's .env, the real environment winning), one set of exit
// codes, the state of the embedded database's folder and what a database holds.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { type TAuditChainVerdict, verifyAuditChain } from "../application/audit/verify-audit-chain.ts";
import { loadEnvironmentFile } from "../config/env-file.ts";
import { ConfigurationError, readEnvironment, type TEnvironment } from "../config/environment.ts";
import type { Database } from "../infrastructure/prisma/open-database.ts";

export const ExitCode = {
  DONE: 0,
  /** The command ran and found something wrong (a broken audit chain). */
  FOUND_PROBLEM: 1,
  /** A wrong option or variable, or a database this command refuses to touch. */
  REFUSED: 2,
  /** The work itself failed (the database did not answer, a file could not be written). */
  FAILED: 3,
} as const;

/** The environment, or undefined after one line per problem on stderr. */
export function readCommandEnvironment(): TEnvironment | undefined {
  try {
    loadEnvironmentFile();
    return readEnvironment();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const problem of error.problems) console.error(problem);
    return undefined;
  }
}

/**
 * PGlite writes `postmaster.pid` into its folder when it opens it and removes it when it closes,
 * but it takes no lock: a second process would open the same folder beside the bot and corrupt
 * it. The file is the only sign that the bot holds the folder (or died holding it).
 */
export function embeddedDatabaseInUse(directory: string): string | undefined {
  const marker = path.join(directory, "postmaster.pid");
  if (!existsSync(marker)) return undefined;
  return (
    `the embedded database in ${directory} is open (${marker} exists): stop the bot first. ` +
    "If no bot runs, it stopped without closing the database: start and stop it once, or remove that file"
  );
}

/** Whether the folder holds anything at all (a database, or what is left of one). */
export function folderHoldsFiles(directory: string): boolean {
  return existsSync(directory) && readdirSync(directory).length > 0;
}

/** The message of an error, for the one line a failed command ends with. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A time for file names: 2026-11-28T12-00-00Z sorts and has no character a shell or Windows minds. */
export function fileTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "-");
}

export interface TDatabaseSummary {
  readonly users: number;
  readonly places: number;
  readonly auditEvents: number;
  readonly auditChain: TAuditChainVerdict;
}

/** What a backup or a restore says it holds: the accounts, the places and the audit chain, checked. */
export async function summarizeDatabase(database: Database): Promise<TDatabaseSummary> {
  const [users, places, auditEvents] = await Promise.all([
    database.prisma.portalUser.count(),
    database.prisma.issuingPlace.count(),
    database.prisma.auditEvent.count(),
  ]);
  return { users, places, auditEvents, auditChain: await verifyAuditChain(database.prisma) };
}

export function describeSummary(summary: TDatabaseSummary): string {
  const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const chain = summary.auditChain.ok
    ? "audit chain OK"
    : `audit chain BROKEN at row ${summary.auditChain.firstBadRow.id} (npm run audit:verify says more)`;
  return [
    counted(summary.users, "user", "users"),
    counted(summary.places, "place", "places"),
    counted(summary.auditEvents, "audit event", "audit events"),
    chain,
  ].join(", ");
}
