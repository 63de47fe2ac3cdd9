// The first middleware: ties each request to its sender and a request id, and drops an event
// already handled — Slack redelivers with x-slack-retry-num when an answer was slow, and the
// redelivery may reach another replica, so the claim is kept in the database. A retry of an event
// whose first delivery failed (or whose process died) is handled: dropping every retry would lose it.
// Each request leaves one info line when it is done: what, who, the outcome, how long, the request id.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import {
  claimSlackEvent,
  completeSlackEvent,
  releaseSlackEvent,
} from "../../application/slack-events/slack-event-claims.ts";
import { attachRequestContext, createRequestContext } from "../request-context.ts";
import { slackRequestSummary } from "../request-summary.ts";

export function requestContextMiddleware(dependencies: TUseCaseDependencies): Middleware<AnyMiddlewareArgs> {
  const { logger } = dependencies;
  return async ({ body, context, next }) => {
    const startedAt = performance.now();
    const requestContext = createRequestContext(body);
    if (requestContext !== undefined) attachRequestContext(context, requestContext);
    const request = slackRequestSummary(body);
    const done = (outcome: "handled" | "duplicate" | "failed") => {
      dependencies.metrics?.slackRequestHandled(request.kind, outcome);
      logger.info(
        {
          component: "slack",
          request,
          slackUserId: requestContext?.actor.kind === "slack" ? requestContext.actor.slackUserId : undefined,
          outcome,
          durationMs: Math.round(performance.now() - startedAt),
          requestId: requestContext?.requestId,
          ...(context.retryNum === undefined ? {} : { retryNum: context.retryNum }),
        },
        "slack request",
      );
    };
    const eventId = (body as { event_id?: unknown }).event_id;
    const claimed = typeof eventId === "string" && eventId !== "";
    if (claimed && !(await claimSlackEvent(dependencies, eventId))) {
      done("duplicate");
      return;
    }
    try {
      await next();
    } catch (error) {
      if (claimed) await releaseSlackEvent(dependencies, eventId);
      done("failed");
      throw error;
    }
    if (claimed) await completeSlackEvent(dependencies, eventId);
    done("handled");
  };
}
