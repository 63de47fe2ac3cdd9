// The aims of issue 8, each checked against what the run measured: met, missed, or not measured
// (the part did not run, or not at the rate / size the aim names). No aim fails the run.
import { SurfaceName, type TAckStep } from "../parts/ack-latency.ts";
import { AIM_PASSWORD_BURST } from "../settings.ts";
import type { TBenchResults } from "./bench-results.ts";
import { megabytes, milliseconds } from "./markdown.ts";

export type TVerdict = "met" | "missed" | "not measured";

export interface TAimCheck {
  readonly aim: string;
  readonly measured: string;
  readonly verdict: TVerdict;
}

export const AIM_RATE = 100;
export const AIM_USERS = 100_000;
const RATIO_LIMIT = 1.3;
const COMMAND_SURFACES = [SurfaceName.HELP, SurfaceName.LIST, SurfaceName.SEARCH, SurfaceName.NEW];

const notMeasured = (aim: string, why: string): TAimCheck => ({
  aim,
  measured: why,
  verdict: "not measured",
});

function stepOf(steps: readonly TAckStep[], surface: string, target: "bot" | "bare", rate: number) {
  return steps.find((step) => step.surface === surface && step.target === target && step.rate === rate);
}

function ratioAims(results: TBenchResults): TAimCheck[] {
  const ack = results.ack;
  return [SurfaceName.HELP, SurfaceName.PAGE_BUTTON].map((surface) => {
    const aim = `${surface}: ack p99 within ${RATIO_LIMIT}× the bare Bolt app`;
    if (ack === undefined) return notMeasured(aim, "part 1 did not run");
    const ratios = ack.rates.flatMap((rate) => {
      const bot = stepOf(ack.steps, surface, "bot", rate);
      const bare = stepOf(ack.steps, surface, "bare", rate);
      return bot === undefined || bare === undefined ? [] : [{ rate, value: bot.ack.p99 / bare.ack.p99 }];
    });
    const worst = ratios.reduce<{ rate: number; value: number } | undefined>(
      (current, candidate) =>
        current === undefined || candidate.value > current.value ? candidate : current,
      undefined,
    );
    if (worst === undefined) return notMeasured(aim, "no step measured");
    return {
      aim,
      measured: `worst ${Number.isFinite(worst.value) ? worst.value.toFixed(1) : "∞"}× at ${worst.rate}/s (${ratios.map((entry) => `${entry.rate}/s ${Number.isFinite(entry.value) ? entry.value.toFixed(1) : "∞"}×`).join(", ")})`,
      verdict: worst.value <= RATIO_LIMIT ? "met" : "missed",
    };
  });
}

function underOneSecondAims(results: TBenchResults): TAimCheck[] {
  const ack = results.ack;
  return [...COMMAND_SURFACES, SurfaceName.MIXED].map((surface) => {
    const aim = `${surface}: every ack under 1 s at ${AIM_RATE} req/s`;
    if (ack === undefined) return notMeasured(aim, "part 1 did not run");
    const step = stepOf(ack.steps, surface, "bot", AIM_RATE);
    if (step === undefined) return notMeasured(aim, `${AIM_RATE} req/s is not among BENCH_RATES`);
    const followUp =
      step.followUp === undefined
        ? ""
        : `; ${step.followUp.label}: max ${milliseconds(step.followUp.latency.max)}`;
    return {
      aim,
      measured: `max ${milliseconds(step.ack.max)}, ${step.ack.overOneSecond} of ${step.sent} over 1 s${followUp}`,
      verdict: step.ack.overOneSecond === 0 && step.failed === 0 ? "met" : "missed",
    };
  });
}

function catalogueAims(results: TBenchResults): TAimCheck[] {
  return (["embedded (PGlite)", "PostgreSQL"] as const).map((database) => {
    const aim = `search and list p99 ≤ 50 ms at ${AIM_USERS.toLocaleString("en")} users, ${database}`;
    const run = results.catalogue?.find((candidate) => candidate.database === database);
    if (run === undefined)
      return notMeasured(
        aim,
        database === "PostgreSQL" && results.settings.postgresUrl === undefined
          ? "set BENCH_DATABASE_URL"
          : "part 4 did not run",
      );
    const measuredQueries = run.queries.filter((query) => query.measured === "ack");
    const worst = measuredQueries.reduce((current, query) =>
      query.latency.p99 > current.latency.p99 ? query : current,
    );
    const sizeNote = run.users < AIM_USERS ? ` (at ${run.users.toLocaleString("en")} users only)` : "";
    return {
      aim,
      measured: `worst p99 ${milliseconds(worst.latency.p99)} (${worst.label})${sizeNote}`,
      verdict: run.users < AIM_USERS ? "not measured" : worst.latency.p99 <= 50 ? "met" : "missed",
    };
  });
}

