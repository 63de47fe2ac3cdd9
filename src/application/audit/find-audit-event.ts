// One audit event by id, for the bot's own delivery of it to the audit channel (no person asks:
// no permission is checked).
import type { TUseCaseDependencies } from "../dependencies.ts";
import { auditEventListSelect, type TAuditEventRow } from "./list-audit-events.ts";

export async function findAuditEvent(
  dependencies: TUseCaseDependencies,
  id: bigint,
): Promise<TAuditEventRow | undefined> {
  const row = await dependencies.database.prisma.auditEvent.findUnique({
    where: { id },
    select: auditEventListSelect,
  });
  return row ?? undefined;
}
