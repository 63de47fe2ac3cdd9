// The stand-in for slack.com that tests start on its own: the request handler of
// `slack-request-handler.ts` on a server of its own on 127.0.0.1 and a free port (the Web API at
// `<url><method>`, given to Bolt as `clientOptions.slackApiUrl`; the response_urls at `/response/<id>`),
// plus the powers only tests have: the next call of a method made to fail (rate limit, Slack error),
// the whole service taken offline, and waiting for a call the app makes after it acknowledged.
// With `socketMode`, Slack's Socket Mode WebSocket server too (socket-mode/), on the same workspace.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { TSlackMessage, TSlackView, TTimelineEntry, TWebApiCall } from "./slack-records.ts";
import { createSlackRequestHandler, sendJson, type TInterceptedAnswer } from "./slack-request-handler.ts";
import {
  createSlackWorkspace,
  type TSlackWorkspace,
  type TSlackWorkspaceOptions,
} from "./slack-workspace.ts";
import { startSocketModeServer, type TSocketModeServer } from "./socket-mode/socket-mode-server.ts";

export interface TFakeSlackWebApiOptions extends TSlackWorkspaceOptions {
  /** Socket Mode on: apps.connections.open takes this app-level token and hands out the server's URLs. */
  readonly socketMode?: { readonly appToken: string };
}

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
  /** Slack's Socket Mode server, when the options turned it on. */
  readonly socketMode: TSocketModeServer | undefined;

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

function injectedAnswer(failure: TInjectedFailure): TInterceptedAnswer {
  if ("error" in failure) return { status: 200, body: { ok: false, error: failure.error } };
  return {
    status: failure.status,
    body: { ok: false, error: failure.status === 429 ? "ratelimited" : "http_error" },
    headers:
      failure.retryAfterSeconds === undefined ? {} : { "retry-after": String(failure.retryAfterSeconds) },
  };
}

export async function createFakeSlackWebApi(options: TFakeSlackWebApiOptions): Promise<TFakeSlackWebApi> {
  const { socketMode: socketModeOptions, ...workspaceOptions } = options;
  const workspace = createSlackWorkspace(workspaceOptions);
  const socketMode =
    socketModeOptions === undefined
      ? undefined
      : await startSocketModeServer({ workspace, appToken: socketModeOptions.appToken });
  const failures = new Map<string, TInjectedFailure[]>();
  let offlineMode: TOfflineMode | undefined;
  let closed = false;

  const handler = createSlackRequestHandler({
    workspace,
    ...(socketMode === undefined ? {} : { socketMode }),
    interceptWebApiCall(method) {
      const failure = failures.get(method)?.shift();
      return failure === undefined ? undefined : injectedAnswer(failure);
    },
  });

  const server = createServer((request, response) => {
    if (offlineMode === "service_unavailable") {
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      response.end("Service Unavailable");
      return;
    }
    if (!handler.handle(request, response)) sendJson(response, 404, { ok: false, error: "not_found" });
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

  return {
    url: handler.servedAt(origin),
    origin,
    workspace,
    socketMode,
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
      await socketMode?.close();
      if (offlineMode !== "refuse_connections") await stopListening();
    },
  };
}
