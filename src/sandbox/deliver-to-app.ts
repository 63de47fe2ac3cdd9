// One signed HTTP request from "Slack" to the app, with the headers Slack sends, and the app's answer.
// Tests can ask for a forged signature, a stale timestamp, or the retry headers of a redelivery.
import { parseJson, type TJsonValue } from "./json.ts";
import type { TEncodedRequest } from "./slack-payloads.ts";
import {
  currentSlackTimestamp,
  SLACK_REQUEST_MAXIMUM_AGE_SECONDS,
  signSlackRequest,
} from "./slack-signature.ts";

export interface TDeliveryOptions {
  /** `forged`: signed with another secret. `stale`: correctly signed, timestamp six minutes old. */
  readonly signature?: "valid" | "forged" | "stale";
  /** Unix seconds to sign with (and send) instead of now. */
  readonly timestamp?: number;
  /** Marks the request as Slack's redelivery: `x-slack-retry-num` / `x-slack-retry-reason`. */
  readonly retry?: { readonly number: number; readonly reason: string };
}

export interface TDeliveredAnswer {
  readonly status: number;
  /** Parsed JSON when the answer is JSON, else its text ("" when empty). */
  readonly body: TJsonValue;
  readonly headers: Readonly<Record<string, string>>;
  readonly elapsedMilliseconds: number;
}

export interface TDeliverToAppOptions {
  readonly appUrl: string;
  readonly signingSecret: string;
  readonly request: TEncodedRequest;
  readonly delivery?: TDeliveryOptions;
}

/** Far beyond Slack's 3 s: long enough to report how late an app answers, short enough not to hang a test run. */
const GIVE_UP_AFTER_MILLISECONDS = 15_000;

function timestampFor(delivery: TDeliveryOptions): number {
  if (delivery.timestamp !== undefined) return delivery.timestamp;
  const now = currentSlackTimestamp();
  return delivery.signature === "stale" ? now - SLACK_REQUEST_MAXIMUM_AGE_SECONDS - 60 : now;
}

function parseAnswerBody(text: string, contentType: string | null): TJsonValue {
  if (text === "") return "";
  // Slack reads an answer as JSON only when it says so; Bolt's ack("text") sends no content type.
  if (contentType?.includes("json") === true) {
    try {
      return parseJson(text);
    } catch {
      return text;
    }
  }
  return text;
}

export async function deliverToApp(options: TDeliverToAppOptions): Promise<TDeliveredAnswer> {
  const delivery = options.delivery ?? {};
  const secret = delivery.signature === "forged" ? `${options.signingSecret}-forged` : options.signingSecret;
  const signature = signSlackRequest({
    signingSecret: secret,
    body: options.request.body,
    timestamp: timestampFor(delivery),
  });
  const headers: Record<string, string> = {
    "content-type": options.request.contentType,
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    ...signature,
  };
  if (delivery.retry !== undefined) {
    headers["x-slack-retry-num"] = String(delivery.retry.number);
    headers["x-slack-retry-reason"] = delivery.retry.reason;
  }
  const started = performance.now();
  const response = await fetch(options.appUrl, {
    method: "POST",
    headers,
    body: options.request.body,
    signal: AbortSignal.timeout(GIVE_UP_AFTER_MILLISECONDS),
  });
  const text = await response.text();
  const elapsedMilliseconds = performance.now() - started;
  return {
    status: response.status,
    body: parseAnswerBody(text, response.headers.get("content-type")),
    headers: Object.fromEntries(response.headers),
    elapsedMilliseconds,
  };
}
