// The steps every portal API call goes through before its use case, in this order: a request id;
// 503 while no API key is configured; the API key (401); the per-client rate limit (429); the body:
// JSON (415), 16 KiB (413), its shape (400); the per-username rate limit (429); then the endpoint.
// Each answer is logged once with the request id and its outcome, and nothing of the body. A
// database that does not answer is 503 database_unavailable with Retry-After, not an internal error.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { z } from "zod";
import type { Logger } from "../../application/ports/logger.ts";
import type { TRequestContext } from "../../domain/actor.ts";
import { normalizeUsername } from "../../domain/portal-user-rules.ts";
import { isDatabaseUnavailable } from "../../infrastructure/prisma/database-unavailable.ts";
import { sendJson, type TRoute } from "../http-server.ts";
import type { TApiKeyCheck } from "./api-key.ts";
import { clientAddressOf } from "./client-address.ts";
import { refusal, type TPortalApiError, type TPortalApiReply } from "./portal-api-replies.ts";
import type { TRateLimiter } from "./rate-limiter.ts";
import { readJsonBody } from "./read-json-body.ts";
import { problemsOf } from "./request-schemas.ts";

/** How long a client waits before trying again while the database does not answer. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** What any endpoint can answer, whatever it does. */
export const COMMON_ERRORS = [
  "portal_api_disabled",
  "unauthorized",
  "rate_limited",
  "unsupported_media_type",
  "payload_too_large",
  "bad_request",
  "internal_error",
  "database_unavailable",
] as const satisfies readonly TPortalApiError[];

export interface TPortalEndpoint<TBody, TError extends TPortalApiError> {
  /** Names the endpoint in the logs. */
  readonly name: string;
  readonly path: string;
  readonly schema: z.ZodType<TBody>;
  /** The refusals of this endpoint's own (beyond COMMON_ERRORS); its answer can give no other. */
  readonly errors: readonly TError[];
  /** The account the call is about: its attempts are rate-limited together, known or not. */
  usernameOf(body: TBody): string;
  answer(body: TBody, context: TRequestContext): Promise<TPortalApiReply<TError>>;
}

export interface TPortalApiGuards {
  /** Undefined while PORTAL_API_KEY is not set: every call is answered 503. */
  readonly checkApiKey: TApiKeyCheck | undefined;
  readonly perClient: TRateLimiter;
  readonly perUsername: TRateLimiter;
  readonly maximumBodyBytes: number;
  readonly logger: Logger;
}

/** A route with the error codes it can answer, for the OpenAPI document's test. */
export interface TPortalApiRoute extends TRoute {
  readonly errors: readonly TPortalApiError[];
}

function rateLimited(retryAfterSeconds: number): TPortalApiReply<"rate_limited"> {
  return refusal("rate_limited", {}, { "retry-after": String(retryAfterSeconds) });
}

async function answerCall<TBody, TError extends TPortalApiError>(
  endpoint: TPortalEndpoint<TBody, TError>,
  guards: TPortalApiGuards,
  request: IncomingMessage,
  requestId: string,
): Promise<TPortalApiReply<TError | (typeof COMMON_ERRORS)[number]>> {
  if (guards.checkApiKey === undefined) return refusal("portal_api_disabled");
  if (!guards.checkApiKey(request.headers.authorization)) {
    return refusal("unauthorized", {}, { "www-authenticate": "Bearer" });
  }
  const fromClient = await guards.perClient.consume(clientAddressOf(request));
  if (!fromClient.allowed) return rateLimited(fromClient.retryAfterSeconds);

  const body = await readJsonBody(request, guards.maximumBodyBytes);
  if (!body.ok) {
    if (body.error === "bad_request") return refusal("bad_request", { problems: body.problems });
    // The rest of an oversized body is not read: the connection closes after the answer.
    return refusal(body.error, {}, body.error === "payload_too_large" ? { connection: "close" } : undefined);
  }
  const parsed = endpoint.schema.safeParse(body.value);
  if (!parsed.success) return refusal("bad_request", { problems: problemsOf(parsed.error) });

  const forUsername = await guards.perUsername.consume(normalizeUsername(endpoint.usernameOf(parsed.data)));
  if (!forUsername.allowed) return rateLimited(forUsername.retryAfterSeconds);

  return endpoint.answer(parsed.data, { actor: { kind: "portal" }, requestId });
}

function send(response: ServerResponse, requestId: string, reply: TPortalApiReply): void {
  response.setHeader("x-request-id", requestId);
  for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
  sendJson(response, reply.status, reply.body);
}

export function portalEndpointRoute<TBody, TError extends TPortalApiError>(
  endpoint: TPortalEndpoint<TBody, TError>,
  guards: TPortalApiGuards,
): TPortalApiRoute {
  return {
    method: "POST",
    path: endpoint.path,
    errors: [...new Set([...COMMON_ERRORS, ...endpoint.errors])],
    async handler(request, response) {
      const requestId = requestIdOf(request);
      const startedAt = performance.now();
      let reply: TPortalApiReply;
      try {
        reply = await answerCall(endpoint, guards, request, requestId);
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          guards.logger.warn(
            { requestId, endpoint: endpoint.name, err: error },
            "portal API call: database unavailable",
          );
          reply = refusal(
            "database_unavailable",
            {},
            { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
          );
        } else {
          guards.logger.error({ requestId, endpoint: endpoint.name, err: error }, "portal API call failed");
          reply = refusal("internal_error");
        }
      }
      send(response, requestId, reply);
      guards.logger.info(
        {
          requestId,
          endpoint: endpoint.name,
          status: reply.status,
          outcome: reply.body.ok ? "ok" : reply.body.error,
          durationMs: Math.round(performance.now() - startedAt),
        },
        "portal API call",
      );
    },
  };
}

/** The caller's `x-request-id` when it is a plain token that fits the audit column, else a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
}
