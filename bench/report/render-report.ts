// The run as one Markdown report: machine and settings, the aims (met / missed), then one section
// per part, then how each figure was taken and what was not measured.

import type { TAckLatencyResult, TAckStep, TTarget } from "../parts/ack-latency.ts";
import type { TCatalogueRun } from "../parts/large-catalogue.ts";
import { IDLE_ROUTE } from "../parts/password-burst.ts";
import type { TStartSample } from "../parts/start-up.ts";
import { BOT_COMMAND } from "../processes/bot-process.ts";
import { checkAims } from "./aims.ts";
import type { TBenchResults } from "./bench-results.ts";
import { count, megabytes, milliseconds, ratio, table } from "./markdown.ts";

function p50p99(summary: { p50: number; p99: number }): string {
  return `${milliseconds(summary.p50)} / ${milliseconds(summary.p99)}`;
}

function stepOf(result: TAckLatencyResult, surface: string, target: TTarget, rate: number) {
  return result.steps.find(
    (step) => step.surface === surface && step.target === target && step.rate === rate,
  );
}

/** The highest offered rate up to which every step stayed under `limit` (all answered). */
function highestRateUnder(
  result: TAckLatencyResult,
  surface: string,
  target: TTarget,
  limit: number,
  read: (step: TAckStep) => { max: number; failed: number } | undefined,
): string {
  let highest: number | undefined;
  for (const rate of [...result.rates].sort((left, right) => left - right)) {
    const step = stepOf(result, surface, target, rate);
    const reading = step === undefined ? undefined : read(step);
    if (reading === undefined) return highest === undefined ? "—" : `${highest}/s`;
    if (reading.max > limit || reading.failed > 0)
      return highest === undefined ? `< ${rate}/s` : `${highest}/s (breaks at ${rate}/s)`;
    highest = rate;
  }
  return highest === undefined ? "—" : `≥ ${highest}/s (all rates)`;
}

function ackSection(result: TAckLatencyResult): string {
  const rows = result.surfaces.flatMap((surface) =>
    result.rates.map((rate) => {
      const bot = stepOf(result, surface, "bot", rate);
      const bare = stepOf(result, surface, "bare", rate);
      const followUp = bot?.followUp;
      const refused =
        followUp === undefined
          ? ""
          : Object.entries(followUp.refused)
              .map(([reason, times]) => ` ${times}× ${reason}`)
              .join(",");
      return [
        surface,
        `${rate}/s`,
        bot === undefined ? "—" : p50p99(bot.ack),
        bot === undefined ? "—" : milliseconds(bot.ack.max),
        bare === undefined ? "—" : p50p99(bare.ack),
        bot === undefined || bare === undefined
          ? "—"
          : `${ratio(bot.ack.p50, bare.ack.p50)} / ${ratio(bot.ack.p99, bare.ack.p99)}`,
        bot === undefined ? "—" : `${bot.ack.overOneSecond} / ${bot.ack.overThreeSeconds}`,
        `${bot?.failed ?? "—"} / ${bare?.failed ?? "—"}${bot !== undefined && bot.unexpected > 0 ? ` (${bot.unexpected} unexpected)` : ""}`,
        followUp === undefined
          ? "—"
          : `${p50p99(followUp.latency)}, max ${milliseconds(followUp.latency.max)}${followUp.missing > 0 ? `, ${followUp.missing} missing` : ""}${refused}`,
        `${milliseconds(Math.max(bot?.maximumSendLagMilliseconds ?? 0, bare?.maximumSendLagMilliseconds ?? 0))}`,
      ];
    }),
  );
  const breaking = result.surfaces.map((surface) => {
    const ack = (step: TAckStep) => ({ max: step.ack.max, failed: step.failed });
    const followUp = (step: TAckStep) =>
      step.followUp === undefined
        ? undefined
        : {
            max: step.followUp.latency.max,
            failed:
              step.followUp.missing + Object.values(step.followUp.refused).reduce((sum, n) => sum + n, 0),
          };
    return [
      surface,
      highestRateUnder(result, surface, "bot", 3_000, ack),
      highestRateUnder(result, surface, "bot", 1_000, ack),
      highestRateUnder(result, surface, "bare", 3_000, ack),
      highestRateUnder(result, surface, "bare", 1_000, ack),
      result.steps.some((step) => step.surface === surface && step.followUp !== undefined)
        ? highestRateUnder(result, surface, "bot", 3_000, followUp)
        : "—",
    ];
  });
  return [
    `## 1. Ack latency at fixed offered loads (open loop, ${result.seconds} s a step)`,
    "",
    "Latency from each request's scheduled send time to the end of the app's HTTP answer, so a",
    "queue inside the app (or a late send) counts. Bot and bare Bolt app alternate step by step.",
    "",
    table(
      [
        "surface",
        "offered",
        "bot p50 / p99",
        "bot max",
        "bare p50 / p99",
        "bot÷bare p50 / p99",
        "bot acks > 1 s / > 3 s",
        "failed bot / bare",
        "bot's follow-up p50 / p99 (after the ack)",
        "generator lag max",
      ],
      rows,
    ),
    "",
    "Follow-ups: `/usuarios nuevo` → the bot's views.open reaching the Web API (Slack refuses a",
    "trigger_id older than 3 s: expired_trigger_id means the person never sees the form); page ▶ →",
    "the new page reaching the response_url.",
    "",
    "### Highest offered rate at which every ack stayed under Slack's 3 s (and under 1 s)",
    "",
    table(
      ["surface", "bot < 3 s", "bot < 1 s", "bare < 3 s", "bare < 1 s", "bot's follow-up < 3 s"],
      breaking,
    ),
  ].join("\n");
}

