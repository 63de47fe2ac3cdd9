// The first middleware: ties each request to its sender and a request id, and drops an event this
// process already handled (Slack redelivers with x-slack-retry-num when an answer was slow). A
// retry of an event this process never saw — the first delivery failed, or went to a process that
// has since restarted — is handled: dropping every retry would lose it.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../application/ports/logger.ts";
import { attachRequestContext, createRequestContext } from "../request-context.ts";

const REMEMBERED_EVENT_IDS = 2_000;

export function requestContextMiddleware(logger: Logger): Middleware<AnyMiddlewareArgs> {
  const seenEventIds = new Set<string>();
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string") {
      if (seenEventIds.has(eventId)) {
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
