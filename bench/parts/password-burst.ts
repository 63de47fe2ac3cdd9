// Part 3: 20 password changes (5 in a quick run) submitted at once from the Slack modal (each person from the modal
// they opened with the DM's Cambiar contraseña button), then 20 through the portal API, while the
// bot's event loop is watched from outside: a GET of the portal API's OpenAPI document (no
// database, no I/O: only the event loop's turn) every 20 ms, and GET /healthz (one SELECT 1) every
// 100 ms, from just before the burst until the bot's CPU goes quiet (the work after the acks
// included). An ack Slack received in time is applied to the modal as Slack would; the moment a
// person sees the outcome is the ack, or the bot's last views.update of that modal when it sends
// one. Afterwards each Slack change is checked with a portal login using the new password.
import { randomBytes } from "node:crypto";
import { PortalApiPath } from "../../src/http/portal-api/portal-api-paths.ts";
import { createBcryptPasswordHasher } from "../../src/infrastructure/security/password-hasher.ts";
import {
  ACKNOWLEDGEMENT_DEADLINE_MILLISECONDS,
  applyViewSubmissionAnswer,
} from "../../src/sandbox/app-answers.ts";
import { isJsonObject } from "../../src/sandbox/json.ts";
import type { TSlackView } from "../../src/sandbox/slack-records.ts";
import { PASSWORD_FIELD_ACTION_ID, PasswordFormBlockId } from "../../src/slack/features/account/ids.ts";
import type { TSeedAccount } from "../data/seed-catalogue.ts";
import { idleBaseline, startEndpointProbe } from "../load/endpoint-probe.ts";
import { summarize, type TLatencySummary } from "../load/latency-statistics.ts";
import { cpuSeconds, IDLE_CPU_SHARE, waitUntilQuiet } from "../load/quiescence.ts";
import type { TBotProcess } from "../processes/bot-process.ts";
import type { TRunContext } from "../run-context.ts";
import { slackUserOf } from "../slack/bench-workspace.ts";
import { deliver } from "../slack/slack-requests.ts";

export const IDLE_ROUTE = PortalApiPath.OPENAPI_DOCUMENT;
const IDLE_PROBE_INTERVAL_MILLISECONDS = 20;
const HEALTH_PROBE_INTERVAL_MILLISECONDS = 100;
/** Far past Slack's 3 s: every answer is waited for, so that the next burst starts on an idle bot. */
const BURST_TIMEOUT_MILLISECONDS = 120_000;
const WORDS = ["tornillo", "jacaranda", "mezquite", "huarache", "tlacoyo", "cenote", "papalote", "ajolote"];

export interface TProbeSummaries {
  readonly idleRoute: TLatencySummary;
  readonly health: TLatencySummary;
}

export interface TBurstResult {
  readonly via: "Slack modal" | "portal API";
  readonly submitted: number;
  /** Slack: the ack updated the modal (response_action update); portal: 200. */
  readonly changed: number;
  /** Slack: errors on the field; portal: a 4xx. */
  readonly refused: number;
  /** No answer, or a 5xx / non-2xx. */
  readonly failed: number;
  readonly answers: TLatencySummary;
  /** Slack only: until the person sees the outcome (the ack, or the bot's last views.update of the modal). */
  readonly outcomeShown: TLatencySummary | undefined;
  /** Slack only: how many modals the bot updated after its ack. */
  readonly updatedAfterAck: number | undefined;
  /** From the burst to the bot's CPU going quiet; undefined when it was still busy after 2 minutes. */
  readonly busyMilliseconds: number | undefined;
  readonly probes: TProbeSummaries;
  /** Slack only: the new password works once the bot is idle (portal login 200). */
  readonly applied: number | undefined;
  /** Slack only: applied although Slack had given up on the answer (no 2xx within 3 s). */
  readonly appliedAfterSlackGaveUp: number | undefined;
}

export interface TPasswordBurstResult {
  /** One change's bcrypt work alone (verify + hash at the production cost), in this process, 3 rounds. */
  readonly bcryptPairMilliseconds: readonly number[];
  readonly idleRouteAvailable: boolean;
  /** What the probes alone cost the bot, in cores (they slow a CPU-bound burst a little). */
  readonly probeCpuShare: number;
  readonly baseline: TProbeSummaries;
  readonly bursts: readonly TBurstResult[];
}

/** A passphrase the policy accepts (long, not a dictionary entry as a whole, without the username). */
function newPassphrase(index: number): string {
  const word = (offset: number) => WORDS[(index + offset) % WORDS.length] ?? "palabra";
  return `${word(0)} ${word(3)} ${word(5)} ${randomBytes(4).toString("hex")}`;
}

