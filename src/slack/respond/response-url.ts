// Posts to an interaction's response_url (valid 30 minutes, 5 uses): how a modal submission
// refreshes the list message it was opened from.
import type { Logger } from "../../application/ports/logger.ts";

export async function postToResponseUrl(
  responseUrl: string,
  message: {
    text: string;
    blocks?: unknown[];
    replace_original?: boolean;
    response_type?: "ephemeral" | "in_channel";
  },
  logger: Logger,
): Promise<void> {
  try {
    const response = await fetch(responseUrl, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) logger.warn({ status: response.status }, "response_url refused the message");
  } catch (error) {
    // The change is stored and audited; only the refreshed list is lost, and the user can ask again.
    logger.warn({ err: error }, "could not post to response_url");
  }
}
