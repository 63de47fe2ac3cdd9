// The first middleware: ties each request to its sender and a request id, and drops an event
// already handled — Slack redelivers with x-slack-retry-num when an answer was slow, and the
// redelivery may reach another replica, so the claim is kept in the database. A retry of an event
// whose first delivery failed (or whose process died) is handled: dropping every retry would lose it.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import {
  claimSlackEvent,
  completeSlackEvent,
  releaseSlackEvent,
} from "../../application/slack-events/slack-event-claims.ts";
import { attachRequestContext, createRequestContext } from "../request-context.ts";

export function requestContextMiddleware(dependencies: TUseCaseDependencies): Middleware<AnyMiddlewareArgs> {
  const { logger } = dependencies;
  return async ({ body, context, next }) => {
    const requestContext = createRequestContext(body);
    if (requestContext !== undefined) attachRequestContext(context, requestContext);
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string" || eventId === "") {
      await next();
      return;
    }
    if (!(await claimSlackEvent(dependencies, eventId))) {
      logger.debug({ eventId, retryNum: context.retryNum }, "event already handled: skipped");
      return;
    }
    try {
      await next();
    } catch (error) {
      await releaseSlackEvent(dependencies, eventId);
      throw error;
    }
    await completeSlackEvent(dependencies, eventId);
  };
}
