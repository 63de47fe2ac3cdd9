// The one HTTP server of the process: health now; the portal API and Slack's endpoint plug in as
// routes. Plain node:http — the surface is small and each route is a function.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../application/ports/logger.ts";

export type TRouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

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
  close(): Promise<void>;
}

export function createHttpServer(routes: readonly TRoute[], logger: Logger): THttpServer {
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
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
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
