// Walks the audit trail in chain order and checks every row: its hash must match its content
// (else the row was changed) and its previous hash must be the hash of the row before it (else a
// row was removed or inserted, or the row before it was rewritten with a recomputed hash).
// Read-only; `npm run audit:verify` runs it.
import { auditEventHash, GENESIS_HASH } from "../../domain/audit-chain.ts";
import type { TDatabaseClient } from "../ports/database.ts";

export const AUDIT_CHAIN_BATCH_SIZE = 500;

export type TAuditChainProblem = "content" | "link";

export type TAuditChainVerdict =
  | { readonly ok: true; readonly rows: number }
  | {
      readonly ok: false;
      /** Rows checked, the bad one included. */
      readonly rows: number;
      readonly firstBadRow: { readonly id: bigint; readonly action: string; readonly occurredAt: Date };
      readonly problem: TAuditChainProblem;
    };

export async function verifyAuditChain(
  client: TDatabaseClient,
  options: { batchSize?: number } = {},
): Promise<TAuditChainVerdict> {
  const batchSize = Math.max(1, options.batchSize ?? AUDIT_CHAIN_BATCH_SIZE);
  let expectedPreviousHash = GENESIS_HASH;
  let rows = 0;
  let lastId: bigint | undefined;
  for (;;) {
    const batch = await client.auditEvent.findMany({
      ...(lastId === undefined ? {} : { where: { id: { gt: lastId } } }),
      orderBy: { id: "asc" },
      take: batchSize,
    });
    for (const row of batch) {
      rows += 1;
      // `changes` comes back parsed from JSON; the writer hashed a value that survives that round trip.
      const problem: TAuditChainProblem | undefined =
        auditEventHash(row) !== row.hash
          ? "content"
          : row.previousHash !== expectedPreviousHash
            ? "link"
            : undefined;
      if (problem !== undefined) {
        return {
          ok: false,
          rows,
          firstBadRow: { id: row.id, action: row.action, occurredAt: row.occurredAt },
          problem,
        };
      }
      expectedPreviousHash = row.hash;
      lastId = row.id;
    }
    if (batch.length < batchSize) return { ok: true, rows };
  }
}
