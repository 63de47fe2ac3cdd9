// The benchmark's knobs, read once from the environment: the full run by default, a short smoke
// run with BENCH_QUICK=1, and a few overrides for re-running one part while fixing it.

/** The burst issue 8 names: 20 password changes at once. */
export const AIM_PASSWORD_BURST = 20;

export const BENCH_PARTS = ["start", "ack", "create", "password", "catalogue"] as const;
export type TBenchPart = (typeof BENCH_PARTS)[number];

export interface TBenchSettings {
  readonly quick: boolean;
  readonly parts: ReadonlySet<TBenchPart>;
  /** Offered loads of part 1, requests per second, each held for `stepSeconds`. */
  readonly rates: readonly number[];
  readonly stepSeconds: number;
  /** Quick runs only: the pause between two load steps (a full run waits for the app to go idle). */
  readonly settleMilliseconds: number;
  /** Users in the catalogue of parts 1–3. */
  readonly smallCatalogueUsers: number;
  /** Users in the catalogue of part 4. */
  readonly largeCatalogueUsers: number;
  /** Sequential repetitions of each list / search query of part 4. */
  readonly catalogueRepetitions: number;
  /** Starts on a new and on an existing embedded data folder, each. */
  readonly startRepetitions: number;
  readonly createRatePerSecond: number;
  readonly createSeconds: number;
  /** Password changes submitted at once (part 3), from Slack and through the portal API each. */
  readonly passwordBurst: number;
  /** BENCH_DATABASE_URL: a PostgreSQL server on which part 4 creates (and drops) a database. */
  readonly postgresUrl: string | undefined;
  /** The bot's LOG_LEVEL (its logs go to a file in the run's temporary folder). */
  readonly botLogLevel: string;
}

function numberList(raw: string | undefined, fallback: readonly number[]): readonly number[] {
  if (raw === undefined || raw.trim() === "") return fallback;
  const values = raw.split(",").map((item) => Number(item.trim()));
  if (values.some((value) => !Number.isFinite(value) || value <= 0))
    throw new Error("BENCH_RATES: expected comma-separated positive numbers, e.g. 25,50,100");
  return values;
}

function positiveNumber(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: expected a positive number`);
  return value;
}

function partList(raw: string | undefined): ReadonlySet<TBenchPart> {
  if (raw === undefined || raw.trim() === "") return new Set(BENCH_PARTS);
  const chosen = raw.split(",").map((item) => item.trim());
  for (const part of chosen) {
    if (!(BENCH_PARTS as readonly string[]).includes(part))
      throw new Error(`BENCH_PARTS: expected some of ${BENCH_PARTS.join(",")}`);
  }
  return new Set(chosen as TBenchPart[]);
}

export function readBenchSettings(source: NodeJS.ProcessEnv = process.env): TBenchSettings {
  const quick = source.BENCH_QUICK === "1" || source.BENCH_QUICK === "true";
  const postgresUrl = source.BENCH_DATABASE_URL?.trim();
  return {
    quick,
    parts: partList(source.BENCH_PARTS),
    rates: numberList(source.BENCH_RATES, quick ? [10, 25] : [25, 50, 100, 150]),
    stepSeconds: positiveNumber(source.BENCH_STEP_SECONDS, quick ? 3 : 8, "BENCH_STEP_SECONDS"),
    settleMilliseconds: 300,
    smallCatalogueUsers: 1_000,
    largeCatalogueUsers: positiveNumber(source.BENCH_USERS, quick ? 10_000 : 100_000, "BENCH_USERS"),
    catalogueRepetitions: quick ? 5 : 20,
    startRepetitions: quick ? 1 : 3,
    createRatePerSecond: quick ? 3 : 5,
    createSeconds: quick ? 3 : 10,
    passwordBurst: quick ? 5 : AIM_PASSWORD_BURST,
    postgresUrl: postgresUrl === undefined || postgresUrl === "" ? undefined : postgresUrl,
    botLogLevel: source.BENCH_BOT_LOG_LEVEL?.trim() || "info",
  };
}
