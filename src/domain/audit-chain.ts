// The audit trail's hash chain: each row's hash covers its content and the previous row's hash,
// so that changing, removing or inserting a row breaks the chain from that row on.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface TChainedAuditContent {
  readonly id: bigint;
  readonly occurredAt: Date;
  readonly actorType: string;
  readonly actorId: string;
  readonly actorTeamId: string | null;
  readonly actorRole: string;
  readonly action: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly targetLabel: string | null;
  readonly changes: unknown;
  readonly result: string;
  readonly reason: string | null;
  readonly requestId: string;
  readonly previousHash: string;
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function auditEventHash(content: TChainedAuditContent): string {
  const text = canonicalJson([
    content.id.toString(),
    content.occurredAt.toISOString(),
    content.actorType,
    content.actorId,
    content.actorTeamId,
    content.actorRole,
    content.action,
    content.targetType,
    content.targetId,
    content.targetLabel,
    content.changes ?? null,
    content.result,
    content.reason,
    content.requestId,
    content.previousHash,
  ]);
  return createHash("sha256").update(text, "utf8").digest("hex");
}
