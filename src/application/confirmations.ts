// A Sí / No question is answered once. The question carries a new id on its Sí button; the change
// it confirms uses the id up in its own transaction, so that Sí pressed twice, three times, or by
// two admins looking at one question acts once — and a later question gets an id of its own.
import { randomUUID } from "node:crypto";
import { DomainError, ErrorCode } from "../domain/errors.ts";
import type { TTransaction } from "./ports/database.ts";
import { UUID_PATTERN } from "./users/portal-user-input.ts";

/** How long a used id is remembered: longer than any Slack message stays clickable in practice. */
export const USED_CONFIRMATION_RETENTION_DAYS = 30;

export function newConfirmationId(): string {
  return randomUUID();
}

/**
 * Uses the id up, or throws CONFIRMATION_USED when it was used already (the change is not made
 * again). Concurrent uses of one id wait for each other: exactly one of them goes on.
 */
export async function useConfirmation(
  transaction: TTransaction,
  options: { confirmationId: string; action: string; now: Date },
): Promise<void> {
  if (!UUID_PATTERN.test(options.confirmationId)) throw new DomainError(ErrorCode.CONFIRMATION_USED);
  const inserted = await transaction.$queryRaw<{ id: string }[]>`
    INSERT INTO used_confirmations (id, action, used_at)
    VALUES (${options.confirmationId}::uuid, ${options.action}, ${options.now})
    ON CONFLICT (id) DO NOTHING
    RETURNING id`;
  if (inserted.length === 0) throw new DomainError(ErrorCode.CONFIRMATION_USED);
}
