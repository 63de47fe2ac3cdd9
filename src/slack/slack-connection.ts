// Whether Slack takes the bot's credentials, checked before the Slack app starts: auth.test with the
// bot token and, in Socket Mode, apps.connections.open with the app-level token. A refusal is final
// (SlackCredentialsRefused names the variable, for the caller's one line and exit 2); anything else
// (no network, 5xx, 429) is retried with a doubling delay, one log line per attempt, while /readyz
// reads `current()`. Each check is a single attempt on a client of its own, so the backoff is this file's
// and not @slack/web-api's thirty-minute retry policy hidden inside one call.
import { LogLevel, type Logger as SlackLogger } from "@slack/logger";
import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
} from "@slack/web-api";
import type { Logger } from "../application/ports/logger.ts";

export type TSlackCredentialVariable = "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN";

export type TSlackConnectionState =
  | { readonly state: "checking" }
  | { readonly state: "connected" }
  | { readonly state: "unreachable"; readonly since: Date; readonly lastError: string }
  | { readonly state: "refused"; readonly variable: TSlackCredentialVariable; readonly error: string };

/** Slack's errors that no retry mends: the token is wrong, revoked, or lacks what the call needs. */
const REFUSALS: ReadonlySet<string> = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_allowed_token_type",
  "missing_scope",
  "no_permission",
  "team_disabled",
  "user_removed_from_team",
]);

const WHAT_IS_EXPECTED: Readonly<Record<TSlackCredentialVariable, string>> = {
  SLACK_BOT_TOKEN: "the Bot User OAuth Token (xoxb-…) of the app's installation",
  SLACK_APP_TOKEN: "an app-level token (xapp-…) with connections:write, and Socket Mode on for the app",
};

/** Slack refused a token: the variable is wrong, and no retry will change that. */
export class SlackCredentialsRefused extends Error {
  override readonly name = "SlackCredentialsRefused";
  readonly variable: TSlackCredentialVariable;
  /** Slack's error code: invalid_auth, token_revoked … */
  readonly slackError: string;

  constructor(variable: TSlackCredentialVariable, slackError: string) {
    super(`${variable}: Slack refused it (${slackError}); expected ${WHAT_IS_EXPECTED[variable]}`);
    this.variable = variable;
    this.slackError = slackError;
  }
}

export interface TSlackConnectionOptions {
  /** The Slack app's client (`app.client`): its token and API URL are the ones checked. */
  readonly client: Pick<WebClient, "token" | "slackApiUrl">;
  /** SLACK_APP_TOKEN in Socket Mode: apps.connections.open is checked with it too. */
  readonly appToken?: string | undefined;
  readonly logger: Logger;
  readonly retry?: { readonly firstDelayMs: number; readonly maximumDelayMs: number };
  /** How long one attempt may take before it counts as unreachable. */
  readonly attemptTimeoutMs?: number;
}

export interface TSlackConnection {
  /**
   * Resolves once Slack accepted every token; rejects with SlackCredentialsRefused when it refused
   * one. Network errors, 5xx and 429 are retried, never rejected. The same promise on every call.
   * After stop() no attempt is made and a pending check never settles.
   */
  check(): Promise<void>;
  /**
   * The first attempt's verdict: "connected" or "unreachable" (the retries go on behind it);
   * rejects with SlackCredentialsRefused. Starts check() when it has not started.
   */
  firstAttempt(): Promise<TSlackConnectionState>;
  current(): TSlackConnectionState;
  stop(): void;
}

const DEFAULT_RETRY = { firstDelayMs: 1_000, maximumDelayMs: 60_000 } as const;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;

/** The checks' own clients log nothing: each attempt gets the one line of this file. */
const QUIET_SLACK_LOGGER: SlackLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

type TAttemptOutcome =
  | { readonly kind: "accepted"; readonly team: string | undefined; readonly botUserId: string | undefined }
  | { readonly kind: "refused"; readonly error: SlackCredentialsRefused }
  | { readonly kind: "failed"; readonly reason: string; readonly retryAfterMs: number };

/** Why an attempt failed, in a few words for a log line and /readyz. */
function failureReason(error: unknown): { reason: string; retryAfterMs: number } {
  if (error instanceof WebAPIRateLimitedError)
    return {
      reason: `rate limited (retry after ${error.retryAfter} s)`,
      retryAfterMs: error.retryAfter * 1000,
    };
  if (error instanceof WebAPIHTTPError) return { reason: `HTTP ${error.statusCode}`, retryAfterMs: 0 };
  if (error instanceof WebAPIRequestError) return { reason: error.original.message, retryAfterMs: 0 };
  if (error instanceof WebAPIPlatformError) return { reason: String(error.data.error), retryAfterMs: 0 };
  return { reason: error instanceof Error ? error.message : String(error), retryAfterMs: 0 };
}

