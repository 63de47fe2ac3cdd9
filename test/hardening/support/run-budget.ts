// How hard the property-based sections try: at least 1,000 generated cases each (issue 7).
// HARDENING_NUM_RUNS lowers it for a quick local look; CI runs the default. HARDENING_SEED and
// HARDENING_PATH replay a failure exactly, from the `{ seed, path }` fast-check printed;
// HARDENING_VERBOSE=1 lists every failing case fast-check met on the way.
import fc, { type Parameters as TFastCheckParameters } from "fast-check";

const fromEnvironment = Number(process.env.HARDENING_NUM_RUNS ?? "");

export const NUM_RUNS = Number.isInteger(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : 1_000;

/** The fast-check parameters of every property: the budget, and a replay when asked for. */
export function propertyParameters<TInput>(): TFastCheckParameters<[TInput]> {
  const seed = Number(process.env.HARDENING_SEED ?? "");
  const path = process.env.HARDENING_PATH;
  return {
    numRuns: NUM_RUNS,
    ...(Number.isInteger(seed) && process.env.HARDENING_SEED !== undefined ? { seed } : {}),
    ...(path === undefined || path === "" ? {} : { path, endOnFailure: true }),
    ...(process.env.HARDENING_VERBOSE === "1" ? { verbose: 2 } : {}),
  };
}

/**
 * Runs fc.assert, and when the property fails says also what failed first, before shrinking: a
 * property over a live bot is not perfectly repeatable (an earlier request may still be at work
 * while fast-check shrinks), so the first failure is the one to read.
 */
export async function assertWithFirstFailure<TInput>(
  arbitrary: fc.Arbitrary<TInput>,
  check: (input: TInput) => Promise<void>,
  parameters: TFastCheckParameters<[TInput]>,
): Promise<void> {
  let first: { message: string; input: string } | undefined;
  const property = fc.asyncProperty(arbitrary, async (input) => {
    try {
      await check(input);
    } catch (error) {
      first ??= {
        message: error instanceof Error ? error.message : String(error),
        input: fc.stringify(input),
      };
      throw error;
    }
  });
  try {
    await fc.assert(property, parameters);
  } catch (error) {
    if (first === undefined || !(error instanceof Error)) throw error;
    throw new Error(
      `${error.message}\nFirst failure, before shrinking: ${first.message}\n  with ${first.input}`,
      {
        cause: error.cause,
      },
    );
  }
}
