// `npm run bench`: starts the stand-in for Slack, an SMTP server, the bot (as a child process, the
// way production runs it) and a bare Bolt app, runs the five parts of issue 8, and prints one
// Markdown report (also written to bench/.results/<time>.md). A benchmark, not a test: it never
// fails on a figure. BENCH_QUICK=1 for a short smoke run; see bench/README.md for every knob.
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { TSlackView } from "../src/sandbox/slack-records.ts";
import { createCleanup } from "./cleanup.ts";
import { seedEmbedded } from "./data/catalogue-database.ts";
import { hashLikeTheBot } from "./data/password-hash.ts";
import { burstAccounts, type TSeedAccount } from "./data/seed-catalogue.ts";
import { startSmtpSink } from "./mail/smtp-sink.ts";
import { ackSurfaces, measureAckLatency, type TAckLatencyResult } from "./parts/ack-latency.ts";
import { capturePasswordForm, captureUserForm, captureUsersList } from "./parts/captured-surfaces.ts";
import { measureCreateUser, type TCreateUserResult } from "./parts/create-user.ts";
import { measureLargeCatalogue, type TCatalogueRun } from "./parts/large-catalogue.ts";
import { measurePasswordBursts, type TPasswordBurstResult } from "./parts/password-burst.ts";
import { measureStartUp, type TStartUpResult } from "./parts/start-up.ts";
import { startBareAppProcess } from "./processes/bare-app-process.ts";
import type { TMainBotFacts } from "./report/bench-results.ts";
import { loadAverage, machineInfo } from "./report/machine-info.ts";
import { renderReport } from "./report/render-report.ts";
import { createRunContext, makeTemporaryDirectory, type TRunContext } from "./run-context.ts";
import { readBenchSettings } from "./settings.ts";
import { makeRunSecrets, slackUserOf, startBenchWorkspace } from "./slack/bench-workspace.ts";
import { createSlackRequests } from "./slack/slack-requests.ts";

const RESULTS_DIRECTORY = fileURLToPath(new URL("./.results/", import.meta.url));

