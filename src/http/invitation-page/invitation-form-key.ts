// The hidden field of the invitation form: HMAC-SHA-256 of the link's token hash under a key of
// the server's (derived from the key that seals outbox secrets, so every replica agrees). A form
// posted from anywhere but the page itself lacks it; with the Sec-Fetch-Site / Origin check it
// makes the post CSRF-safe even though the page must work without JavaScript or cookies.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

export interface TInvitationFormKeys {
  keyFor(tokenHash: string): string;
  matches(tokenHash: string, presented: string): boolean;
}

export function createInvitationFormKeys(serverKey: Buffer): TInvitationFormKeys {
  const key = Buffer.from(
    hkdfSync("sha256", serverKey, "premiumone-users-bot", "invitation form key v1", 32),
  );
  const keyFor = (tokenHash: string) => createHmac("sha256", key).update(tokenHash).digest("base64url");
  return {
    keyFor,
    matches(tokenHash, presented) {
      const expected = Buffer.from(keyFor(tokenHash));
      const given = Buffer.from(presented);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
