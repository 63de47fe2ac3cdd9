// slack.com over HTTP as a request handler that mounts on any node:http server under a path prefix:
// the Web API at `<prefix>/api/<method>` and the response_urls the workspace hands out at
// `<prefix>/response/<id>`. Everything it is told lands in the workspace's timeline. It starts no
// server of its own: the bot's HTTP server can carry it, and so can the tests' stand-alone one.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isJsonObject, parseJson, type TJsonObject, type TJsonValue } from "./json.ts";
import { answerResponseUrlPost } from "./response-url-posts.ts";
import type { TSlackWorkspace } from "./slack-workspace.ts";
import { answerWebApiCall, type TSocketModeGateway } from "./web-api-methods.ts";

/** An answer given instead of the method's own (a test's injected failure). */
export interface TInterceptedAnswer {
  readonly status: number;
  readonly body: TJsonObject;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface TSlackRequestHandlerOptions {
  readonly workspace: TSlackWorkspace;
  /** Where the handler is mounted, e.g. `/sandbox/slack`; "" (the default) for the server's root. */
  readonly pathPrefix?: string;
  /** Asked before each Web API call is answered; an answer it returns is sent instead. */
  readonly interceptWebApiCall?: (method: string) => TInterceptedAnswer | undefined;
  /** Socket Mode on: apps.connections.open answers with its WebSocket URLs. */
  readonly socketMode?: TSocketModeGateway;
}

export interface TSlackRequestHandler {
  /** `<prefix>/api/`, the path of the Web API base. */
  readonly webApiPath: string;
  /**
   * Answers a request under the prefix and returns true; returns false, writing nothing, for any
   * other path, so the host server can answer it.
   */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /**
   * Tells the workspace the origin (`http://host:port`) the handler is reached at, so the
   * response_urls it hands out point here; returns the Web API base URL (for `slackApiUrl`).
   */
  servedAt(origin: string): string;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Sends a JSON answer. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: TJsonValue,
  headers: Readonly<Record<string, string>> = {},
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

function withoutTrailingSlash(prefix: string): string {
  return prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
}

export function createSlackRequestHandler(options: TSlackRequestHandlerOptions): TSlackRequestHandler {
  const { workspace } = options;
  const prefix = withoutTrailingSlash(options.pathPrefix ?? "");
  const webApiPath = `${prefix}/api/`;
  const responseUrlPath = `${prefix}/response/`;

  async function handleWebApi(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    query: URLSearchParams,
  ) {
    const text = await readBody(request);
    const parsed = parseArguments(request, text, query);
    const answer = (status: number, body: TJsonObject, headers: Readonly<Record<string, string>> = {}) => {
      workspace.record({
        kind: "api_call",
        name: method,
        userId: undefined,
        request: parsed.ok ? withoutToken(parsed.arguments) : {},
        status,
        response: body,
      });
      sendJson(response, status, body, headers);
    };

    const intercepted = options.interceptWebApiCall?.(method);
    if (intercepted !== undefined) {
      answer(intercepted.status, intercepted.body, intercepted.headers);
      return;
    }
    if (!parsed.ok) {
      answer(200, { ok: false, error: parsed.error });
      return;
    }
    // Slack takes the token from the Authorization header, or from a form field; never from a JSON body.
    const bodyToken = parsed.isJson ? undefined : parsed.arguments.token;
    const token = bearerToken(request) ?? (typeof bodyToken === "string" ? bodyToken : undefined);
    answer(
      200,
      answerWebApiCall(workspace, { method, arguments: parsed.arguments, token }, options.socketMode),
    );
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
    sendJson(response, answer.status, answer.body);
  }

  return {
    webApiPath,
    handle(request, response) {
      const requestUrl = new URL(request.url ?? "/", "http://127.0.0.1");
      const path = requestUrl.pathname;
      let handling: Promise<void> | undefined;
      if (path.startsWith(webApiPath)) {
        if (request.method === "POST" || request.method === "GET")
          handling = handleWebApi(request, response, path.slice(webApiPath.length), requestUrl.searchParams);
      } else if (path.startsWith(responseUrlPath)) {
        if (request.method === "POST")
          handling = handleResponseUrl(request, response, path.slice(responseUrlPath.length));
      } else {
        return false;
      }
      if (handling === undefined) {
        sendJson(response, 404, { ok: false, error: "not_found" });
        return true;
      }
      handling.catch((error: unknown) => {
        if (!response.headersSent)
          sendJson(response, 500, { ok: false, error: "fatal_error", detail: String(error) });
        else response.end();
      });
      return true;
    },
    servedAt(origin) {
      const base = withoutTrailingSlash(origin);
      workspace.setResponseUrlBase(`${base}${prefix}/`);
      return `${base}${webApiPath}`;
    },
  };
}
