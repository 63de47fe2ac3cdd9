// Slack redelivers an event when its ack was slow or lost, possibly to another replica. The first
// replica to claim an event_id handles it; the claim is kept in the database (a unique key), so a
// redelivery is dropped wherever it lands. A claim whose handling failed is given back (the next
// redelivery is handled); one whose process died lapses after its lease.
import type { TUseCaseDependencies } from "../dependencies.ts";

/** Longer than any handling of an event takes; then a redelivery may take a dead process's claim. */
export const SLACK_EVENT_LEASE_MS = 5 * 60_000;
/** Slack redelivers within minutes (three retries); a day is plenty. */
export const SLACK_EVENT_RETENTION_MS = 24 * 60 * 60_000;

/** True when this process now holds the event and must handle it; false when it was handled or is being. */
export async function claimSlackEvent(dependencies: TUseCaseDependencies, eventId: string): Promise<boolean> {
  const now = dependencies.clock();
  const leasedUntil = new Date(now.getTime() + SLACK_EVENT_LEASE_MS);
  const expiresAt = new Date(now.getTime() + SLACK_EVENT_RETENTION_MS);
  const claimed = await dependencies.database.prisma.$queryRaw<{ event_id: string }[]>`
    INSERT INTO processed_slack_events AS e (event_id, claimed_at, leased_until, expires_at)
    VALUES (${eventId.slice(0, 64)}, ${now}, ${leasedUntil}, ${expiresAt})
    ON CONFLICT (event_id) DO UPDATE SET claimed_at = ${now}, leased_until = ${leasedUntil}
    WHERE e.completed_at IS NULL AND e.leased_until < ${now}
    RETURNING event_id`;
  return claimed.length > 0;
}

export async function completeSlackEvent(dependencies: TUseCaseDependencies, eventId: string): Promise<void> {
  await dependencies.database.prisma.processedSlackEvent.updateMany({
    where: { eventId: eventId.slice(0, 64) },
    data: { completedAt: dependencies.clock() },
  });
}

/** Handling failed: the next redelivery is handled, here or on another replica. */
export async function releaseSlackEvent(dependencies: TUseCaseDependencies, eventId: string): Promise<void> {
  await dependencies.database.prisma.processedSlackEvent.deleteMany({
    where: { eventId: eventId.slice(0, 64), completedAt: null },
  });
}
