// bcrypt over a pre-hash: HMAC-SHA-384(pepper, NFKC(password)) in base64 is 64 ASCII bytes, under
// bcrypt's 72-byte limit, so every byte of a long password counts. bcrypt's async functions run on
// libuv's thread pool: the event loop never waits for them. At most one bcrypt per core runs at a
// time (more would only share the cores and leave libuv's pool no thread for files and DNS); the
// rest wait their turn, and `backlog()` says how many there are, so a caller can tell a long wait.
import { createHmac } from "node:crypto";
import { availableParallelism } from "node:os";
import bcrypt from "bcrypt";
import type { PasswordHasher } from "../../application/ports/password-hasher.ts";
import { normalizePassword } from "../../domain/password-policy.ts";

export const MINIMUM_BCRYPT_COST = 12;
// Without a pepper the HMAC still fixes the input's length; the key then only separates domains.
const DEFAULT_PEPPER = "premiumone-users-bot/password/v1";

export function preHash(password: string, pepper: string): string {
  return createHmac("sha384", pepper).update(normalizePassword(password), "utf8").digest("base64");
}

/** Runs at most `limit` tasks at once, the others in the order they came. */
function createLimiter(limit: number) {
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    running -= 1;
    queue.shift()?.();
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= limit) await new Promise<void>((resolve) => queue.push(resolve));
      running += 1;
      try {
        return await task();
      } finally {
        next();
      }
    },
    backlog: () => running + queue.length,
  };
}

export function createBcryptPasswordHasher(
  options: { pepper?: string | undefined; cost?: number; parallelism?: number } = {},
): PasswordHasher {
  const pepper = options.pepper ?? DEFAULT_PEPPER;
  const cost = options.cost ?? MINIMUM_BCRYPT_COST;
  const limiter = createLimiter(Math.max(1, options.parallelism ?? availableParallelism()));
  // A hash of the cost in use, compared against when the account has none, so that an unknown user
  // or an unset password takes as long as a wrong password.
  let dummyHash: Promise<string> | undefined;
  return {
    hash: (password) => limiter.run(() => bcrypt.hash(preHash(password, pepper), cost)),
    verify(password, hash) {
      const candidate = preHash(password, pepper);
      return limiter.run(async () => {
        if (hash === null) {
          dummyHash ??= bcrypt.hash("dummy password for timing", cost);
          await bcrypt.compare(candidate, await dummyHash);
          return false;
        }
        return bcrypt.compare(candidate, hash);
      });
    },
    backlog: () => limiter.backlog(),
    parallelism: () => Math.max(1, options.parallelism ?? availableParallelism()),
  };
}
