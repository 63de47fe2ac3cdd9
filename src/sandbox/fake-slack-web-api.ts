// The stand-in for slack.com over HTTP, on 127.0.0.1 and a free port: the Web API at `<url><method>`
// (give `url` to Bolt as `clientOptions.slackApiUrl`) and the response_urls it hands out at
// `/response/<id>`. Everything it is told lands in the workspace's timeline; tests can make the next
// call of a method fail (rate limit, Slack error) or take the whole service offline.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isJsonObject, parseJson, type TJsonObject, type TJsonValue } from "./json.ts";
import { answerResponseUrlPost } from "./response-url-posts.ts";
import type { TSlackMessage, TSlackView, TTimelineEntry, TWebApiCall } from "./slack-records.ts";
import {
  createSlackWorkspace,
  type TSlackWorkspace,
  type TSlackWorkspaceOptions,
} from "./slack-workspace.ts";
import { answerWebApiCall } from "./web-api-methods.ts";

export type TFakeSlackWebApiOptions = TSlackWorkspaceOptions;

/** What the next call of a method gets instead of its answer. */
export type TInjectedFailure =
  /** An HTTP error status, e.g. 429 with Retry-After (what @slack/web-api retries by itself). */
  | { readonly status: number; readonly retryAfterSeconds?: number }
  /** A normal HTTP 200 answer `{ ok: false, error }`: "ratelimited", "channel_not_found", … */
  | { readonly error: string };

export type TOfflineMode =
  /** Every request is answered 503 Service Unavailable. */
  | "service_unavailable"
  /** The port stops listening: connections are refused. */
  | "refuse_connections";

export interface TWaitForCallOptions {
  /** Only calls recorded after this timeline sequence number (e.g. an answer's `sequence`). */
  readonly since?: number;
  readonly where?: (call: TWebApiCall) => boolean;
  readonly timeoutMilliseconds?: number;
}

