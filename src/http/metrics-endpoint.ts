// GET /metrics: the Prometheus text, behind `Authorization: Bearer $METRICS_TOKEN` when that is set
// (compared in constant time; a refusal says nothing about the token).
import { createHash, timingSafeEqual } from "node:crypto";
import type { TRoute } from "./http-server.ts";
import { sendJson } from "./http-server.ts";

export const METRICS_PATH = "/metrics";

export interface TMetricsSource {
  readonly contentType: string;
  render(): Promise<string>;
}

export function createMetricsRoute(options: {
  readonly metrics: TMetricsSource;
  readonly token: string | undefined;
}): TRoute {
  const expected = options.token === undefined ? undefined : digest(options.token);
  return {
    method: "GET",
    path: METRICS_PATH,
    handler: async (request, response) => {
      if (expected !== undefined) {
        const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
        if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
          response.setHeader("www-authenticate", 'Bearer realm="metrics"');
          sendJson(response, 401, { ok: false, error: "unauthorized" });
          return;
        }
      }
      const text = await options.metrics.render();
      response.writeHead(200, { "content-type": options.metrics.contentType, "cache-control": "no-store" });
      response.end(text);
    },
  };
}

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
function digest(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}