const log = (line: string) => process.stdout.write(`${line}\n`);

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const settings = readBenchSettings();
  const cleanup = createCleanup(log);
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const machine = await machineInfo();
  const problems: string[] = [];
  let startUp: TStartUpResult | undefined;
  let mainBot: TMainBotFacts | undefined;
  let ack: TAckLatencyResult | undefined;
  let create: TCreateUserResult | undefined;
  let password: TPasswordBurstResult | undefined;
  let catalogue: TCatalogueRun[] | undefined;

  /** Runs one part; a part that breaks is reported and the run goes on with the next one. */
  async function attempt<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    if (cleanup.interrupted) return undefined;
    try {
      return await work();
    } catch (error) {
      if (cleanup.interrupted) return undefined;
      problems.push(`${name}: ${describeError(error)}`);
      log(`  ✗ ${name}: ${describeError(error)}`);
      return undefined;
    }
  }

  log(`PremiumOne users bot — ${settings.quick ? "quick" : "full"} benchmark; load average ${loadBefore}`);
  try {
    const secrets = makeRunSecrets();
    const temporaryDirectory = await makeTemporaryDirectory(cleanup);
    const accounts = burstAccounts(settings.passwordBurst);
    const workspace = await startBenchWorkspace({
      cleanup,
      secrets,
      people: accounts.slack.map(slackUserOf),
    });
    const smtp = await startSmtpSink(cleanup);
    const context: TRunContext = createRunContext({
      settings,
      cleanup,
      secrets,
      workspace,
      smtp,
      requests: createSlackRequests(workspace.slack, workspace.proxy),
      temporaryDirectory,
      log,
    });
    const passwordHash = await hashLikeTheBot(secrets.seedPassword, secrets.passwordPepper);

    if (settings.parts.has("start")) {
      log("Part 5: start-up on a new and on an existing embedded data folder");
      startUp = await attempt("part 5 (start-up)", () => measureStartUp(context));
    }

    if (settings.parts.has("ack") || settings.parts.has("create") || settings.parts.has("password")) {
      await attempt("parts 1–3", async () => {
        log(
          `Parts 1–3: seeding ${settings.smallCatalogueUsers.toLocaleString("en")} users and starting the bot`,
        );
        const dataDirectory = await context.newDataDirectory("main");
        const seeded = await seedEmbedded(dataDirectory, {
          users: settings.smallCatalogueUsers,
          passwordHash,
          burstAccounts: settings.passwordBurst,
        });
        const bot = await context.startBot("parts 1-3", { dataDirectory });
        try {
          await new Promise((resolve) => setTimeout(resolve, 500));
          const memoryAfterStart = await bot.memory();
          const listMessage = await captureUsersList(context, bot);
          const userForm = await captureUserForm(context, bot);
          if (settings.parts.has("ack")) {
            log("Part 1: ack latency, bot and bare Bolt app interleaved");
            ack = await attempt("part 1 (ack latency)", async () => {
              const bare = await startBareAppProcess({
                cleanup,
                signingSecret: secrets.signingSecret,
                botToken: secrets.botToken,
                slackApiUrl: workspace.proxy.url,
                logFile: `${temporaryDirectory}/bare-bolt-app.log`,
              });
              try {
                return await measureAckLatency(
                  context,
                  { bot: { appUrl: bot.appUrl, pid: bot.pid }, bare: { appUrl: bare.appUrl, pid: bare.pid } },
                  ackSurfaces({
                    listMessage,
                    userForm: userForm.view,
                    firstPlaceValue: userForm.firstPlaceValue,
                    existing: seeded.catalogue.existing,
                  }),
                );
              } finally {
                await bare.stop();
              }
            });
          }
          if (settings.parts.has("create")) {
            log("Part 2: create-user submissions and the welcome email");
            create = await attempt("part 2 (create user)", () =>
              measureCreateUser(context, {
                appUrl: bot.appUrl,
                userForm: userForm.view,
                firstPlaceValue: userForm.firstPlaceValue,
              }),
            );
          }
          if (settings.parts.has("password")) {
            log(`Part 3: ${settings.passwordBurst} password changes at once, Slack modal then portal API`);
            password = await attempt("part 3 (password burst)", async () => {
              const slackAccounts: { account: TSeedAccount; view: TSlackView }[] = [];
              for (const account of seeded.catalogue.slackAccounts) {
                slackAccounts.push({
                  account,
                  view: await capturePasswordForm(context, bot, slackUserOf(account)),
                });
              }
              return measurePasswordBursts(context, {
                bot,
                slackAccounts,
                portalAccounts: seeded.catalogue.portalAccounts,
              });
            });
          }
          mainBot = {
            catalogueUsers: seeded.catalogue.users,
            seedMilliseconds: seeded.seedMilliseconds,
            startMilliseconds: bot.startMilliseconds,
            readyRoute: bot.readyRoute,
            memoryAfterStart,
            memoryAfterLoad: await bot.memory(),
          };
        } finally {
          await bot.stop();
        }
      });
    }

    if (settings.parts.has("catalogue")) {
      log(
        `Part 4: list, search and deep paging at ${settings.largeCatalogueUsers.toLocaleString("en")} users`,
      );
      catalogue = await attempt("part 4 (catalogue)", () => measureLargeCatalogue(context, passwordHash));
    }
  } catch (error) {
    problems.push(`setup: ${describeError(error)}`);
    log(`✗ setup: ${describeError(error)}`);
  } finally {
    await cleanup.runAll();
  }
  if (cleanup.interrupted) return;

  const report = renderReport({
    startedAt,
    finishedAt: new Date(),
    machine,
    loadBefore,
    loadAfter: loadAverage(),
    benchmarkPeakMegabytes: process.resourceUsage().maxRSS / 1024,
    settings,
    startUp,
    mainBot,
    ack,
    create,
    password,
    catalogue,
    problems,
  });
  await mkdir(RESULTS_DIRECTORY, { recursive: true });
  const file = `${RESULTS_DIRECTORY}${startedAt.toISOString().replace(/[:.]/g, "-")}${settings.quick ? "-quick" : ""}.md`;
  await writeFile(file, report);
  log(`\n${report}`);
  log(`Written to ${file}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${describeError(error)}\n`);
  process.exitCode = 1;
});
