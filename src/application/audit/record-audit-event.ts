// Writes one audit event in the caller's transaction, chained to the previous one. An advisory
// lock held until the transaction ends serialises writers, so the chain has no forks even with
// several replicas on one PostgreSQL.
import { randomUUID } from "node:crypto";
import { actorIdOf, type TActor } from "../../domain/actor.ts";
import type { TAuditAction, TAuditChanges, TAuditResult } from "../../domain/audit-actions.ts";
import { auditEventHash, GENESIS_HASH } from "../../domain/audit-chain.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import type { Prisma, TTransaction } from "../ports/database.ts";

// Any fixed 64-bit number: "p1audit".
const AUDIT_CHAIN_LOCK_KEY = "7003785296446836";

export interface TAuditEventInput {
  readonly actor: TActor;
  readonly actorRole: string;
  readonly requestId: string;
  readonly action: TAuditAction;
  readonly target?: {
    readonly type: string;
    readonly id?: string | undefined;
    readonly label?: string | undefined;
  };
  readonly changes?: TAuditChanges;
  readonly result: TAuditResult;
  readonly reason?: string;
}

export async function recordAuditEvent(
  transaction: TTransaction,
  input: TAuditEventInput,
  options: { occurredAt: Date; auditChannelId: string | undefined },
): Promise<bigint> {
  await transaction.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const [sequence] = await transaction.$queryRaw<{ id: bigint }[]>`
    SELECT nextval(pg_get_serial_sequence('audit_events', 'id')) AS id`;
  const last = await transaction.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  if (sequence === undefined) throw new Error("the audit sequence gave no value");
  const content = {
    id: BigInt(sequence.id),
    occurredAt: options.occurredAt,
    actorType: input.actor.kind,
    actorId: actorIdOf(input.actor),
    actorTeamId: input.actor.kind === "slack" ? (input.actor.teamId ?? null) : null,
    actorRole: input.actorRole,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    targetLabel: input.target?.label ?? null,
    // Hashed in the form the database gives back (JSON: a Date becomes its ISO text), so the verifier agrees.
    changes: input.changes === undefined ? null : (JSON.parse(JSON.stringify(input.changes)) as unknown),
    result: input.result,
    reason: input.reason ?? null,
    requestId: input.requestId || randomUUID(),
    previousHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditEventHash(content);
  await transaction.auditEvent.create({
    data: {
      ...content,
      changes: (content.changes ?? undefined) as Prisma.InputJsonValue | undefined,
      hash,
    },
  });
  if (options.auditChannelId !== undefined) {
    await enqueueOutboxMessage(
      transaction,
      OutboxKind.AUDIT_CHANNEL_POST,
      { auditEventId: content.id.toString(), channelId: options.auditChannelId },
      { auditEventId: content.id },
    );
  }
  return content.id;
}
