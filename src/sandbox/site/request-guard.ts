// Who may drive the sandbox: the page itself, not another site the person has open. The sandbox
// runs a real bot, so a request that changes something must come from the same origin (Origin and
// Sec-Fetch-Site, when the browser sends them), carry the token the page got from the session (which
// no other origin can read), and be JSON of a bounded size.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The header carrying the page's token. */
export const PAGE_TOKEN_HEADER = "x-sandbox-page-token";

/** The largest action body the page sends is a modal's values; 64 KiB is far above it. */
export const MAXIMUM_BODY_BYTES = 64 * 1024;

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Why a request does not come from the page's own origin; undefined when it may. */
export function crossOriginReason(request: IncomingMessage): string | undefined {
  const fetchSite = headerOf(request, "sec-fetch-site");
  if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none")
    return `Sec-Fetch-Site is ${fetchSite}`;
  const origin = headerOf(request, "origin");
  const host = headerOf(request, "host");
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`)
    return `Origin ${origin} is not this page's`;
  return undefined;
}

/** Why a request may not act on the sandbox; undefined when it may. */
export function actionRefusalReason(request: IncomingMessage, pageToken: string): string | undefined {
  const crossOrigin = crossOriginReason(request);
  if (crossOrigin !== undefined) return crossOrigin;
  const token = headerOf(request, PAGE_TOKEN_HEADER) ?? "";
  const expected = Buffer.from(pageToken);
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "no valid page token";
  return undefined;
}

export type TBodyReading =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: number; readonly error: string };

/** The request's JSON body, refused when it is not JSON or is larger than MAXIMUM_BODY_BYTES. */
export async function readJsonBody(request: IncomingMessage): Promise<TBodyReading> {
  const contentType = (headerOf(request, "content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") return { ok: false, status: 415, error: "expected_json" };
  const declared = Number(headerOf(request, "content-length") ?? "0");
  if (declared > MAXIMUM_BODY_BYTES) return { ok: false, status: 413, error: "body_too_large" };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAXIMUM_BODY_BYTES) return { ok: false, status: 413, error: "body_too_large" };
    chunks.push(buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return { ok: true, value };
  } catch {
    return { ok: false, status: 400, error: "invalid_json" };
  }
}
