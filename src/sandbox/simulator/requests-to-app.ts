// How the person's Slack client reaches the app: one signed request, judged as Slack judges the answer
// (2xx within three seconds, else an error shown instead of it), applied when Slack took it, and
// written to the workspace's timeline.
import { ACKNOWLEDGEMENT_DEADLINE_MILLISECONDS } from "../app-answers.ts";
import { deliverToApp, type TDeliveryOptions } from "../deliver-to-app.ts";
import type { TJsonObject, TJsonValue } from "../json.ts";
import {
  buildEventCallback,
  decodeRequestBody,
  encodeEvent,
  type TEncodedRequest,
} from "../slack-payloads.ts";
import type { TSlackUser } from "../slack-records.ts";
import type { TSlackWorkspace } from "../slack-workspace.ts";

export interface TAppAnswer {
  readonly status: number;
  /** Parsed JSON when the app answered JSON, else its text ("" when empty). */
  readonly body: TJsonValue;
  readonly headers: Readonly<Record<string, string>>;
  readonly elapsedMilliseconds: number;
  /** The app answered 2xx within Slack's three seconds. */
  readonly acknowledged: boolean;
  /** Why Slack would show the person an error instead of the answer; empty when Slack took it. */
  readonly refusedBySlack: readonly string[];
  /** The timeline position just before the request: pass as `since` to wait for what the app does next. */
  readonly sequence: number;
}

export interface TRequestsToApp {
  /** Sends `request`; `applyAnswer` applies an acknowledged body and returns Slack's refusals of it. */
  send(
    name: string,
    request: TEncodedRequest,
    delivery: TDeliveryOptions | undefined,
    applyAnswer: (body: TJsonValue) => readonly string[],
  ): Promise<TAppAnswer>;
  /** An Events API request carrying `event`, as Slack wraps it. */
  eventRequest(event: TJsonObject): TEncodedRequest;
}

export function createRequestsToApp(options: {
  readonly workspace: TSlackWorkspace;
  readonly user: TSlackUser;
  readonly appUrl: string;
  readonly signingSecret: string;
}): TRequestsToApp {
  const { workspace, user } = options;
  return {
    async send(name, request, delivery, applyAnswer) {
      const sequence = workspace.lastSequence();
      const answer = await deliverToApp({
        appUrl: options.appUrl,
        signingSecret: options.signingSecret,
        request,
        ...(delivery === undefined ? {} : { delivery }),
      });
      const acknowledged =
        answer.status >= 200 &&
        answer.status < 300 &&
        answer.elapsedMilliseconds <= ACKNOWLEDGEMENT_DEADLINE_MILLISECONDS;
      let refusedBySlack: readonly string[];
      if (acknowledged) refusedBySlack = applyAnswer(answer.body);
      else if (answer.status >= 200 && answer.status < 300) refusedBySlack = ["operation_timeout"];
      else refusedBySlack = [`http_error: the app answered HTTP ${answer.status}`];
      workspace.record({
        kind: "app_request",
        name,
        userId: user.id,
        request: decodeRequestBody(request),
        status: answer.status,
        response: answer.body,
      });
      return { ...answer, acknowledged, refusedBySlack, sequence };
    },
    eventRequest(event) {
      const now = workspace.now();
      return encodeEvent(
        buildEventCallback({
          app: workspace.app,
          event,
          eventId: workspace.identifiers.eventId(),
          eventTime: Math.floor(now / 1000),
        }),
      );
    },
  };
}
