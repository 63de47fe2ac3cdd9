// The Web API client of the outbox worker. It does not retry by itself and rejects a rate-limited
// call at once: the worker owns retries (backoff, Retry-After, attempts), so nothing blocks a batch.
import { WebClient } from "@slack/web-api";
import type { Logger } from "../../application/ports/logger.ts";
import { boltLogger } from "../bolt-logger.ts";

export function createSlackDeliveryClient(options: {
  token: string;
  slackApiUrl: string | undefined;
  logger: Logger;
}): WebClient {
  return new WebClient(options.token, {
    ...(options.slackApiUrl === undefined
      ? {}
      : { slackApiUrl: options.slackApiUrl.endsWith("/") ? options.slackApiUrl : `${options.slackApiUrl}/` }),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logger: boltLogger(options.logger.child({ component: "slack-delivery" })),
  });
}