function passwordAims(results: TBenchResults): TAimCheck[] {
  const password = results.password;
  const slack = password?.bursts.find((burst) => burst.via === "Slack modal");
  const checks: TAimCheck[] = [];
  const burstSize = results.settings.passwordBurst;
  const smallBurst = burstSize < AIM_PASSWORD_BURST;
  const burstNote = smallBurst ? ` (${burstSize} at once only)` : "";
  const verdictOf = (met: boolean): TVerdict => (smallBurst ? "not measured" : met ? "met" : "missed");
  const ackAim = `no Slack ack past 3 s with ${AIM_PASSWORD_BURST} password changes in flight`;
  checks.push(
    slack === undefined
      ? notMeasured(ackAim, "part 3 did not run")
      : {
          aim: ackAim,
          measured: `${slack.answers.overThreeSeconds} of ${slack.submitted} past 3 s (max ${milliseconds(slack.answers.max)})${burstNote}`,
          verdict: verdictOf(slack.answers.overThreeSeconds === 0 && slack.failed === 0),
        },
  );
  const silentAim = "no change applied after Slack gave up on its answer";
  checks.push(
    slack?.appliedAfterSlackGaveUp === undefined
      ? notMeasured(silentAim, "part 3 did not run")
      : {
          aim: silentAim,
          measured: `${slack.appliedAfterSlackGaveUp} applied after 3 s (${slack.applied ?? 0} of ${slack.submitted} applied)${burstNote}`,
          verdict: verdictOf(slack.appliedAfterSlackGaveUp === 0),
        },
  );
  for (const via of ["Slack modal", "portal API"] as const) {
    const aim = `event-loop delay p99 ≤ 20 ms, ${AIM_PASSWORD_BURST} password changes via ${via}`;
    const burst = password?.bursts.find((candidate) => candidate.via === via);
    if (burst === undefined || password === undefined) {
      checks.push(notMeasured(aim, "part 3 did not run"));
      continue;
    }
    if (!password.idleRouteAvailable) {
      checks.push(notMeasured(aim, "no route without database work to probe"));
      continue;
    }
    checks.push({
      aim,
      measured: `idle route p99 ${milliseconds(burst.probes.idleRoute.p99)} (idle baseline p99 ${milliseconds(password.baseline.idleRoute.p99)})${burstNote}`,
      verdict: verdictOf(burst.probes.idleRoute.p99 <= 20),
    });
  }
  return checks;
}

function startAndMemoryAims(results: TBenchResults): TAimCheck[] {
  const startAim = "start on an existing embedded database ≤ 2 s";
  const existing = results.startUp?.existingFolder ?? [];
  const starts = existing.map((sample) => sample.startMilliseconds).sort((left, right) => left - right);
  const median = starts[Math.floor((starts.length - 1) / 2)];
  const memoryAim = "RSS ≤ 200 MB on PostgreSQL";
  const postgres = results.catalogue?.find((run) => run.database === "PostgreSQL");
  const peak = Math.max(
    postgres?.memoryAfterStart?.residentMegabytes ?? 0,
    postgres?.memoryAfterQueries?.residentMegabytes ?? 0,
  );
  return [
    median === undefined
      ? notMeasured(startAim, "part 5 did not run")
      : {
          aim: startAim,
          measured: `median ${milliseconds(median)} to ${existing[0]?.readyRoute ?? "ready"} (${starts.map((value) => milliseconds(value)).join(", ")})`,
          verdict: median <= 2_000 ? "met" : "missed",
        },
    postgres === undefined
      ? notMeasured(
          memoryAim,
          results.settings.postgresUrl === undefined ? "set BENCH_DATABASE_URL" : "part 4 did not run",
        )
      : {
          aim: memoryAim,
          measured: `${megabytes(postgres.memoryAfterStart?.residentMegabytes)} after start, ${megabytes(postgres.memoryAfterQueries?.residentMegabytes)} after the ${postgres.users.toLocaleString("en")}-user runs`,
          verdict: peak <= 200 ? "met" : "missed",
        },
  ];
}

export function checkAims(results: TBenchResults): TAimCheck[] {
  return [
    ...ratioAims(results),
    ...underOneSecondAims(results),
    ...catalogueAims(results),
    ...passwordAims(results),
    ...startAndMemoryAims(results),
  ];
}
