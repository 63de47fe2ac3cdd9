// The one HTTP server of the process: health now; the portal API and Slack's endpoint plug in as
// routes. Plain node:http — the surface is small and each route is a function.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../application/ports/logger.ts";

export type TRouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** Answers the requests it knows (returning true) and leaves the rest (returning false, writing nothing). */
export type TRequestHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

export interface TRoute {
  readonly method: string;
  readonly path: string;
  readonly handler: TRouteHandler;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  response.end(text);
}

export interface THttpServer {
  readonly server: Server;
  listen(port: number, host?: string): Promise<number>;
  /**
   * Takes no new connection, lets the requests in flight be answered for up to `graceMs` (none by
   * default), then closes every connection.
   */
  close(options?: { readonly graceMs?: number }): Promise<void>;
}

export interface THttpServerOptions {
  /** Asked first, in order (the sandbox's page and its stand-in for Slack's Web API). */
  readonly handlers?: readonly TRequestHandler[];
  /** Told of every answer once sent: the route's path (or "other"), method, status and seconds. */
  readonly observe?: (route: string, method: string, status: number, seconds: number) => void;
}

export function createHttpServer(
  routes: readonly TRoute[],
  logger: Logger,
  options: THttpServerOptions = {},
): THttpServer {
  const handlers = options.handlers ?? [];
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const startedAt = performance.now();
    inFlight += 1;
    response.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
      const known = routes.some((candidate) => candidate.path === path);
      options.observe?.(
        known ? path : "other",
        request.method ?? "GET",
        response.statusCode,
        (performance.now() - startedAt) / 1000,
      );
    });
    try {
      if (handlers.some((handle) => handle(request, response))) return;
    } catch (error) {
      logger.error({ err: error, path }, "request failed");
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: "internal_error" });
      return;
    }
    const route = routes.find((candidate) => candidate.path === path && candidate.method === request.method);
    if (route === undefined) {
      const known = routes.some((candidate) => candidate.path === path);
      sendJson(response, known ? 405 : 404, { ok: false, error: known ? "method_not_allowed" : "not_found" });
      return;
    }
    Promise.resolve()
      .then(() => route.handler(request, response))
      .catch((error: unknown) => {
        logger.error({ err: error, path }, "request failed");
        if (!response.headersSent) sendJson(response, 500, { ok: false, error: "internal_error" });
        else response.end();
      });
  });
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: async (closeOptions = {}) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const graceMs = closeOptions.graceMs ?? 0;
      if (inFlight > 0 && graceMs > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, graceMs);
          }),
        ]);
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
