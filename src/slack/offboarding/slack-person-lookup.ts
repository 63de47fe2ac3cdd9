// users.info as the reconciliation asks it: is this person deactivated? A 429 comes back as
// SlackLookupRateLimited with Slack's Retry-After (the client never waits by itself).
import { ErrorCode as SlackErrorCode, type WebClient } from "@slack/web-api";
import { SlackLookupRateLimited, type SlackPersonLookup } from "../../application/ports/slack-directory.ts";

/** When Slack gives no Retry-After with a 429. */
const DEFAULT_RETRY_AFTER_MS = 60_000;

export function createSlackPersonLookup(client: WebClient): SlackPersonLookup {
  return {
    async isDeactivated(slackUserId) {
      try {
        const answer = await client.users.info({ user: slackUserId });
        return answer.user?.deleted === true;
      } catch (error) {
        if ((error as { code?: unknown }).code === SlackErrorCode.RateLimitedError) {
          const seconds = Number((error as { retryAfter?: unknown }).retryAfter);
          throw new SlackLookupRateLimited(
            Number.isFinite(seconds) && seconds >= 0 ? seconds * 1_000 : DEFAULT_RETRY_AFTER_MS,
            { cause: error },
          );
        }
        throw error;
      }
    },
  };
}
