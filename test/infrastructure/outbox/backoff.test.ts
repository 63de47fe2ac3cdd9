import { describe, expect, it } from "vitest";
import {
  backoffCeilingMs,
  backoffDelayMs,
  DEFAULT_BACKOFF,
} from "../../../src/infrastructure/outbox/backoff.ts";

describe("backoff", () => {
  const policy = { baseMs: 5_000, maxMs: 3_600_000 };

  it("doubles the ceiling with each attempt, from the base", () => {
    expect([1, 2, 3, 4, 5].map((attempts) => backoffCeilingMs(policy, attempts))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000,
    ]);
  });

  it("never waits longer than the maximum, however many attempts", () => {
    expect(backoffCeilingMs(policy, 11)).toBe(3_600_000);
    expect(backoffCeilingMs(policy, 5_000)).toBe(3_600_000);
  });

  it("treats attempts below one as the first", () => {
    expect(backoffCeilingMs(policy, 0)).toBe(5_000);
    expect(backoffCeilingMs(policy, -3)).toBe(5_000);
  });

  it("picks a delay anywhere between zero and the ceiling (full jitter)", () => {
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(0);
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(10_000);
    expect(backoffDelayMs(policy, 3, () => 0.999_999)).toBe(19_999);
  });

  it("spreads random delays over the whole range", () => {
    const delays = Array.from({ length: 2_000 }, () => backoffDelayMs(policy, 4));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(40_000);
    expect(delays.filter((delay) => delay < 20_000).length).toBeGreaterThan(700);
    expect(delays.filter((delay) => delay >= 20_000).length).toBeGreaterThan(700);
  });

  it("defaults to five seconds doubling up to an hour", () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 5_000, maxMs: 3_600_000 });
  });
});