function createSection(results: TBenchResults): string {
  const create = results.create;
  if (create === undefined) return "";
  return [
    "## 2. Create-user submissions and the welcome email",
    "",
    table(
      [
        "offered",
        "submitted",
        "created",
        "refused / failed",
        "ack p50 / p99 / max",
        "submission → welcome email accepted by SMTP p50 / p99 / max",
      ],
      [
        [
          `${create.rate}/s`,
          count(create.submitted),
          count(create.submitted - create.refused - create.failed),
          `${create.refused} / ${create.failed}`,
          `${p50p99(create.ack)} / ${milliseconds(create.ack.max)}`,
          `${p50p99(create.welcomeEmail)} / ${milliseconds(create.welcomeEmail.max)}${create.emailsMissing > 0 ? ` (${create.emailsMissing} never arrived in 60 s)` : ""}`,
        ],
      ],
    ),
    "",
    "The email leaves through the outbox worker, which polls every 2 s (`outboxPollIntervalMs` is",
    "not configurable from the environment) and then makes and bcrypt-hashes the temporary password.",
  ].join("\n");
}

function passwordSection(results: TBenchResults): string {
  const password = results.password;
  if (password === undefined) return "";
  const probeRoute = password.idleRouteAvailable ? `\`GET ${IDLE_ROUTE}\`` : "(not available)";
  return [
    `## 3. ${password.bursts[0]?.submitted ?? 0} password changes at once`,
    "",
    `Event-loop delay seen from outside: the latency of ${probeRoute} (no database, no I/O) polled`,
    "every 20 ms, and of `GET /healthz` (one `SELECT 1`) every 100 ms, during each burst and the work",
    `it leaves. Idle baseline (2 s, nothing else running): idle route p50 / p99 ${p50p99(password.baseline.idleRoute)},`,
    `/healthz ${p50p99(password.baseline.health)}; the probes alone cost the bot ${(password.probeCpuShare * 100).toFixed(0)} % of a core.`,
    `One change's bcrypt work alone (verify + hash at cost 12, in the bench process): ${password.bcryptPairMilliseconds.map((value) => milliseconds(value)).join(", ")}.`,
    "",
    table(
      [
        "via",
        "changed / refused / failed",
        "answer p50 / p99 / max",
        "answers > 3 s",
        "outcome shown p50 / p99 / max",
        "bot busy for",
        "idle route p50 / p99 / max",
        "/healthz p50 / p99 / max",
        "applied (new password logs in)",
        "applied after Slack gave up (> 3 s)",
      ],
      password.bursts.map((burst) => [
        burst.via,
        `${burst.changed} / ${burst.refused} / ${burst.failed}`,
        `${p50p99(burst.answers)} / ${milliseconds(burst.answers.max)}`,
        `${burst.answers.overThreeSeconds} of ${burst.submitted}`,
        burst.outcomeShown === undefined
          ? "— (the answer)"
          : `${p50p99(burst.outcomeShown)} / ${milliseconds(burst.outcomeShown.max)} (${burst.updatedAfterAck ?? 0} by views.update after the ack)`,
        burst.busyMilliseconds === undefined ? "> 2 min" : milliseconds(burst.busyMilliseconds),
        `${p50p99(burst.probes.idleRoute)} / ${milliseconds(burst.probes.idleRoute.max)}`,
        `${p50p99(burst.probes.health)} / ${milliseconds(burst.probes.health.max)}`,
        burst.applied === undefined ? "—" : `${burst.applied} of ${burst.submitted}`,
        burst.appliedAfterSlackGaveUp === undefined ? "—" : String(burst.appliedAfterSlackGaveUp),
      ]),
    ),
    "",
    "\"Outcome shown\": the ack, or the bot's last views.update of that person's modal when it sends",
    'one after the ack. "Bot busy for": from the burst to the first second the bot\'s CPU (all its',
    "threads, /proc/<pid>/stat) stayed under 5 % of a core; the probes run over that whole window.",
  ].join("\n");
}

