// Every answer the portal API gives: the error codes with their HTTP status (one table, read by the
// handlers and the OpenAPI document alike) and the reply a handler hands back to be sent.

export const PORTAL_API_ERRORS = {
  bad_request: {
    status: 400,
    description: "The body is not the JSON object this endpoint expects; `problems` says where.",
  },
  unauthorized: {
    status: 401,
    description: "The Authorization header does not carry the portal's API key (`Bearer <PORTAL_API_KEY>`).",
  },
  invalid_credentials: {
    status: 401,
    description:
      "Unknown username or wrong password. Both are answered with the same body, headers and work, so that the answer does not tell whether the account exists.",
  },
  account_disabled: {
    status: 403,
    description: "The password is right but an administrator has disabled the account.",
  },
  temporary_password_expired: {
    status: 403,
    description:
      "The password is the right temporary one but it has expired (TEMP_PASSWORD_TTL_HOURS). Typing it again will not help: an administrator must reset it.",
  },
  password_not_set: {
    status: 403,
    description:
      "CREDENTIAL_DELIVERY=link: the account has no password yet — its owner has not used the one-time link of the welcome or reset email (`<PUBLIC_URL>/acceso/<token>`) to choose one. Any password is refused until then; tell the user to check their email (or ask an administrator for a reset, which sends a new link).",
  },
  conflict: {
    status: 409,
    description: "The password was changed or reset at the same moment by someone else; try again.",
  },
  payload_too_large: { status: 413, description: "The body is larger than 16 KiB." },
  unsupported_media_type: { status: 415, description: "The body must be sent as `application/json`." },
  invalid_password: {
    status: 422,
    description:
      "The new password breaks the password policy; each of `problems` names the rule, with a message in the bot's locale (BOT_LOCALE) to show the user.",
  },
  account_locked: {
    status: 423,
    description:
      "Five wrong passwords in a row (at login or at a password change) locked the account until `lockedUntil`; an administrator can unlock it sooner.",
  },
  rate_limited: {
    status: 429,
    description: "Too many attempts for this username or from this client; wait `Retry-After` seconds.",
  },
  internal_error: {
    status: 500,
    description: "Something failed on the server; the request id is in the logs.",
  },
  database_unavailable: {
    status: 503,
    description:
      "The bot's database did not answer (restarting, or unreachable); nothing was changed. Try again after `Retry-After` seconds.",
  },
  portal_api_disabled: {
    status: 503,
    description: "The portal API is off: PORTAL_API_KEY is not configured on the server.",
  },
} as const satisfies Readonly<Record<string, { readonly status: number; readonly description: string }>>;

export type TPortalApiError = keyof typeof PORTAL_API_ERRORS;

/** One thing wrong with a request: where (`field`), which rule (`code`) and words for a person. */
export interface TProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface TRefusalDetails {
  readonly lockedUntil?: string;
  readonly problems?: readonly TProblem[];
}

export type TSuccessBody = { readonly ok: true } & Readonly<Record<string, unknown>>;
export type TRefusalBody<TError extends TPortalApiError> = {
  readonly ok: false;
  readonly error: TError;
} & TRefusalDetails;

export interface TPortalApiReply<TError extends TPortalApiError = TPortalApiError> {
  readonly status: number;
  readonly body: TSuccessBody | TRefusalBody<TError>;
  readonly headers?: Readonly<Record<string, string>>;
}

export function success(body: Readonly<Record<string, unknown>> = {}): TPortalApiReply<never> {
  return { status: 200, body: { ok: true, ...body } };
}

export function refusal<TError extends TPortalApiError>(
  error: TError,
  details: TRefusalDetails = {},
  headers?: Readonly<Record<string, string>>,
): TPortalApiReply<TError> {
  return {
    status: PORTAL_API_ERRORS[error].status,
    body: { ok: false, error, ...details },
    ...(headers === undefined ? {} : { headers }),
  };
}
