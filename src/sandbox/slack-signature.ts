// Slack's request signing ("Verifying requests from Slack"): HMAC-SHA256 keyed with the app's signing secret
// over `v0:<timestamp>:<raw body>`, sent as `x-slack-signature: v0=<hex>` beside `x-slack-request-timestamp`.
import { createHmac } from "node:crypto";

export const SLACK_SIGNATURE_VERSION = "v0";

/** Slack's receivers refuse a request whose timestamp is older than this (Bolt: five minutes). */
export const SLACK_REQUEST_MAXIMUM_AGE_SECONDS = 5 * 60;

export interface TSlackSignatureHeaders {
  readonly "x-slack-signature": string;
  readonly "x-slack-request-timestamp": string;
}

export interface TSignSlackRequestOptions {
  readonly signingSecret: string;
  /** The raw body exactly as sent: the signature covers these bytes, not a re-serialisation. */
  readonly body: string;
  /** Unix time in seconds; now when omitted. */
  readonly timestamp?: number;
}

export function currentSlackTimestamp(nowMilliseconds: number = Date.now()): number {
  return Math.floor(nowMilliseconds / 1000);
}

export function signSlackRequest(options: TSignSlackRequestOptions): TSlackSignatureHeaders {
  const timestamp = options.timestamp ?? currentSlackTimestamp();
  const digest = createHmac("sha256", options.signingSecret)
    .update(`${SLACK_SIGNATURE_VERSION}:${timestamp}:${options.body}`)
    .digest("hex");
  return {
    "x-slack-signature": `${SLACK_SIGNATURE_VERSION}=${digest}`,
    "x-slack-request-timestamp": String(timestamp),
  };
}
