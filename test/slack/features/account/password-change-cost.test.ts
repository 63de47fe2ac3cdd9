// What the password modal's submission costs in production before its ack: the current password
// verified and the new one hashed, both with bcrypt at cost 12 (the end-to-end tests run at cost 4).
// It only prints the figure — a machine's speed is not the code's behaviour — and asserts nothing
// about time, only that the pair did its work.
import { describe, expect, it } from "vitest";
import {
  createBcryptPasswordHasher,
  MINIMUM_BCRYPT_COST,
} from "../../../../src/infrastructure/security/password-hasher.ts";

const ROUNDS = 3;

describe("the password change's bcrypt work at the production cost", () => {
  it("prints how long one verify + hash pair takes at cost 12", async () => {
    const hasher = createBcryptPasswordHasher();
    const current = "tres tristes tigres comen trigo";
    const stored = await hasher.hash(current);
    // Lets the hasher's own start-up hash (for unknown accounts) finish before timing.
    await hasher.verify(current, null);
    const milliseconds: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const started = performance.now();
      const matches = await hasher.verify(current, stored);
      await hasher.hash("girasol nocturno bajo la lluvia");
      milliseconds.push(performance.now() - started);
      expect(matches).toBe(true);
    }
    const sorted = [...milliseconds].sort((left, right) => left - right);
    console.log(
      `bcrypt cost ${MINIMUM_BCRYPT_COST}, verify + hash before the modal's ack: ${milliseconds
        .map((value) => value.toFixed(0))
        .join(", ")} ms (median ${sorted[Math.floor(ROUNDS / 2)]?.toFixed(0)} ms; Slack allows 3000 ms)`,
    );
  });
});
