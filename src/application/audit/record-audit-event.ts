// Writes one audit event in the caller's transaction, chained to the previous one. An advisory
// lock held until the transaction ends serialises writers, so the chain has no forks even with
// several replicas on one PostgreSQL.
import { randomUUID } from "node:crypto";
import { actorIdOf, type TActor } from "../../domain/actor.ts";
import type { TAuditAction, TAuditChanges, TAuditResult } from "../../domain/audit-actions.ts";
import { auditEventHash, GENESIS_HASH } from "../../domain/audit-chain.ts";
import { storableText } from "../../domain/text-rules.ts";
import { enqueueOutboxMessage, OutboxKind } from "../outbox/outbox-messages.ts";
import type { Prisma, TTransaction } from "../ports/database.ts";

// Any fixed 64-bit number: "p1audit".
const AUDIT_CHAIN_LOCK_KEY = "7003785296446836";

/** What an audit event is about: an account, a place, a company … */
export interface TAuditTarget {
  readonly type: string;
  readonly id?: string | undefined;
  readonly label?: string | undefined;
}

export interface TAuditEventInput {
  readonly actor: TActor;
  readonly actorRole: string;
  readonly requestId: string;
  readonly action: TAuditAction;
  readonly target?: TAuditTarget;
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
  // Every text as the database will hold it, so that the hash covers exactly what is stored: a
  // refusal may record what was tried, and what was tried may hold a NUL or a lone surrogate.
  const text = (value: string | undefined | null) => (value == null ? null : storableText(value));
  const content = {
    id: BigInt(sequence.id),
    occurredAt: options.occurredAt,
    actorType: input.actor.kind,
    actorId: storableText(actorIdOf(input.actor)),
    actorTeamId: input.actor.kind === "slack" ? text(input.actor.teamId) : null,
    actorRole: input.actorRole,
    action: input.action,
    targetType: text(input.target?.type),
    targetId: text(input.target?.id),
    targetLabel: text(input.target?.label),
    // Hashed in the form the database gives back (JSON: a Date becomes its ISO text), so the verifier agrees.
    changes: input.changes === undefined ? null : storableJson(input.changes),
    result: input.result,
    reason: text(input.reason),
    requestId: storableText(input.requestId || randomUUID()),
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

/** The value as JSON text gives it back (a Date becomes its ISO text), every string storable. */
function storableJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === "string" ? storableText(item) : item,
  ) as unknown;
}
