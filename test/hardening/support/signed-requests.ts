// Requests to a bot's /slack/events from outside its process, signed as Slack signs them
// (src/sandbox/slack-signature.ts) — or forged in one of the ways an attacker would try: another
// secret, a header left out, a timestamp from the past or the future, a body changed after signing.
import { FORM_CONTENT_TYPE, type TEncodedRequest } from "../../../src/sandbox/slack-payloads.ts";
import { currentSlackTimestamp, signSlackRequest } from "../../../src/sandbox/slack-signature.ts";

export const Forgery = {
  WRONG_SIGNATURE: "wrong signature (another secret)",
  MISSING_SIGNATURE: "missing signature header",
  MISSING_TIMESTAMP: "missing timestamp header",
  STALE_TIMESTAMP: "stale timestamp (6 minutes old)",
  FUTURE_6_MINUTES: "future timestamp (6 minutes ahead)",
  FUTURE_1_HOUR: "future timestamp (1 hour ahead)",
  FUTURE_1_YEAR: "future timestamp (1 year ahead)",
  BODY_CHANGED: "body changed after signing",
  TIMESTAMP_CHANGED: "timestamp header changed after signing",
} as const;
export type TForgery = (typeof Forgery)[keyof typeof Forgery];

export const ALL_FORGERIES: readonly TForgery[] = Object.values(Forgery);

const MINUTE = 60;

/** The Unix time a forgery signs with, and the one it puts in the header. */
function timestampsOf(forgery: TForgery | undefined, now: number): { signed: number; sent: number } {
  switch (forgery) {
    case Forgery.STALE_TIMESTAMP:
      return { signed: now - 6 * MINUTE, sent: now - 6 * MINUTE };
    case Forgery.FUTURE_6_MINUTES:
      return { signed: now + 6 * MINUTE, sent: now + 6 * MINUTE };
    case Forgery.FUTURE_1_HOUR:
      return { signed: now + 60 * MINUTE, sent: now + 60 * MINUTE };
    case Forgery.FUTURE_1_YEAR:
      return { signed: now + 365 * 24 * 60 * MINUTE, sent: now + 365 * 24 * 60 * MINUTE };
    case Forgery.TIMESTAMP_CHANGED:
      return { signed: now - 10, sent: now };
    default:
      return { signed: now, sent: now };
  }
}

/** The default change after signing: one more character in the body (a space in a form, JSON's tail). */
function slightlyChanged(request: TEncodedRequest): string {
  return request.contentType === FORM_CONTENT_TYPE ? `${request.body}+` : `${request.body} `;
}

export interface TSignedRequestOptions {
  readonly appUrl: string;
  readonly signingSecret: string;
  readonly request: TEncodedRequest;
  /** Leave out for a correctly signed request. */
  readonly forgery?: TForgery;
  /** For BODY_CHANGED: the body sent instead of the signed one (a meaningful edit, e.g. another account). */
  readonly changedBody?: string;
}

export interface TRawAnswer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string | null;
  readonly elapsedMilliseconds: number;
}

export async function sendSignedRequest(options: TSignedRequestOptions): Promise<TRawAnswer> {
  const { request, forgery } = options;
  const times = timestampsOf(forgery, currentSlackTimestamp());
  const secret =
    forgery === Forgery.WRONG_SIGNATURE ? `${options.signingSecret}-but-not-quite` : options.signingSecret;
  const signature = signSlackRequest({ signingSecret: secret, body: request.body, timestamp: times.signed });
  const headers: Record<string, string> = {
    "content-type": request.contentType,
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
  };
  if (forgery !== Forgery.MISSING_SIGNATURE) headers["x-slack-signature"] = signature["x-slack-signature"];
  if (forgery !== Forgery.MISSING_TIMESTAMP) headers["x-slack-request-timestamp"] = String(times.sent);
  const body =
    forgery === Forgery.BODY_CHANGED ? (options.changedBody ?? slightlyChanged(request)) : request.body;
  const started = performance.now();
  const response = await fetch(options.appUrl, {
    method: "POST",
    headers,
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    contentType: response.headers.get("content-type"),
    elapsedMilliseconds: performance.now() - started,
  };
}