function catalogueSection(runs: readonly TCatalogueRun[], repetitions: number): string {
  const [first] = runs;
  if (first === undefined) return "";
  const header = ["query", "typed", "timed", ...runs.map((run) => `${run.database} p50 / p99 / max`)];
  const rows = first.queries.map((query, index) => [
    query.label,
    `\`${query.typed}\``,
    query.measured === "ack" ? "the ack (list rendered in it)" : "click → page posted to the response_url",
    ...runs.map((run) => {
      const same = run.queries[index];
      if (same === undefined) return "—";
      return `${p50p99(same.latency)} / ${milliseconds(same.latency.max)}${same.unexpected > 0 ? ` (${same.unexpected} not a list)` : ""}`;
    }),
  ]);
  const facts = table(
    [
      "database",
      "users",
      "seeded in",
      "bot ready in",
      "RSS after start",
      "RSS after the runs (peak)",
      `\`${IDLE_ROUTE}\` during the queries p50 / p99 / max`,
    ],
    runs.map((run) => [
      run.database,
      count(run.users),
      milliseconds(run.seedMilliseconds),
      milliseconds(run.startMilliseconds),
      megabytes(run.memoryAfterStart?.residentMegabytes),
      `${megabytes(run.memoryAfterQueries?.residentMegabytes)} (${megabytes(run.memoryAfterQueries?.peakMegabytes)})`,
      `${p50p99(run.idleRouteDuringQueries)} / ${milliseconds(run.idleRouteDuringQueries.max)}`,
    ]),
  );
  return [
    `## 4. List, search and deep paging at ${count(first.users)} users`,
    "",
    `One request at a time, as an admin in Slack: each query ${repetitions} times after one unmeasured run.`,
    "",
    table(header, rows),
    "",
    facts,
  ].join("\n");
}

function startRows(label: string, samples: readonly TStartSample[]): string[] {
  const starts = samples.map((sample) => sample.startMilliseconds).sort((left, right) => left - right);
  const median = starts[Math.floor((starts.length - 1) / 2)] ?? Number.NaN;
  const memories = samples.map((sample) => sample.memory?.residentMegabytes ?? Number.NaN);
  return [
    label,
    String(samples.length),
    samples[0]?.readyRoute ?? "—",
    `${milliseconds(median)} (${starts.map((value) => milliseconds(value)).join(", ")})`,
    memories.map((value) => megabytes(value)).join(", "),
    samples
      .map((sample) => `${milliseconds(sample.stopMilliseconds)} (exit ${sample.exitCode ?? "signal"})`)
      .join(", "),
  ];
}

