// The first middleware: ties each request to its sender and a request id, and drops what must not
// run twice — Slack's retries of an event it already delivered (x-slack-retry-num), and the same
// event id seen again.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../application/ports/logger.ts";
import { attachRequestContext, createRequestContext } from "../request-context.ts";

const REMEMBERED_EVENT_IDS = 2_000;

export function requestContextMiddleware(logger: Logger): Middleware<AnyMiddlewareArgs> {
  const seenEventIds = new Set<string>();
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string") {
      if (context.retryNum !== undefined || seenEventIds.has(eventId)) {
        logger.debug({ eventId, retryNum: context.retryNum }, "event already handled: skipped");
        return;
      }
      seenEventIds.add(eventId);
      if (seenEventIds.size > REMEMBERED_EVENT_IDS) {
        const oldest = seenEventIds.values().next().value;
        if (oldest !== undefined) seenEventIds.delete(oldest);
      }
    }
    const requestContext = createRequestContext(body);
    if (requestContext !== undefined) attachRequestContext(context, requestContext);
    await next();
  };
}
