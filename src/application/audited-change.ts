// The one shape of every change: one transaction holding the change, its audit event and its
// outbox rows — all of it commits, or none of it does.
import type { TRequestContext } from "../domain/actor.ts";
import { recordAuditEvent, type TAuditEventInput } from "./audit/record-audit-event.ts";
import type { TAuthority } from "./authorization.ts";
import type { TUseCaseDependencies } from "./dependencies.ts";
import type { TTransaction } from "./ports/database.ts";
import { withUniqueViolationsAsFieldErrors } from "./unique-violation.ts";

/** What a change says of itself in its audit event; who asked, in which request, comes from the context. */
export type TAuditEntry = Pick<TAuditEventInput, "action" | "target" | "changes" | "reason"> &
  Partial<Pick<TAuditEventInput, "result">>;

export type TAuditWriter = (entry: TAuditEntry) => Promise<bigint>;

export function runAuditedChange<T>(
  dependencies: TUseCaseDependencies,
  context: TRequestContext,
  authority: TAuthority,
  work: (transaction: TTransaction, audit: TAuditWriter, now: Date) => Promise<T>,
  options: {
    /** After a unique violation (a race the checks inside could not see): the checks again, outside. */
    readonly recheckAfterUniqueViolation?: () => Promise<unknown>;
  } = {},
): Promise<T> {
  const now = dependencies.clock();
  return withUniqueViolationsAsFieldErrors(
    () =>
      dependencies.database.prisma.$transaction(
        (transaction) =>
          work(
            transaction,
            (entry) =>
              recordAuditEvent(
                transaction,
                {
                  actor: context.actor,
                  actorRole: authority.auditRole,
                  requestId: context.requestId,
                  result: "success",
                  ...entry,
                },
                { occurredAt: now, auditChannelId: dependencies.settings.auditChannelId },
              ),
            now,
          ),
        // The embedded database is one connection: a waiting transaction queues behind the running one.
        { maxWait: 10_000, timeout: 20_000 },
      ),
    options.recheckAfterUniqueViolation,
  );
}
