// What Slack and an app say to each other over a Socket Mode WebSocket
// (docs.slack.dev/apis/events-api/using-socket-mode): Slack's `hello` once a connection is open, the
// envelopes carrying what HTTP mode POSTs (slash commands, interactivity, events), the app's acks,
// and `disconnect` before Slack drops a connection. Pure functions without I/O; the payloads inside
// the envelopes are the ones slack-payloads.ts builds for HTTP, carried as JSON.
import { isJsonObject, parseJson, type TJsonObject, type TJsonValue } from "../json.ts";
import { decodeRequestBody, FORM_CONTENT_TYPE, type TEncodedRequest } from "../slack-payloads.ts";

export type TEnvelopeType = "slash_commands" | "interactive" | "events_api";

/**
 * Why Slack closes a connection: `warning` comes some seconds before `refresh_requested`;
 * `link_disabled` when Socket Mode is turned off for the app; `too_many_websockets` past ten.
 */
export type TDisconnectReason = "warning" | "refresh_requested" | "link_disabled" | "too_many_websockets";

/** What one envelope carries, before it gets its id. */
export interface TEnvelopeContent {
  readonly type: TEnvelopeType;
  readonly payload: TJsonObject;
  /** Whether Slack reads the ack's `payload` (a slash command's message, a modal's response_action, options). */
  readonly acceptsResponsePayload: boolean;
}

/** Interactions whose HTTP answer body Slack reads; over Socket Mode, the ack's payload. */
const INTERACTIONS_WITH_ANSWERS: ReadonlySet<string> = new Set(["view_submission", "block_suggestion"]);

export function helloMessage(options: {
  readonly appId: string;
  readonly connectionCount: number;
  readonly host: string;
}): TJsonObject {
  return {
    type: "hello",
    num_connections: options.connectionCount,
    debug_info: { host: options.host, build_number: 1, approximate_connection_time: 18_060 },
    connection_info: { app_id: options.appId },
  };
}

export function disconnectMessage(reason: TDisconnectReason, host: string): TJsonObject {
  return { type: "disconnect", reason, debug_info: { host } };
}

/** The envelope that carries what `request` (built for HTTP mode by slack-payloads.ts) says. */
export function envelopeContentOf(request: TEncodedRequest): TEnvelopeContent {
  const decoded = decodeRequestBody(request);
  if (!isJsonObject(decoded)) throw new Error("a request to the app must carry a JSON object");
  if (request.contentType === FORM_CONTENT_TYPE) {
    if (!new URLSearchParams(request.body).has("payload"))
      return { type: "slash_commands", payload: decoded, acceptsResponsePayload: true };
    const kind = typeof decoded.type === "string" ? decoded.type : "";
    return {
      type: "interactive",
      payload: decoded,
      acceptsResponsePayload: INTERACTIONS_WITH_ANSWERS.has(kind),
    };
  }
  if (decoded.type === "event_callback")
    return { type: "events_api", payload: decoded, acceptsResponsePayload: false };
  throw new Error(`Socket Mode carries no ${String(decoded.type)} request: Slack sends it over HTTP only`);
}

export interface TEnvelopeOptions {
  readonly envelopeId: string;
  readonly content: TEnvelopeContent;
  /** Events only: Slack's redelivery of an event the app did not ack. */
  readonly retry?: { readonly number: number; readonly reason: string };
}

export function envelopeMessage(options: TEnvelopeOptions): TJsonObject {
  const { content } = options;
  const message: TJsonObject = {
    envelope_id: options.envelopeId,
    type: content.type,
    payload: content.payload,
    accepts_response_payload: content.acceptsResponsePayload,
  };
  if (content.type === "events_api") {
    message.retry_attempt = options.retry?.number ?? 0;
    message.retry_reason = options.retry?.reason ?? "";
  }
  return message;
}

export interface TAcknowledgement {
  readonly envelopeId: string;
  /** What the app answered with; undefined when the ack carried none. */
  readonly payload: TJsonValue | undefined;
}

/** The app's ack `{envelope_id, payload?}`; undefined for anything else it sends. */
export function readAcknowledgement(text: string): TAcknowledgement | undefined {
  let message: TJsonValue;
  try {
    message = parseJson(text);
  } catch {
    return undefined;
  }
  if (!isJsonObject(message) || typeof message.envelope_id !== "string") return undefined;
  return { envelopeId: message.envelope_id, payload: message.payload };
}
