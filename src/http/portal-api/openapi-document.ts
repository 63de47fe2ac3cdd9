// The portal API described for the portal's developers (OpenAPI 3.1), served at
// GET /api/portal/v1/openapi.json. Written by hand; the request bodies come from the zod schemas
// that check them, and a test holds every route, status and error code the code can answer
// against this document, both ways.
import { z } from "zod";
import { ErrorCode } from "../../domain/errors.ts";
import { errorMessage } from "../../i18n/translate.ts";
import type {
  TJsonSchema,
  TOpenApiDocument,
  TOpenApiHeader,
  TOpenApiMediaType,
  TOpenApiReference,
  TOpenApiResponse,
} from "./openapi-types.ts";
import { PortalApiPath } from "./portal-api-paths.ts";
import { PORTAL_API_ERRORS, type TPortalApiError } from "./portal-api-replies.ts";
import { ZLoginRequest, ZPasswordChangeRequest } from "./request-schemas.ts";

const JSON_MEDIA_TYPE = "application/json";
const reference = (kind: "schemas" | "headers", name: string): TOpenApiReference => ({
  $ref: `#/components/${kind}/${name}`,
});

function requestSchema(schema: z.ZodType): TJsonSchema {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { target: "draft-2020-12" });
  return jsonSchema;
}

/** A refusal's body for the given codes (all of one status), with the properties they add. */
function refusalSchema(
  errors: readonly TPortalApiError[],
  extra: { properties: Readonly<Record<string, TJsonSchema>>; required: readonly string[] },
): TJsonSchema {
  return {
    type: "object",
    required: ["ok", "error", ...extra.required],
    properties: {
      ok: { const: false },
      error: { type: "string", enum: errors },
      ...extra.properties,
    },
  };
}

const NO_EXTRA = { properties: {}, required: [] } as const;
const WITH_PROBLEMS = {
  properties: { problems: { type: "array", items: reference("schemas", "Problem") } },
  required: ["problems"],
} as const;
const WITH_LOCKED_UNTIL = {
  properties: {
    lockedUntil: {
      type: "string",
      format: "date-time",
      description: "When the lock ends by itself (UTC, ISO 8601).",
    },
  },
  required: ["lockedUntil"],
} as const;

function refusalResponse(
  errors: readonly TPortalApiError[],
  extra: { properties: Readonly<Record<string, TJsonSchema>>; required: readonly string[] } = NO_EXTRA,
  examples?: TOpenApiMediaType["examples"],
): TOpenApiResponse {
  const headers: Record<string, TOpenApiHeader | TOpenApiReference> = {
    "x-request-id": reference("headers", "RequestId"),
  };
  if (errors.includes("unauthorized")) headers["WWW-Authenticate"] = reference("headers", "WwwAuthenticate");
  if (errors.includes("rate_limited") || errors.includes("database_unavailable"))
    headers["Retry-After"] = reference("headers", "RetryAfter");
  return {
    description: errors.map((error) => `\`${error}\`: ${PORTAL_API_ERRORS[error].description}`).join("\n\n"),
    headers,
    content: {
      [JSON_MEDIA_TYPE]: {
        schema: refusalSchema(errors, extra),
        ...(examples === undefined ? {} : { examples }),
      },
    },
  };
}

function successResponse(description: string, schemaName: string, example: unknown): TOpenApiResponse {
  return {
    description,
    headers: { "x-request-id": reference("headers", "RequestId") },
    content: {
      [JSON_MEDIA_TYPE]: {
        schema: reference("schemas", schemaName),
        examples: { success: { summary: description, value: example } },
      },
    },
  };
}

/** Answered by every endpoint that checks credentials, whatever the credentials. */
const GUARD_RESPONSES = {
  "400": refusalResponse(["bad_request"], WITH_PROBLEMS),
  "413": refusalResponse(["payload_too_large"]),
  "415": refusalResponse(["unsupported_media_type"]),
  "429": refusalResponse(["rate_limited"]),
  "500": refusalResponse(["internal_error"]),
  "503": refusalResponse(["portal_api_disabled", "database_unavailable"]),
} as const satisfies Readonly<Record<string, TOpenApiResponse>>;

