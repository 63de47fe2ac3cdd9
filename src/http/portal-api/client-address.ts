// Whose attempts the per-client rate limit counts. Read only once the request has proven the API
// key: the portal is then trusted to name, in X-Forwarded-For, the person it asks for (its
// left-most address); without that header every attempt counts against the portal's own address.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

export function clientAddressOf(request: IncomingMessage): string {
  const forwarded = request.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  if (first !== undefined && isIP(first) !== 0) return first;
  return request.socket.remoteAddress ?? "unknown";
}