function startProbes(bot: TBotProcess, idleRouteAvailable: boolean) {
  const idle = idleRouteAvailable
    ? startEndpointProbe(`${bot.baseUrl}${IDLE_ROUTE}`, IDLE_PROBE_INTERVAL_MILLISECONDS)
    : undefined;
  const health = startEndpointProbe(`${bot.baseUrl}/healthz`, HEALTH_PROBE_INTERVAL_MILLISECONDS);
  return async (): Promise<TProbeSummaries> => {
    const healthSummary = await health.stop();
    return { idleRoute: (await idle?.stop()) ?? summarize([]), health: healthSummary };
  };
}

async function portalPost(
  context: TRunContext,
  bot: TBotProcess,
  path: string,
  body: Record<string, string>,
): Promise<number | undefined> {
  try {
    const response = await fetch(`${bot.baseUrl}${path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${context.secrets.portalApiKey}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(BURST_TIMEOUT_MILLISECONDS),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/** Probes from just before the burst until the bot is quiet again. */
async function probedBurst<TAnswer>(
  bot: TBotProcess,
  probing: { idleRouteAvailable: boolean; probeCpuShare: number },
  sendAll: (startedAt: number) => Promise<TAnswer[]>,
): Promise<{ answers: TAnswer[]; probes: TProbeSummaries; busyMilliseconds: number | undefined }> {
  const stopProbes = startProbes(bot, probing.idleRouteAvailable);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const startedAt = performance.now();
  const answers = await sendAll(startedAt);
  // The probes keep the bot a little busy: idle means back to what they cost alone.
  const quietAt = await waitUntilQuiet(
    bot.pid,
    BURST_TIMEOUT_MILLISECONDS,
    probing.probeCpuShare + IDLE_CPU_SHARE,
  );
  return {
    answers,
    probes: await stopProbes(),
    busyMilliseconds: quietAt === undefined ? undefined : quietAt - startedAt,
  };
}

type TOutcome = "changed" | "refused" | "failed";

export async function measurePasswordBursts(
  context: TRunContext,
  options: {
    bot: TBotProcess;
    /** Each linked account with the password modal its person has open. */
    slackAccounts: readonly { account: TSeedAccount; view: TSlackView }[];
    portalAccounts: readonly TSeedAccount[];
  },
): Promise<TPasswordBurstResult> {
  const { bot } = options;
  const { workspace } = context;
  const idleRouteAnswer = await fetch(`${bot.baseUrl}${IDLE_ROUTE}`);
  await idleRouteAnswer.arrayBuffer();
  const idleRouteAvailable = idleRouteAnswer.ok;
  await waitUntilQuiet(bot.pid, BURST_TIMEOUT_MILLISECONDS);
  const baselineStartedAt = performance.now();
  const cpuBefore = (await cpuSeconds(bot.pid)) ?? 0;
  const [idleBaselineSummary, healthBaseline] = await Promise.all([
    idleRouteAvailable
      ? idleBaseline(`${bot.baseUrl}${IDLE_ROUTE}`, IDLE_PROBE_INTERVAL_MILLISECONDS, 2_000)
      : Promise.resolve(summarize([])),
    idleBaseline(`${bot.baseUrl}/healthz`, HEALTH_PROBE_INTERVAL_MILLISECONDS, 2_000),
  ]);
  const probing = {
    idleRouteAvailable,
    probeCpuShare:
      (((await cpuSeconds(bot.pid)) ?? 0) - cpuBefore) / ((performance.now() - baselineStartedAt) / 1_000),
  };
  const bursts: TBurstResult[] = [];
  const bcryptPairMilliseconds = await timeBcryptPair();

  // From the Slack modal: each linked person submits current, new and confirmation.
  workspace.proxy.forget();
  const slackPasswords = options.slackAccounts.map((_, index) => newPassphrase(index));
  let burstStartedAt = 0;
  const slackBurst = await probedBurst(bot, probing, (startedAt) => {
    burstStartedAt = startedAt;
    return Promise.all(
      options.slackAccounts.map(async ({ account, view }, index) => {
        const newPassword = slackPasswords[index] ?? "";
        const prepared = context.requests.viewSubmission(slackUserOf(account), view, {
          [PasswordFormBlockId.CURRENT]: { [PASSWORD_FIELD_ACTION_ID]: context.secrets.seedPassword },
          [PasswordFormBlockId.NEW]: { [PASSWORD_FIELD_ACTION_ID]: newPassword },
          [PasswordFormBlockId.CONFIRMATION]: { [PASSWORD_FIELD_ACTION_ID]: newPassword },
        });
        const answer = await deliver(
          bot.appUrl,
          context.secrets.signingSecret,
          prepared,
          BURST_TIMEOUT_MILLISECONDS,
        );
        const milliseconds = performance.now() - startedAt;
        if (answer === undefined || answer.status < 200 || answer.status >= 300)
          return { milliseconds: Number.POSITIVE_INFINITY, outcome: "failed" as TOutcome, view };
        // Slack applies an answer that came in time, and shows an error for one that did not.
        if (milliseconds <= ACKNOWLEDGEMENT_DEADLINE_MILLISECONDS)
          applyViewSubmissionAnswer(workspace.slack.workspace, view, answer.body);
        const action = isJsonObject(answer.body) ? answer.body.response_action : undefined;
        return { milliseconds, outcome: (action === "errors" ? "refused" : "changed") as TOutcome, view };
      }),
    );
  });
  const outcomeShown = slackBurst.answers.map((answer) => {
    const update = workspace.proxy.lastViewsUpdate(answer.view.id);
    const updatedAt = update === undefined ? Number.NEGATIVE_INFINITY : update.at - burstStartedAt;
    return {
      afterAck: updatedAt > answer.milliseconds,
      milliseconds: Math.max(answer.milliseconds, updatedAt),
    };
  });
  // Which changes were applied, whatever Slack was told: the new password logs in.
  const logins: (number | undefined)[] = [];
  for (let start = 0; start < options.slackAccounts.length; start += 4) {
    const batch = options.slackAccounts.slice(start, start + 4);
    logins.push(
      ...(await Promise.all(
        batch.map(({ account }, offset) =>
          portalPost(context, bot, PortalApiPath.LOGIN, {
            username: account.username,
            password: slackPasswords[start + offset] ?? "",
          }),
        ),
      )),
    );
  }
  bursts.push({
    via: "Slack modal",
    submitted: slackBurst.answers.length,
    changed: slackBurst.answers.filter((answer) => answer.outcome === "changed").length,
    refused: slackBurst.answers.filter((answer) => answer.outcome === "refused").length,
    failed: slackBurst.answers.filter((answer) => answer.outcome === "failed").length,
    answers: summarize(slackBurst.answers.map((answer) => answer.milliseconds)),
    outcomeShown: summarize(outcomeShown.map((shown) => shown.milliseconds)),
    updatedAfterAck: outcomeShown.filter((shown) => shown.afterAck).length,
    busyMilliseconds: slackBurst.busyMilliseconds,
    probes: slackBurst.probes,
    applied: logins.filter((status) => status === 200).length,
    appliedAfterSlackGaveUp: slackBurst.answers.filter(
      (answer, index) => logins[index] === 200 && answer.milliseconds > ACKNOWLEDGEMENT_DEADLINE_MILLISECONDS,
    ).length,
  });

  // Through the portal API: the portal's own "Mi cuenta → Contraseña", on a bot idle again.
  await waitUntilQuiet(bot.pid, BURST_TIMEOUT_MILLISECONDS);
  const portalBurst = await probedBurst(bot, probing, (startedAt) =>
    Promise.all(
      options.portalAccounts.map(async (account, index) => {
        const status = await portalPost(context, bot, PortalApiPath.PASSWORD, {
          username: account.username,
          currentPassword: context.secrets.seedPassword,
          newPassword: newPassphrase(index + 100),
        });
        const milliseconds = performance.now() - startedAt;
        if (status === undefined || status >= 500)
          return { milliseconds: Number.POSITIVE_INFINITY, outcome: "failed" as TOutcome };
        return { milliseconds, outcome: (status === 200 ? "changed" : "refused") as TOutcome };
      }),
    ),
  );
  bursts.push({
    via: "portal API",
    submitted: portalBurst.answers.length,
    changed: portalBurst.answers.filter((answer) => answer.outcome === "changed").length,
    refused: portalBurst.answers.filter((answer) => answer.outcome === "refused").length,
    failed: portalBurst.answers.filter((answer) => answer.outcome === "failed").length,
    answers: summarize(portalBurst.answers.map((answer) => answer.milliseconds)),
    outcomeShown: undefined,
    updatedAfterAck: undefined,
    busyMilliseconds: portalBurst.busyMilliseconds,
    probes: portalBurst.probes,
    applied: undefined,
    appliedAfterSlackGaveUp: undefined,
  });
  return {
    idleRouteAvailable,
    probeCpuShare: probing.probeCpuShare,
    bcryptPairMilliseconds,
    baseline: { idleRoute: idleBaselineSummary, health: healthBaseline },
    bursts,
  };
}

/** What one password change costs in bcrypt before anything queues: verify + hash at cost 12. */
async function timeBcryptPair(): Promise<number[]> {
  const hasher = createBcryptPasswordHasher();
  const current = "tres tristes tigres comen trigo";
  const stored = await hasher.hash(current);
  await hasher.verify(current, null);
  const rounds: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    const started = performance.now();
    if (!(await hasher.verify(current, stored))) throw new Error("bcrypt did not verify its own hash");
    await hasher.hash("girasol nocturno bajo la lluvia");
    rounds.push(performance.now() - started);
  }
  return rounds;
}