export function createSlackConnection(options: TSlackConnectionOptions): TSlackConnection {
  const { logger } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  const clientFor = (token: string | undefined) =>
    new WebClient(token, {
      slackApiUrl: options.client.slackApiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
      logger: QUIET_SLACK_LOGGER,
    });
  const botClient = clientFor(options.client.token);
  const appClient = options.appToken === undefined ? undefined : clientFor(options.appToken);

  let state: TSlackConnectionState = { state: "checking" };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | undefined;
  let refusal: SlackCredentialsRefused | undefined;
  let firstVerdict: Promise<TSlackConnectionState> | undefined;
  const firstVerdictListeners: Array<() => void> = [];

  async function call(
    variable: TSlackCredentialVariable,
    attempt: () => Promise<unknown>,
  ): Promise<TAttemptOutcome | undefined> {
    try {
      await attempt();
      return undefined;
    } catch (error) {
      if (error instanceof WebAPIPlatformError && REFUSALS.has(String(error.data.error)))
        return { kind: "refused", error: new SlackCredentialsRefused(variable, String(error.data.error)) };
      return { kind: "failed", ...failureReason(error) };
    }
  }

  async function attemptOnce(): Promise<TAttemptOutcome> {
    if (options.client.token === undefined || options.client.token === "")
      return { kind: "refused", error: new SlackCredentialsRefused("SLACK_BOT_TOKEN", "not_authed") };
    let identity: { team?: string; user_id?: string } = {};
    const botOutcome = await call("SLACK_BOT_TOKEN", async () => {
      identity = await botClient.auth.test();
    });
    if (botOutcome !== undefined) return botOutcome;
    if (appClient !== undefined) {
      const appOutcome = await call("SLACK_APP_TOKEN", () => appClient.apps.connections.open());
      if (appOutcome !== undefined) return appOutcome;
    }
    return { kind: "accepted", team: identity.team, botUserId: identity.user_id };
  }

  /** Moves to the state an attempt's outcome says, with its log line (none for a refusal). */
  function record(outcome: TAttemptOutcome, attempt: number, delayMs: number): void {
    if (outcome.kind === "accepted") {
      state = { state: "connected" };
      logger.info(
        { attempt, team: outcome.team, botUserId: outcome.botUserId },
        "Slack accepted the credentials",
      );
    } else if (outcome.kind === "refused") {
      state = { state: "refused", variable: outcome.error.variable, error: outcome.error.slackError };
      // No line here: the rejection carries it, and the caller tells it once (main.ts, exit 2).
      refusal = outcome.error;
    } else {
      state = {
        state: "unreachable",
        since: state.state === "unreachable" ? state.since : new Date(),
        lastError: outcome.reason,
      };
      logger.warn(
        { attempt, error: outcome.reason, retryInMs: delayMs },
        "Slack is unreachable; trying again",
      );
    }
    for (const listener of firstVerdictListeners.splice(0)) listener();
  }

  function run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let attempt = 0;
      const next = async () => {
        if (stopped) return;
        attempt += 1;
        const outcome = await attemptOnce();
        if (stopped) return;
        const delayMs =
          outcome.kind === "failed"
            ? Math.max(
                outcome.retryAfterMs,
                Math.min(retry.maximumDelayMs, retry.firstDelayMs * 2 ** (attempt - 1)),
              )
            : 0;
        record(outcome, attempt, delayMs);
        if (outcome.kind === "accepted") resolve();
        else if (outcome.kind === "refused") reject(outcome.error);
        else timer = setTimeout(() => void next(), delayMs);
      };
      void next();
    });
  }

  const connection: TSlackConnection = {
    check() {
      checking ??= run();
      return checking;
    },
    firstAttempt() {
      firstVerdict ??= new Promise<TSlackConnectionState>((resolve, reject) => {
        const settle = () => {
          if (refusal !== undefined) reject(refusal);
          else resolve(state);
        };
        if (state.state === "checking") firstVerdictListeners.push(settle);
        else settle();
        // The verdict comes through `settle`; the check's own rejection is the caller's to take.
        connection.check().catch(() => undefined);
      });
      return firstVerdict;
    },
    current: () => state,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
  return connection;
}
