// What the outbox worker hands a delivery handler, and what a handler answers. A handler delivers
// one message (an email, a Slack post) outside any transaction; it throws a delivery error
// (delivery-errors.ts) when it cannot, and answers "cancelled" when there is nothing left to deliver.
import type { z } from "zod";
import type { TOutboxKind } from "../../application/outbox/outbox-messages.ts";
import type { TTransaction } from "../../application/ports/database.ts";
import type { TAuditAction } from "../../domain/audit-actions.ts";
import { PermanentDeliveryError } from "./delivery-errors.ts";

export interface TOutboxDelivery {
  readonly id: string;
  readonly kind: TOutboxKind;
  /** As stored; each handler checks it against its kind's schema. */
  readonly payload: unknown;
  /** Counting this one. */
  readonly attempts: number;
  readonly createdAt: Date;
  /** The worker holding the row's lease now: with `attempts`, the claim a handler may write under. */
  readonly leasedBy: string;
}

export type TDeliveryOutcome =
  | { readonly status: "sent" }
  /** Nothing to deliver any more (the account was deleted): the row is closed as CANCELLED. */
  | { readonly status: "cancelled"; readonly reason: string };

export type TOutboxHandler = (delivery: TOutboxDelivery) => Promise<TDeliveryOutcome>;

export type TOutboxHandlers = Partial<Record<TOutboxKind, TOutboxHandler>>;

export const delivered: TDeliveryOutcome = { status: "sent" };

export function cancelled(reason: string): TDeliveryOutcome {
  return { status: "cancelled", reason };
}

/** What the delivery.failed audit event says of a message of some kind, beyond its kind and reason. */
export interface TFailureAuditDetails {
  /** The audit action, when more telling than delivery.failed. */
  readonly action?: TAuditAction;
  /** What the failure is about (an account), instead of the outbox row. */
  readonly target: { readonly type: string; readonly id?: string; readonly label?: string };
  readonly changes?: Readonly<Record<string, unknown>>;
}

/**
 * Runs in the transaction that marks a message FAILED, before its audit event: the consequences of
 * that failure for its kind (mark the account, tell an admin), and what the audit event names.
 */
export type TOutboxFailureHook = (
  transaction: TTransaction,
  delivery: TOutboxDelivery,
  context: { readonly reason: string; readonly now: Date },
) => Promise<TFailureAuditDetails | undefined>;

export type TOutboxFailureHooks = Partial<Record<TOutboxKind, TOutboxFailureHook>>;

/** A payload that does not fit its kind will never send: failed at once, naming the fields (not their values). */
export function parsePayload<TSchema extends z.ZodType>(
  schema: TSchema,
  delivery: TOutboxDelivery,
): z.output<TSchema> {
  const result = schema.safeParse(delivery.payload);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join(".") || "(payload)"))];
  throw new PermanentDeliveryError(`invalid ${delivery.kind} payload: ${fields.join(", ")}`);
}