const PLACE_EXAMPLE = {
  rfc: "EKU9003173C9",
  companyName: "ESCUELA KEMPER URGATE",
  postalCode: "06000",
  placeName: "Centro",
};

export const openApiDocument: TOpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "PremiumOne portal API",
    version: "1.0.0",
    description: [
      "The PremiumOne portal checks its users' logins and changes their passwords here, against the same accounts, rules, lockout and audit trail as the Slack bot.",
      "",
      "- **Authentication**: every call but this document carries `Authorization: Bearer <PORTAL_API_KEY>`. While the server has no key configured, the API answers 503 `portal_api_disabled`.",
      "- **Bodies**: `application/json`, at most 16 KiB; unknown properties are refused (400).",
      "- **Request id**: every answer carries `x-request-id`; the audit trail and the server's logs record the same id.",
      "- **Credentials**: an unknown username and a wrong password get the same 401 `invalid_credentials` (same body, same headers, same bcrypt work). Five wrong passwords in a row, at login or at a password change, lock the account for 15 minutes (423).",
      "- **Rate limits** (per server process): at most 10 attempts a minute per username (lower-cased, whether the account exists or not; login and password change counted together) and 60 a minute per client. The client is the left-most address of `X-Forwarded-For` when the portal sends it (name the person's address there), otherwise the connection's address. Over the limit: 429 with `Retry-After` in seconds.",
      "- **Temporary passwords**: a login with the temporary password from the welcome or reset email answers `mustChangePassword: true`; the portal must then have the user choose a password (`POST /api/portal/v1/password`). Past its expiry it is refused with 403 `temporary_password_expired`.",
      "- **Invitation links** (`CREDENTIAL_DELIVERY=link`): the welcome and reset emails carry no password but a one-time link to the bot's page `<PUBLIC_URL>/acceso/<token>`, where the user chooses one. Until then the login and the password change answer 403 `password_not_set`, whatever password is sent.",
    ].join("\n"),
  },
  tags: [{ name: "portal", description: "Calls made by the PremiumOne portal." }],
  security: [{ portalApiKey: [] }],
  paths: {
    [PortalApiPath.LOGIN]: {
      post: {
        operationId: "login",
        summary: "Check a username and password",
        description:
          "Answers who the user is and which issuing places they may invoice from. A wrong password counts towards the lockout; a right one resets the count.",
        tags: ["portal"],
        requestBody: {
          required: true,
          content: { [JSON_MEDIA_TYPE]: { schema: reference("schemas", "LoginRequest") } },
        },
        responses: {
          "200": successResponse("The password opens the account.", "LoginSuccess", {
            ok: true,
            user: {
              username: "contador.norte",
              fullName: "Contadora del Norte",
              email: "contador.norte@example.com",
              places: [PLACE_EXAMPLE],
            },
            mustChangePassword: true,
          }),
          "401": refusalResponse(["unauthorized", "invalid_credentials"]),
          "403": refusalResponse(["account_disabled", "temporary_password_expired", "password_not_set"]),
          "423": refusalResponse(["account_locked"], WITH_LOCKED_UNTIL),
          ...GUARD_RESPONSES,
        },
      },
    },
    [PortalApiPath.PASSWORD]: {
      post: {
        operationId: "changePassword",
        summary: "Change a user's password",
        description:
          "The portal's Mi cuenta → Contraseña: the current password (the temporary one at first login) and the new one; the portal checks its own confirmation field. The same rules, lockout and audit as the Slack bot's form; the user is emailed a notice.",
        tags: ["portal"],
        requestBody: {
          required: true,
          content: { [JSON_MEDIA_TYPE]: { schema: reference("schemas", "PasswordChangeRequest") } },
        },
        responses: {
          "200": successResponse("The password is changed; the old one no longer works.", "Ok", { ok: true }),
          "401": refusalResponse(["unauthorized", "invalid_credentials"]),
          "403": refusalResponse(["account_disabled", "temporary_password_expired", "password_not_set"]),
          "409": refusalResponse(["conflict"]),
          "422": refusalResponse(["invalid_password"], WITH_PROBLEMS, {
            tooShort: {
              summary: "Too short (BOT_LOCALE=es)",
              value: {
                ok: false,
                error: "invalid_password",
                problems: [
                  {
                    field: "newPassword",
                    code: "PASSWORD_TOO_SHORT",
                    message: errorMessage("es", ErrorCode.PASSWORD_TOO_SHORT, { minimum: 15 }),
                  },
                ],
              },
            },
          }),
          "423": refusalResponse(["account_locked"], WITH_LOCKED_UNTIL),
          ...GUARD_RESPONSES,
        },
      },
    },
    [PortalApiPath.OPENAPI_DOCUMENT]: {
      get: {
        operationId: "openApiDocument",
        summary: "This document",
        description: "Public: it holds no secret, and the portal's developers read it without the key.",
        tags: ["portal"],
        security: [],
        responses: {
          "200": {
            description: "The OpenAPI 3.1 document of the portal API.",
            headers: { "x-request-id": reference("headers", "RequestId") },
            content: { [JSON_MEDIA_TYPE]: { schema: { type: "object" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      LoginRequest: requestSchema(ZLoginRequest),
      PasswordChangeRequest: requestSchema(ZPasswordChangeRequest),
      Place: {
        type: "object",
        description: "A lugar de expedición the user may invoice from, with its company.",
        required: ["rfc", "companyName", "postalCode", "placeName"],
        properties: {
          rfc: { type: "string", description: "The company's RFC (SAT).", examples: ["EKU9003173C9"] },
          companyName: { type: "string", description: "Razón social." },
          postalCode: { type: "string", pattern: "^[0-9]{5}$", description: "Código postal." },
          placeName: { type: "string", description: "The issuing place's name." },
        },
      },
      PortalAccount: {
        type: "object",
        required: ["username", "fullName", "email", "places"],
        properties: {
          username: { type: "string" },
          fullName: { type: "string" },
          email: { type: "string", format: "email" },
          places: { type: "array", items: reference("schemas", "Place") },
        },
      },
      LoginSuccess: {
        type: "object",
        required: ["ok", "user", "mustChangePassword"],
        properties: {
          ok: { const: true },
          user: reference("schemas", "PortalAccount"),
          mustChangePassword: {
            type: "boolean",
            description:
              "True while the password is the temporary one from the email: the portal must have the user choose their own before anything else.",
          },
        },
      },
      Ok: { type: "object", required: ["ok"], properties: { ok: { const: true } } },
      Problem: {
        type: "object",
        description:
          "One thing wrong with the request. For 400, `code` is the check that failed (zod's issue code, e.g. `invalid_type`, `too_big`, `unrecognized_keys`, or `invalid_json`); for 422, a password rule (`PASSWORD_TOO_SHORT`, `PASSWORD_TOO_LONG`, `PASSWORD_COMMON`, `PASSWORD_CONTAINS_USERNAME`, `PASSWORD_CONTAINS_EMAIL`, `PASSWORD_UNCHANGED`). A value sent is never repeated back.",
        required: ["field", "code", "message"],
        properties: {
          field: { type: "string", description: "The property (empty for the body as a whole)." },
          code: { type: "string" },
          message: { type: "string", description: "Words for a person; for 422 in the bot's locale." },
        },
      },
    },
    headers: {
      RequestId: {
        description: "This call's id, also in the server's logs and in the audit trail.",
        required: true,
        schema: { type: "string", format: "uuid" },
      },
      WwwAuthenticate: {
        description: "`Bearer`: the call must carry the portal's API key.",
        schema: { type: "string", const: "Bearer" },
      },
      RetryAfter: {
        description: "Seconds to wait before the next attempt.",
        required: true,
        schema: { type: "integer", minimum: 1 },
      },
    },
    securitySchemes: {
      portalApiKey: {
        type: "http",
        scheme: "bearer",
        description: "The value of PORTAL_API_KEY, shared by the bot and the portal.",
      },
    },
  },
};
