// Part 4: the catalogue at 100,000 users, one request at a time: the `/usuarios` ack (where the
// first page and every search are rendered, before the ack) for the list and five searches, and
// for page 500 the ▶ button's ack plus the time until the bot posts that page to the response_url
// (a button acks first and renders after). Meanwhile a no-database route is probed every 20 ms:
// on the embedded database a query runs on the bot's main thread, and this shows what that costs
// every other request. Run on PGlite and, with BENCH_DATABASE_URL, on PostgreSQL.
import { isJsonObject } from "../../src/sandbox/json.ts";
import { USERS_COMMAND, UsersActionId } from "../../src/slack/features/users/ids.ts";
import { encodeValue } from "../../src/slack/features/users/list-state.ts";
import {
  createPostgresDatabase,
  seedEmbedded,
  seedPostgres,
  type TSeedResult,
} from "../data/catalogue-database.ts";
import { CATALOGUE_SEARCHES } from "../data/spanish-names.ts";
import { startEndpointProbe } from "../load/endpoint-probe.ts";
import { summarize, type TLatencySummary } from "../load/latency-statistics.ts";
import type { TMemory } from "../processes/child-process.ts";
import type { TRunContext } from "../run-context.ts";
import { ADMIN } from "../slack/bench-workspace.ts";
import { deliver, type TPreparedRequest } from "../slack/slack-requests.ts";
import { captureUsersList } from "./captured-surfaces.ts";
import { IDLE_ROUTE } from "./password-burst.ts";

export const DEEP_PAGE = 500;

export interface TCatalogueQuery {
  readonly label: string;
  /** What the admin typed. */
  readonly typed: string;
  /** What was timed: the ack, or the response_url post after it. */
  readonly measured: "ack" | "response_url";
  readonly latency: TLatencySummary;
  /** Answers that were not a list (an error message, a failure). */
  readonly unexpected: number;
}

export interface TCatalogueRun {
  readonly database: "embedded (PGlite)" | "PostgreSQL";
  readonly users: number;
  readonly seedMilliseconds: number;
  readonly startMilliseconds: number;
  readonly memoryAfterStart: TMemory | undefined;
  readonly memoryAfterQueries: TMemory | undefined;
  readonly queries: readonly TCatalogueQuery[];
  /** The no-database route while the queries ran. */
  readonly idleRouteDuringQueries: TLatencySummary;
}

async function timeQuery(
  context: TRunContext,
  appUrl: string,
  repetitions: number,
  prepare: () => TPreparedRequest,
  measured: "ack" | "response_url",
): Promise<{ latency: TLatencySummary; unexpected: number }> {
  const samples: number[] = [];
  let unexpected = 0;
  // One unmeasured run first: the first search of a kind warms caches that every later one finds warm.
  for (let index = 0; index <= repetitions; index += 1) {
    if (context.cleanup.interrupted) break;
    const prepared = prepare();
    const started = performance.now();
    const answer = await deliver(appUrl, context.secrets.signingSecret, prepared);
    let milliseconds = performance.now() - started;
    let ok = answer !== undefined && answer.status === 200;
    if (measured === "ack") {
      ok = ok && answer !== undefined && isJsonObject(answer.body) && Array.isArray(answer.body.blocks);
    } else if (ok) {
      const arrival = await context.workspace.proxy.responseUrlPost(prepared.responseUrlId ?? "", 30_000);
      ok = arrival?.ok === true;
      milliseconds = arrival === undefined ? Number.POSITIVE_INFINITY : arrival.at - started;
    }
    if (index === 0) continue;
    if (!ok) unexpected += 1;
    samples.push(ok ? milliseconds : Number.POSITIVE_INFINITY);
  }
  return { latency: summarize(samples), unexpected };
}

async function runOn(
  context: TRunContext,
  database: TCatalogueRun["database"],
  seed: (dataDirectory: string) => Promise<{ seeded: TSeedResult; databaseUrl?: string }>,
): Promise<TCatalogueRun> {
  const { settings } = context;
  const dataDirectory = await context.newDataDirectory(
    `catalogue-${database === "PostgreSQL" ? "pg" : "embedded"}`,
  );
  context.log(`  seeding ${settings.largeCatalogueUsers.toLocaleString("en")} users (${database})…`);
  const { seeded, databaseUrl } = await seed(dataDirectory);
  context.log(`  seeded in ${(seeded.seedMilliseconds / 1000).toFixed(1)} s; starting the bot…`);
  const bot = await context.startBot(`catalogue ${database}`, {
    dataDirectory,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const memoryAfterStart = await bot.memory();
    const listMessage = await captureUsersList(context, bot);
    const probe = startEndpointProbe(`${bot.baseUrl}${IDLE_ROUTE}`, 20);
    const queries: TCatalogueQuery[] = [];
    const repetitions = settings.catalogueRepetitions;
    const list = await timeQuery(
      context,
      bot.appUrl,
      repetitions,
      () => context.requests.slashCommand(ADMIN, USERS_COMMAND, ""),
      "ack",
    );
    queries.push({ label: "list, first page", typed: "/usuarios", measured: "ack", ...list });
    for (const search of CATALOGUE_SEARCHES) {
      const typed = `buscar ${search.text}`;
      const result = await timeQuery(
        context,
        bot.appUrl,
        repetitions,
        () => context.requests.slashCommand(ADMIN, USERS_COMMAND, typed),
        "ack",
      );
      queries.push({
        label: `search: ${search.label}`,
        typed: `/usuarios ${typed}`,
        measured: "ack",
        ...result,
      });
    }
    const deepPage = await timeQuery(
      context,
      bot.appUrl,
      repetitions,
      () =>
        context.requests.buttonClick(ADMIN, listMessage, {
          actionId: `${UsersActionId.PAGE}.next`,
          value: encodeValue({ page: DEEP_PAGE }),
        }),
      "response_url",
    );
    queries.push({
      label: `page ${DEEP_PAGE} of the list`,
      typed: "▶ on page 499",
      measured: "response_url",
      ...deepPage,
    });
    const idleRouteDuringQueries = await probe.stop();
    const memoryAfterQueries = await bot.memory();
    return {
      database,
      users: seeded.catalogue.users,
      seedMilliseconds: seeded.seedMilliseconds,
      startMilliseconds: bot.startMilliseconds,
      memoryAfterStart,
      memoryAfterQueries,
      queries,
      idleRouteDuringQueries,
    };
  } finally {
    await bot.stop();
  }
}

export async function measureLargeCatalogue(
  context: TRunContext,
  passwordHash: string,
): Promise<TCatalogueRun[]> {
  const seedOptions = { users: context.settings.largeCatalogueUsers, passwordHash, burstAccounts: 0 };
  const runs = [
    await runOn(context, "embedded (PGlite)", async (dataDirectory) => ({
      seeded: await seedEmbedded(dataDirectory, seedOptions),
    })),
  ];
  const serverUrl = context.settings.postgresUrl;
  if (serverUrl !== undefined && !context.cleanup.interrupted) {
    const databaseUrl = await createPostgresDatabase(serverUrl, context.cleanup);
    runs.push(
      await runOn(context, "PostgreSQL", async () => ({
        seeded: await seedPostgres(databaseUrl, seedOptions),
        databaseUrl,
      })),
    );
  }
  return runs;
}
