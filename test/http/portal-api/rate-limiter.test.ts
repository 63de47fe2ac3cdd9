// The in-memory sliding window: at most `limit` attempts per key in any window, told how long to wait.
import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../src/http/portal-api/rate-limiter.ts";
import { createTestClock } from "../../support/use-case-dependencies.ts";

function limiter(limit = 3, windowMs = 60_000) {
  const clock = createTestClock();
  return { clock, rateLimiter: createRateLimiter({ limit, windowMs, clock }) };
}

describe("rate limiter", () => {
  it("allows the limit and refuses the next, saying when to retry", () => {
    const { clock, rateLimiter } = limiter();
    expect(rateLimiter.consume("ana")).toEqual({ allowed: true });
    clock.advance(10_000);
    expect(rateLimiter.consume("ana")).toEqual({ allowed: true });
    expect(rateLimiter.consume("ana")).toEqual({ allowed: true });
    // The first attempt leaves the window 50 s from now.
    expect(rateLimiter.consume("ana")).toEqual({ allowed: false, retryAfterSeconds: 50 });
  });

  it("counts each key on its own", () => {
    const { rateLimiter } = limiter(1);
    expect(rateLimiter.consume("ana").allowed).toBe(true);
    expect(rateLimiter.consume("beto").allowed).toBe(true);
    expect(rateLimiter.consume("ana").allowed).toBe(false);
  });

  it("slides: an attempt frees its place exactly one window after it was made", () => {
    const { clock, rateLimiter } = limiter(2);
    rateLimiter.consume("ana");
    clock.advance(30_000);
    rateLimiter.consume("ana");
    clock.advance(29_999);
    expect(rateLimiter.consume("ana")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1);
    expect(rateLimiter.consume("ana")).toEqual({ allowed: true });
    // The second attempt (made 30 s in) still holds its place for 30 s more.
    expect(rateLimiter.consume("ana")).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it("does not count refused attempts, so waiting Retry-After is enough", () => {
    const { clock, rateLimiter } = limiter(1);
    rateLimiter.consume("ana");
    for (let attempt = 0; attempt < 20; attempt += 1) {
      clock.advance(1_000);
      expect(rateLimiter.consume("ana").allowed).toBe(false);
    }
    clock.advance(40_000);
    expect(rateLimiter.consume("ana").allowed).toBe(true);
  });

  it("forgets keys whose attempts have all left the window", () => {
    const { clock, rateLimiter } = limiter(5);
    for (let index = 0; index < 1_000; index += 1) rateLimiter.consume(`made-up-${index}`);
    expect(rateLimiter.size()).toBe(1_000);
    clock.advance(60_000);
    rateLimiter.consume("ana");
    expect(rateLimiter.size()).toBe(1);
  });
});
