// The portal API's rate limits: one named limit (per client, per username) over the limit kept in
// the database, so that two replicas allow the limit once, not twice.

import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import {
  consumeRateLimit,
  type TRateLimit,
  type TRateLimitDecision,
} from "../../application/rate-limits/consume-rate-limit.ts";

export type { TRateLimit, TRateLimitDecision };

export interface TRateLimiter {
  /** Counts one attempt for the key when it is allowed; a refused attempt is not counted. */
  consume(key: string): Promise<TRateLimitDecision>;
}

export function createRateLimiter(options: {
  readonly dependencies: TUseCaseDependencies;
  /** Keeps this limit's keys apart from every other limit's in the shared table. */
  readonly name: string;
  readonly rule: TRateLimit;
}): TRateLimiter {
  return {
    consume: (key) =>
      consumeRateLimit(options.dependencies, {
        key: `${options.name}:${key}`.slice(0, 200),
        rule: options.rule,
      }),
  };
}
