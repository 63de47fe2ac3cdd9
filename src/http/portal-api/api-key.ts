// The portal proves itself with `Authorization: Bearer <PORTAL_API_KEY>`. Both sides are reduced to
// SHA-256 digests first, so timingSafeEqual always compares 32 bytes: neither the key's content nor
// its length shows in the time of a refusal.
import { createHash, timingSafeEqual } from "node:crypto";

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

export type TApiKeyCheck = (authorizationHeader: string | undefined) => boolean;

export function createApiKeyCheck(apiKey: string): TApiKeyCheck {
  const expected = digest(apiKey);
  return (authorizationHeader) => {
    const presented = BEARER.exec(authorizationHeader ?? "")?.[1];
    // A missing key is compared too (as the empty string): every refusal costs the same.
    const matches = timingSafeEqual(digest(presented ?? ""), expected);
    return presented !== undefined && matches;
  };
}
