// Sorts a Slack Web API failure for the outbox: a rate limit or an outage is tried again later
// (after Slack's Retry-After when it gives one); a channel or user that does not exist is not.
import { ErrorCode as SlackErrorCode } from "@slack/web-api";
import {
  PermanentDeliveryError,
  TransientDeliveryError,
} from "../../infrastructure/outbox/delivery-errors.ts";

const PERMANENT_PLATFORM_ERRORS = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "users_not_found",
  "cannot_dm_bot",
  "user_disabled",
  "invalid_blocks",
  "msg_too_long",
  "no_text",
]);

export function classifySlackError(error: unknown): TransientDeliveryError | PermanentDeliveryError {
  const code = (error as { code?: unknown }).code;
  if (code === SlackErrorCode.RateLimitedError) {
    const retryAfterSeconds = Number((error as { retryAfter?: unknown }).retryAfter ?? 0);
    return new TransientDeliveryError(`slack rate limited (retry after ${retryAfterSeconds} s)`, {
      cause: error,
      retryAfterMs:
        Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0 ? retryAfterSeconds * 1_000 : undefined,
    });
  }
  if (code === SlackErrorCode.PlatformError) {
    const platformError = String((error as { data?: { error?: unknown } }).data?.error ?? "unknown");
    return PERMANENT_PLATFORM_ERRORS.has(platformError)
      ? new PermanentDeliveryError(`slack refused: ${platformError}`, { cause: error })
      : new TransientDeliveryError(`slack error: ${platformError}`, { cause: error });
  }
  return new TransientDeliveryError(
    `slack unreachable: ${String(code ?? (error as Error).message ?? "unknown")}`,
    { cause: error },
  );
}
