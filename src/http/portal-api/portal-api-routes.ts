// The portal API's routes, ready for createHttpServer: the login, the password change and the
// OpenAPI document. The composition root adds them to the server's routes.
import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import type { Logger } from "../../application/ports/logger.ts";
import { sendJson } from "../http-server.ts";
import { createApiKeyCheck } from "./api-key.ts";
import { changePasswordEndpoint } from "./change-password-endpoint.ts";
import { loginEndpoint } from "./login-endpoint.ts";
import { openApiDocument } from "./openapi-document.ts";
import { PortalApiPath } from "./portal-api-paths.ts";
import {
  portalEndpointRoute,
  requestIdOf,
  type TPortalApiGuards,
  type TPortalApiRoute,
} from "./portal-endpoint.ts";
import { createRateLimiter, type TRateLimit } from "./rate-limiter.ts";

export const MAXIMUM_BODY_BYTES = 16 * 1024;

export interface TPortalRateLimits {
  /** Attempts per username (lower-cased, known or not), login and password change together. */
  readonly perUsername: TRateLimit;
  /** Attempts per client address (see client-address.ts). */
  readonly perClient: TRateLimit;
}

export const DEFAULT_PORTAL_RATE_LIMITS: TPortalRateLimits = {
  perUsername: { limit: 10, windowMs: 60_000 },
  perClient: { limit: 60, windowMs: 60_000 },
};

export interface TPortalApiOptions {
  readonly dependencies: TUseCaseDependencies;
  /** PORTAL_API_KEY; undefined switches the API off (503) but still serves the document. */
  readonly apiKey: string | undefined;
  readonly logger: Logger;
  readonly rateLimits?: TPortalRateLimits;
}

export function createPortalApiRoutes(options: TPortalApiOptions): TPortalApiRoute[] {
  const { dependencies, logger } = options;
  const rateLimits = options.rateLimits ?? DEFAULT_PORTAL_RATE_LIMITS;
  if (options.apiKey === undefined) {
    logger.warn({}, "PORTAL_API_KEY is not set: the portal API answers 503 portal_api_disabled");
  }
  const guards: TPortalApiGuards = {
    checkApiKey: options.apiKey === undefined ? undefined : createApiKeyCheck(options.apiKey),
    perClient: createRateLimiter({ dependencies, name: "portal.client", rule: rateLimits.perClient }),
    perUsername: createRateLimiter({ dependencies, name: "portal.username", rule: rateLimits.perUsername }),
    maximumBodyBytes: MAXIMUM_BODY_BYTES,
    logger,
  };
  return [
    portalEndpointRoute(loginEndpoint(dependencies), guards),
    portalEndpointRoute(changePasswordEndpoint(dependencies), guards),
    {
      method: "GET",
      path: PortalApiPath.OPENAPI_DOCUMENT,
      errors: [],
      handler: (request, response) => {
        response.setHeader("x-request-id", requestIdOf(request));
        sendJson(response, 200, openApiDocument);
      },
    },
  ];
}
