// Audit events written straight through the chain writer, for tests about the trail itself
// (listing, verifying) rather than about the change an event records.
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "../../src/application/audit/record-audit-event.ts";
import type { Database } from "../../src/application/ports/database.ts";
import type { TAuditAction, TAuditChanges } from "../../src/domain/audit-actions.ts";
import { ADMIN_SLACK_ID } from "./seed.ts";

export interface TTestAuditEvent {
  readonly action?: TAuditAction;
  readonly targetLabel?: string;
  readonly changes?: TAuditChanges;
  readonly reason?: string;
  readonly occurredAt?: Date;
}

/** Records one event by the seeded admin and returns its id. */
export function recordTestAuditEvent(database: Database, event: TTestAuditEvent = {}): Promise<bigint> {
  return database.prisma.$transaction((transaction) =>
    recordAuditEvent(
      transaction,
      {
        actor: { kind: "slack", slackUserId: ADMIN_SLACK_ID, teamId: "T0TEAM001" },
        actorRole: "ADMIN",
        requestId: randomUUID(),
        action: event.action ?? "user.updated",
        ...(event.targetLabel === undefined
          ? {}
          : { target: { type: "portal_user", label: event.targetLabel } }),
        ...(event.changes === undefined ? {} : { changes: event.changes }),
        ...(event.reason === undefined ? {} : { reason: event.reason }),
        result: "success",
      },
      { occurredAt: event.occurredAt ?? new Date("2026-11-28T12:00:00.000Z"), auditChannelId: undefined },
    ),
  );
}

/** Runs SQL on audit_events as its owner could: with the append-only trigger off for that moment. */
export async function tamperWithAuditEvents(
  database: Database,
  sql: string,
  ...parameters: unknown[]
): Promise<void> {
  await database.prisma.$transaction(async (transaction) => {
    await transaction.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
    await transaction.$executeRawUnsafe(sql, ...parameters);
    await transaction.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
  });
}
