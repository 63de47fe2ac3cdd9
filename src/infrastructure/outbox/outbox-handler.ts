// What the outbox worker hands a delivery handler, and what a handler answers. A handler delivers
// one message (an email, a Slack post) outside any transaction; it throws a delivery error
// (delivery-errors.ts) when it cannot, and answers "cancelled" when there is nothing left to deliver.
import type { TOutboxKind } from "../../application/outbox/outbox-messages.ts";

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
