// Reads a request's body as JSON: `application/json` only, at most `maximumBytes`, valid UTF-8.
// A body that does not parse is refused with fixed words: JSON.parse's own message quotes the
// text it choked on, which may be a password.
import type { IncomingMessage } from "node:http";
import type { TProblem } from "./portal-api-replies.ts";

export type TJsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: "unsupported_media_type" | "payload_too_large" }
  | { readonly ok: false; readonly error: "bad_request"; readonly problems: readonly TProblem[] };

const NOT_JSON: TJsonBody = {
  ok: false,
  error: "bad_request",
  problems: [{ field: "", code: "invalid_json", message: "The body is not valid JSON in UTF-8." }],
};

function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

function parse(bytes: Buffer): TJsonBody {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return NOT_JSON;
  }
}

export function readJsonBody(request: IncomingMessage, maximumBytes: number): Promise<TJsonBody> {
  if (!isJsonMediaType(request.headers["content-type"])) {
    return Promise.resolve({ ok: false, error: "unsupported_media_type" });
  }
  const declaredLength = Number(request.headers["content-length"] ?? "0");
  if (declaredLength > maximumBytes) return Promise.resolve({ ok: false, error: "payload_too_large" });

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    // The error listener stays: a client that hangs up after the answer must not crash the process.
    let settled = false;
    const stop = () => {
      settled = true;
      request.off("data", onData);
      request.off("end", onEnd);
    };
    function onData(chunk: Buffer): void {
      received += chunk.length;
      if (received > maximumBytes) {
        // Read no further; the answer closes the connection (see the caller) and drops the rest.
        stop();
        request.pause();
        resolve({ ok: false, error: "payload_too_large" });
        return;
      }
      chunks.push(chunk);
    }
    function onEnd(): void {
      stop();
      resolve(parse(Buffer.concat(chunks)));
    }
    function onError(error: Error): void {
      if (settled) return;
      stop();
      reject(error);
    }
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    request.once("close", () => onError(new Error("the client closed the request before its body ended")));
  });
}
