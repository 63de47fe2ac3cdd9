// How a delivery handler tells the outbox worker what went wrong. Transient: try again later (the
// worker backs off). Permanent: trying again cannot help (a rejected address, an invalid payload).
// Any other error counts as transient. Messages end up in outbox_messages.last_error and the logs:
// they say what failed in a few words and never carry a secret or a message's content.

export class TransientDeliveryError extends Error {
  /** The wait the other side asked for (an HTTP 429's Retry-After); the worker waits at least this long. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { cause?: unknown; retryAfterMs?: number | undefined } = {}) {
    super(message, { cause: options.cause });
    this.name = "TransientDeliveryError";
    this.retryAfterMs = options.retryAfterMs;
  }
}

export class PermanentDeliveryError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = "PermanentDeliveryError";
  }
}
