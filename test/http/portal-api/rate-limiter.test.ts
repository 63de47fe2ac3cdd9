// The rate limit kept in the database: at most `limit` attempts per key in a sliding window, told
// how long to wait, shared by every replica of one PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../src/http/portal-api/rate-limiter.ts";
import { createTestDatabase, type TTestDatabase, testDatabaseKind } from "../../support/test-database.ts";
import { createTestClock, createTestDependencies } from "../../support/use-case-dependencies.ts";

describe(`rate limiter (${testDatabaseKind} database)`, () => {
  let testDatabase: TTestDatabase;
  let dependencies: ReturnType<typeof createTestDependencies>;
  // A minute boundary, so that each test knows where its windows start.
  const clock = createTestClock(new Date("2026-11-28T12:00:00.000Z"));
  let sequence = 0;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dependencies = createTestDependencies(testDatabase.database, { clock });
  });
  afterAll(() => testDatabase.close());

  /** A limiter of its own (its own name) starting at a minute boundary. */
  function limiter(limit = 3, windowMs = 60_000) {
    sequence += 1;
    clock.set(new Date(Date.UTC(2026, 10, 28, 12, sequence * 10)));
    return createRateLimiter({ dependencies, name: `test${sequence}`, rule: { limit, windowMs } });
  }

  it("allows the limit and refuses the next, saying when to retry", async () => {
    const rateLimiter = limiter();
    expect(await rateLimiter.consume("ana")).toEqual({ allowed: true });
    clock.advance(10_000);
    expect(await rateLimiter.consume("ana")).toEqual({ allowed: true });
    expect(await rateLimiter.consume("ana")).toEqual({ allowed: true });
    // Three hits in this minute: they weigh fully until the next one starts, 50 s from now.
    expect(await rateLimiter.consume("ana")).toEqual({ allowed: false, retryAfterSeconds: 51 });
  });

  it("counts each key on its own", async () => {
    const rateLimiter = limiter(1);
    expect((await rateLimiter.consume("ana")).allowed).toBe(true);
    expect((await rateLimiter.consume("beto")).allowed).toBe(true);
    expect((await rateLimiter.consume("ana")).allowed).toBe(false);
  });

  it("slides: the previous minute's hits count for the part of it still inside the window", async () => {
    const rateLimiter = limiter(4);
    for (let index = 0; index < 4; index += 1) expect((await rateLimiter.consume("ana")).allowed).toBe(true);
    expect((await rateLimiter.consume("ana")).allowed).toBe(false);
    // 15 s into the next minute, 4 × 45/60 = 3 of them still count: one more fits.
    clock.advance(75_000);
    expect(await rateLimiter.consume("ana")).toEqual({ allowed: true });
    expect(await rateLimiter.consume("ana")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1_000);
    expect(await rateLimiter.consume("ana")).toEqual({ allowed: true });
    // 4 × (1 − t/60) + 2 < 4 from t = 30 s on: 14 s after these 16.
    expect(await rateLimiter.consume("ana")).toEqual({ allowed: false, retryAfterSeconds: 15 });
  });

  it("does not count refused attempts, so waiting Retry-After is enough", async () => {
    const rateLimiter = limiter(1);
    await rateLimiter.consume("ana");
    let retryAfterSeconds = 0;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      clock.advance(1_000);
      const decision = await rateLimiter.consume("ana");
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) retryAfterSeconds = decision.retryAfterSeconds;
    }
    clock.advance(retryAfterSeconds * 1_000);
    expect((await rateLimiter.consume("ana")).allowed).toBe(true);
  });

  it("allows exactly the limit of 30 attempts sent at once", async () => {
    const rateLimiter = limiter(10);
    const decisions = await Promise.all(Array.from({ length: 30 }, () => rateLimiter.consume("ana")));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
  });

  it.skipIf(testDatabaseKind !== "postgresql")(
    "holds one limit across two replicas sharing one PostgreSQL",
    async () => {
      const first = limiter(10);
      const other = await testDatabase.openAnother();
      const second = createRateLimiter({
        dependencies: createTestDependencies(other, { clock }),
        name: `test${sequence}`,
        rule: { limit: 10, windowMs: 60_000 },
      });
      const decisions = await Promise.all(
        Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? first : second).consume("ana")),
      );
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    },
  );
});
