// bcrypt over a pre-hash: HMAC-SHA-384(pepper, NFKC(password)) in base64 is 64 ASCII bytes, under
// bcrypt's 72-byte limit, so every byte of a long password counts. bcrypt's async functions run on
// libuv's thread pool: the event loop never waits for them.
import { createHmac } from "node:crypto";
import bcrypt from "bcrypt";
import type { PasswordHasher } from "../../application/ports/password-hasher.ts";
import { normalizePassword } from "../../domain/password-policy.ts";

export const MINIMUM_BCRYPT_COST = 12;
// Without a pepper the HMAC still fixes the input's length; the key then only separates domains.
const DEFAULT_PEPPER = "premiumone-users-bot/password/v1";

export function preHash(password: string, pepper: string): string {
  return createHmac("sha384", pepper).update(normalizePassword(password), "utf8").digest("base64");
}

export function createBcryptPasswordHasher(
  options: { pepper?: string | undefined; cost?: number } = {},
): PasswordHasher {
  const pepper = options.pepper ?? DEFAULT_PEPPER;
  const cost = options.cost ?? MINIMUM_BCRYPT_COST;
  // A hash of the cost in use, compared against when the account has none, so that an unknown user
  // or an unset password takes as long as a wrong password.
  const dummyHash = bcrypt.hash("dummy password for timing", cost);
  return {
    hash: (password) => bcrypt.hash(preHash(password, pepper), cost),
    async verify(password, hash) {
      const candidate = preHash(password, pepper);
      if (hash === null) {
        await bcrypt.compare(candidate, await dummyHash);
        return false;
      }
      return bcrypt.compare(candidate, hash);
    },
  };
}