function startSection(results: TBenchResults): string {
  const rows: string[][] = [];
  if (results.startUp !== undefined) {
    rows.push(startRows("new embedded folder", results.startUp.newFolder));
    rows.push(startRows("existing embedded folder (empty catalogue)", results.startUp.existingFolder));
  }
  const main = results.mainBot;
  if (main !== undefined) {
    rows.push([
      `existing embedded folder, ${count(main.catalogueUsers)} users (parts 1–3)`,
      "1",
      main.readyRoute,
      milliseconds(main.startMilliseconds),
      `${megabytes(main.memoryAfterStart?.residentMegabytes)}; after parts 1–3: ${megabytes(main.memoryAfterLoad?.residentMegabytes)} (peak ${megabytes(main.memoryAfterLoad?.peakMegabytes)})`,
      "—",
    ]);
  }
  for (const run of results.catalogue ?? []) {
    rows.push([
      `${run.database}, ${count(run.users)} users (part 4)`,
      "1",
      "—",
      milliseconds(run.startMilliseconds),
      `${megabytes(run.memoryAfterStart?.residentMegabytes)}; after the queries: ${megabytes(run.memoryAfterQueries?.residentMegabytes)}`,
      "—",
    ]);
  }
  if (rows.length === 0) return "";
  return [
    "## 5. Start-up and memory",
    "",
    `From spawning \`${BOT_COMMAND}\` (one process: its pid is the bot's) to the first`,
    "200 of the ready route; RSS is VmRSS of /proc/<pid>/status half a second after ready.",
    "",
    table(["start", "starts", "ready route", "ready in: median (each)", "RSS", "SIGTERM → exit"], rows),
  ].join("\n");
}

export function renderReport(results: TBenchResults): string {
  const { machine, settings } = results;
  const aims = checkAims(results);
  const duration = (results.finishedAt.getTime() - results.startedAt.getTime()) / 1000;
  const sections = [
    `# PremiumOne users bot — benchmark ${results.startedAt.toISOString()}`,
    "",
    table(
      ["", ""],
      [
        [
          "machine",
          `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGigabytes.toFixed(1)} GB, Node ${machine.node}`,
        ],
        ["load average (1 / 5 / 15 min)", `before ${results.loadBefore}; after ${results.loadAfter}`],
        [
          "benchmark process",
          `peak RSS ${megabytes(results.benchmarkPeakMegabytes)}: the load generator, fake Web API, proxy and SMTP server share one event loop, and seeding opens PGlite in it`,
        ],
        [
          "code",
          `commit ${machine.commit}, ${machine.changedFiles} changed file(s) in src/, prisma/, package.json (the working tree is what ran)`,
        ],
        [
          "run",
          `${settings.quick ? "BENCH_QUICK" : "full"}: rates ${settings.rates.join(", ")} req/s × ${settings.stepSeconds} s; ${count(settings.smallCatalogueUsers)} users for parts 1–3, ${count(settings.largeCatalogueUsers)} for part 4; ${Math.round(duration)} s in all`,
        ],
      ],
    ),
    "",
    "## Aims (issue 8)",
    "",
    table(
      ["aim", "measured", "verdict"],
      aims.map((aim) => [aim.aim, aim.measured, aim.verdict]),
    ),
    results.problems.length === 0
      ? ""
      : `\n**Parts that did not finish:**\n\n${results.problems.map((problem) => `- ${problem}`).join("\n")}`,
    results.ack === undefined ? "" : ackSection(results.ack),
    createSection(results),
    passwordSection(results),
    results.catalogue === undefined ? "" : catalogueSection(results.catalogue, settings.catalogueRepetitions),
    startSection(results),
  ];
  return `${sections.filter((section) => section !== "").join("\n\n")}\n`;
}
