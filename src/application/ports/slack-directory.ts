// The workspace's people, as the use cases may ask about them: who holds an email address. The
// Slack surface gives it (users.lookupByEmail); inputs without a workspace simply do not.
export interface SlackDirectory {
  /** The Slack user id of the workspace member with this email, or undefined for none. */
  slackUserIdByEmail(email: string): Promise<string | undefined>;
}

/** Whether Slack says a person's account is deactivated (`users.info` → `deleted`). */
export interface SlackPersonLookup {
  /** Rejects with SlackLookupRateLimited on a rate limit; with anything else on any other failure. */
  isDeactivated(slackUserId: string): Promise<boolean>;
}

/** Slack answered 429: ask again after `retryAfterMs` (its Retry-After). */
export class SlackLookupRateLimited extends Error {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number, options?: { cause?: unknown }) {
    super(`slack rate limited (retry after ${Math.round(retryAfterMs / 1000)} s)`, options);
    this.name = "SlackLookupRateLimited";
    this.retryAfterMs = retryAfterMs;
  }
}