export interface TFakeSlackWebApi {
  /** The Web API base, ending with `/api/`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly workspace: TSlackWorkspace;

  messagesIn(channelOrUserId: string): readonly TSlackMessage[];
  ephemeralFor(userId: string): readonly TSlackMessage[];
  openViewsOf(userId: string): readonly TSlackView[];
  viewById(viewId: string): TSlackView | undefined;
  homeOf(userId: string): TSlackView | undefined;
  calls(method?: string): readonly TWebApiCall[];
  timeline(since?: number): readonly TTimelineEntry[];
  waitForCall(method: string, options?: TWaitForCallOptions): Promise<TWebApiCall>;

  failNext(method: string, failure: TInjectedFailure): void;
  setOffline(offline: boolean, mode?: TOfflineMode): Promise<void>;
  close(): Promise<void>;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function send(
  response: ServerResponse,
  status: number,
  body: TJsonValue,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { ...JSON_HEADERS, ...headers });
  response.end(JSON.stringify(body));
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

type TParsedArguments =
  | { readonly ok: true; readonly arguments: TJsonObject; readonly isJson: boolean }
  | { readonly ok: false; readonly error: string };

function parseArguments(request: IncomingMessage, text: string, query: URLSearchParams): TParsedArguments {
  const fromQuery: TJsonObject = Object.fromEntries(query);
  const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (text === "") return { ok: true, arguments: fromQuery, isJson: false };
  if (contentType === "application/json") {
    try {
      const body = parseJson(text);
      if (!isJsonObject(body)) return { ok: false, error: "invalid_json" };
      return { ok: true, arguments: { ...fromQuery, ...body }, isJson: true };
    } catch {
      return { ok: false, error: "invalid_json" };
    }
  }
  if (contentType === "application/x-www-form-urlencoded" || contentType === "") {
    return {
      ok: true,
      arguments: { ...fromQuery, ...Object.fromEntries(new URLSearchParams(text)) },
      isJson: false,
    };
  }
  // multipart/form-data (file uploads) is not modelled.
  return { ok: false, error: "invalid_post_type" };
}

function withoutToken(args: TJsonObject): TJsonObject {
  const { token: _token, ...rest } = args;
  return rest;
}

export async function createFakeSlackWebApi(options: TFakeSlackWebApiOptions): Promise<TFakeSlackWebApi> {
  const workspace = createSlackWorkspace(options);
  const failures = new Map<string, TInjectedFailure[]>();
  let offlineMode: TOfflineMode | undefined;
  let closed = false;

  async function handleWebApi(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    query: URLSearchParams,
  ) {
    const text = await readBody(request);
    const parsed = parseArguments(request, text, query);
    const recordedArguments = parsed.ok ? withoutToken(parsed.arguments) : {};
    const answer = (status: number, body: TJsonObject, headers: Record<string, string> = {}) => {
      workspace.record({
        kind: "api_call",
        name: method,
        userId: undefined,
        request: recordedArguments,
        status,
        response: body,
      });
      send(response, status, body, headers);
    };

    const failure = failures.get(method)?.shift();
    if (failure !== undefined) {
      if ("error" in failure) {
        answer(200, { ok: false, error: failure.error });
        return;
      }
      const headers: Record<string, string> =
        failure.retryAfterSeconds === undefined ? {} : { "retry-after": String(failure.retryAfterSeconds) };
      answer(
        failure.status,
        { ok: false, error: failure.status === 429 ? "ratelimited" : "http_error" },
        headers,
      );
      return;
    }
    if (!parsed.ok) {
      answer(200, { ok: false, error: parsed.error });
      return;
    }
    // Slack takes the token from the Authorization header, or from a form field; never from a JSON body.
    const bodyToken = parsed.isJson ? undefined : parsed.arguments.token;
    const token = bearerToken(request) ?? (typeof bodyToken === "string" ? bodyToken : undefined);
    answer(200, answerWebApiCall(workspace, { method, arguments: parsed.arguments, token }));
  }

  async function handleResponseUrl(
    request: IncomingMessage,
    response: ServerResponse,
    responseUrlId: string,
  ) {
    const text = await readBody(request);
    let payload: TJsonValue | undefined;
    try {
      payload = parseJson(text);
    } catch {
      payload = undefined;
    }
    const record = workspace.responseUrl(responseUrlId);
    const answer = answerResponseUrlPost(workspace, responseUrlId, payload);
    workspace.record({
      kind: "response_url",
      name: "response_url",
      userId: record?.userId,
      request: payload ?? text,
      status: answer.status,
      response: answer.body,
    });
    send(response, answer.status, answer.body);
  }

  const server = createServer((request, response) => {
    const requestUrl = new URL(request.url ?? "/", "http://127.0.0.1");
    const path = requestUrl.pathname;
    if (offlineMode === "service_unavailable") {
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      response.end("Service Unavailable");
      return;
    }
    let handling: Promise<void> | undefined;
    if (path.startsWith("/api/") && (request.method === "POST" || request.method === "GET")) {
      handling = handleWebApi(request, response, path.slice("/api/".length), requestUrl.searchParams);
    } else if (path.startsWith("/response/") && request.method === "POST") {
      handling = handleResponseUrl(request, response, path.slice("/response/".length));
    }
    if (handling === undefined) {
      send(response, 404, { ok: false, error: "not_found" });
      return;
    }
    handling.catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, { ok: false, error: "fatal_error", detail: String(error) });
      else response.end();
    });
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const port = await listen(0);
  const origin = `http://127.0.0.1:${port}`;
  workspace.setResponseUrlBase(`${origin}/`);

  return {
    url: `${origin}/api/`,
    origin,
    workspace,
    messagesIn: (channelOrUserId) => workspace.messagesIn(channelOrUserId),
    ephemeralFor: (userId) => workspace.ephemeralFor(userId),
    openViewsOf: (userId) => workspace.openViewsOf(userId),
    viewById: (viewId) => workspace.viewById(viewId),
    homeOf: (userId) => workspace.homeOf(userId),
    calls: (method) => workspace.calls(method),
    timeline: (since) => workspace.timeline(since),
    waitForCall(method, waitOptions = {}) {
      const since = waitOptions.since ?? 0;
      return workspace.waitFor(
        () =>
          workspace
            .calls(method)
            .find(
              (call) => call.sequence > since && (waitOptions.where === undefined || waitOptions.where(call)),
            ),
        {
          description: `a call to ${method}`,
          ...(waitOptions.timeoutMilliseconds === undefined
            ? {}
            : { timeoutMilliseconds: waitOptions.timeoutMilliseconds }),
        },
      );
    },
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    async setOffline(offline, mode = "service_unavailable") {
      if (closed) throw new Error("the fake Slack Web API is closed");
      const wasRefusing = offlineMode === "refuse_connections";
      offlineMode = offline ? mode : undefined;
      if (offline && mode === "refuse_connections" && !wasRefusing) await stopListening();
      if (wasRefusing && offlineMode !== "refuse_connections") await listen(port);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (offlineMode !== "refuse_connections") await stopListening();
    },
  };
}
