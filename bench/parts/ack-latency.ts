// Part 1: acknowledgement latency at fixed offered loads (open loop) for six Slack surfaces,
// against the bot and against a bare Bolt app that only acks, interleaved step by step (the
// order alternates, so neither always runs on a machine still busy with the other's tail).
// For `/usuarios nuevo` also the time until the bot's views.open reaches the Web API, and for the
// page ▶ button the time until the bot's new list reaches the response_url.

import { isJsonObject } from "../../src/sandbox/json.ts";
import type { TSlackMessage, TSlackView } from "../../src/sandbox/slack-records.ts";
import type { TUserInputs } from "../../src/sandbox/view-state.ts";
import {
  FIELD_ACTION_ID,
  PLACES_ACTION_ID,
  USERS_COMMAND,
  UserFormBlockId,
  UsersActionId,
} from "../../src/slack/features/users/ids.ts";
import type { TSeedAccount } from "../data/seed-catalogue.ts";
import { summarize, type TLatencySummary } from "../load/latency-statistics.ts";
import { runOpenLoop } from "../load/open-loop.ts";
import { waitUntilQuiet } from "../load/quiescence.ts";
import type { TRunContext } from "../run-context.ts";
import { ADMIN } from "../slack/bench-workspace.ts";
import {
  deliver,
  type TAppAnswer,
  type TPreparedRequest,
  type TSlackRequests,
} from "../slack/slack-requests.ts";

export type TTarget = "bot" | "bare";

/** Slack gives up on an answer after 3 s; the bot's later work is waited for this long at most. */
const FOLLOW_UP_TIMEOUT_MILLISECONDS = 15_000;
const WARM_UP_REQUESTS = 10;

type TFollowUpKind = "views.open" | "response_url";

export interface TSurface {
  readonly name: string;
  readonly prepare: (requests: TSlackRequests) => TPreparedRequest;
  readonly followUp?: { readonly kind: TFollowUpKind; readonly label: string };
  /** Whether the bot's answer is the one a person should get (not an error message, say). */
  readonly expected: (answer: TAppAnswer) => boolean;
}

export interface TFollowUpSummary {
  readonly label: string;
  readonly latency: TLatencySummary;
  /** Never arrived within 15 s. */
  readonly missing: number;
  /** Arrived, and the fake Web API refused it (e.g. expired_trigger_id): the person sees nothing. */
  readonly refused: Readonly<Record<string, number>>;
}

export interface TAckStep {
  readonly surface: string;
  readonly target: TTarget;
  readonly rate: number;
  readonly seconds: number;
  readonly sent: number;
  /** No answer within 15 s, or not 2xx. */
  readonly failed: number;
  /** 2xx, but not the answer expected (the bot only). */
  readonly unexpected: number;
  readonly ack: TLatencySummary;
  readonly followUp: TFollowUpSummary | undefined;
  readonly maximumSendLagMilliseconds: number;
}

export interface TAckLatencyResult {
  readonly rates: readonly number[];
  readonly seconds: number;
  readonly surfaces: readonly string[];
  readonly steps: readonly TAckStep[];
}

export interface TAckTarget {
  readonly appUrl: string;
  readonly pid: number;
}

export type TAckTargets = Readonly<Record<TTarget, TAckTarget>>;

/** The surfaces' names, as the report and the aims name them. */
export const SurfaceName = {
  HELP: "/usuarios ayuda",
  LIST: "/usuarios (list)",
  SEARCH: "/usuarios buscar María",
  NEW: "/usuarios nuevo",
  PAGE_BUTTON: "button: list page ▶",
  SUBMISSION: "modal: create form refused (username and email taken)",
  MIXED: "mixed admin traffic (list, buscar, nuevo, ▶, refused form in turn)",
} as const;

const hasBlocks = (answer: TAppAnswer) =>
  isJsonObject(answer.body) && Array.isArray(answer.body.blocks) && answer.body.blocks.length > 0;

/** The six surfaces, built on the list message and create form the bot really showed. */
export function ackSurfaces(options: {
  readonly listMessage: TSlackMessage;
  readonly userForm: TSlackView;
  readonly firstPlaceValue: string;
  /** Its username and email are taken: the submission is answered with field errors, nothing stored. */
  readonly existing: TSeedAccount;
}): TSurface[] {
  const takenForm: TUserInputs = {
    [UserFormBlockId.USERNAME]: { [FIELD_ACTION_ID]: options.existing.username },
    [UserFormBlockId.FULL_NAME]: { [FIELD_ACTION_ID]: "María Fernanda Núñez Peña" },
    [UserFormBlockId.EMAIL]: { [FIELD_ACTION_ID]: options.existing.email },
    [UserFormBlockId.PLACES]: { [PLACES_ACTION_ID]: [options.firstPlaceValue] },
  };
  const surfaces: TSurface[] = [
    {
      name: SurfaceName.HELP,
      prepare: (requests) => requests.slashCommand(ADMIN, USERS_COMMAND, "ayuda"),
      expected: hasBlocks,
    },
    {
      name: SurfaceName.LIST,
      prepare: (requests) => requests.slashCommand(ADMIN, USERS_COMMAND, ""),
      expected: hasBlocks,
    },
    {
      name: SurfaceName.SEARCH,
      prepare: (requests) => requests.slashCommand(ADMIN, USERS_COMMAND, "buscar María"),
      expected: hasBlocks,
    },
    {
      name: SurfaceName.NEW,
      prepare: (requests) => requests.slashCommand(ADMIN, USERS_COMMAND, "nuevo"),
      followUp: { kind: "views.open", label: "views.open reached the Web API" },
      expected: (answer) => answer.body === "",
    },
    {
      name: SurfaceName.PAGE_BUTTON,
      prepare: (requests) =>
        requests.buttonClick(ADMIN, options.listMessage, { actionId: `${UsersActionId.PAGE}.next` }),
      followUp: { kind: "response_url", label: "page 2 reached the response_url" },
      expected: (answer) => answer.body === "",
    },
    {
      name: SurfaceName.SUBMISSION,
      prepare: (requests) => requests.viewSubmission(ADMIN, options.userForm, takenForm),
      expected: (answer) => isJsonObject(answer.body) && answer.body.response_action === "errors",
    },
  ];
  // The admin surfaces in turn, one request each: what "100 req/s of mixed admin traffic" means here.
  const admin = surfaces.filter((surface) => surface.name !== SurfaceName.HELP);
  let turn = 0;
  const mixed: TSurface = {
    name: SurfaceName.MIXED,
    prepare: (requests) => {
      const surface = admin[turn % admin.length] ?? surfaces[0];
      turn += 1;
      if (surface === undefined) throw new Error("no surface to mix");
      return surface.prepare(requests);
    },
    expected: (answer) => admin.some((surface) => surface.expected(answer)),
  };
  return [...surfaces, mixed];
}

interface TOutcome {
  readonly ackMilliseconds: number;
  readonly failed: boolean;
  readonly unexpected: boolean;
  readonly followUp:
    | { readonly milliseconds: number; readonly ok: boolean; readonly error: string | undefined }
    | "missing"
    | undefined;
}

async function sendOne(
  context: TRunContext,
  appUrl: string,
  target: TTarget,
  surface: TSurface,
  dueAt: number,
): Promise<TOutcome> {
  const prepared = surface.prepare(context.requests);
  const answer = await deliver(appUrl, context.secrets.signingSecret, prepared);
  const answeredAt = performance.now();
  const ok = answer !== undefined && answer.status >= 200 && answer.status < 300;
  const unexpected = ok && target === "bot" && !surface.expected(answer);
  let followUp: TOutcome["followUp"];
  if (ok && target === "bot" && surface.followUp !== undefined) {
    const { proxy } = context.workspace;
    const arrival =
      surface.followUp.kind === "views.open"
        ? await proxy.viewsOpenFor(prepared.triggerId, FOLLOW_UP_TIMEOUT_MILLISECONDS)
        : await proxy.responseUrlPost(prepared.responseUrlId ?? "", FOLLOW_UP_TIMEOUT_MILLISECONDS);
    followUp =
      arrival === undefined
        ? "missing"
        : { milliseconds: arrival.at - dueAt, ok: arrival.ok, error: arrival.error };
  }
  return {
    ackMilliseconds: ok ? answeredAt - dueAt : Number.POSITIVE_INFINITY,
    failed: !ok,
    unexpected,
    followUp,
  };
}

function followUpSummary(label: string, outcomes: readonly TOutcome[]): TFollowUpSummary {
  const arrived: number[] = [];
  let missing = 0;
  const refused: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.followUp === undefined) continue;
    if (outcome.followUp === "missing") {
      missing += 1;
      arrived.push(Number.POSITIVE_INFINITY);
      continue;
    }
    arrived.push(outcome.followUp.milliseconds);
    if (!outcome.followUp.ok) {
      const reason = outcome.followUp.error ?? "refused";
      refused[reason] = (refused[reason] ?? 0) + 1;
    }
  }
  return { label, latency: summarize(arrived), missing, refused };
}

async function runStep(
  context: TRunContext,
  appUrl: string,
  target: TTarget,
  surface: TSurface,
  rate: number,
): Promise<TAckStep> {
  const seconds = context.settings.stepSeconds;
  const loop = await runOpenLoop({
    ratePerSecond: rate,
    durationSeconds: seconds,
    send: (_index, dueAt) => sendOne(context, appUrl, target, surface, dueAt),
    shouldStop: () => context.cleanup.interrupted,
  });
  context.workspace.proxy.forget();
  const outcomes = loop.results;
  return {
    surface: surface.name,
    target,
    rate,
    seconds,
    sent: loop.sent,
    failed: outcomes.filter((outcome) => outcome.failed).length,
    unexpected: outcomes.filter((outcome) => outcome.unexpected).length,
    ack: summarize(outcomes.map((outcome) => outcome.ackMilliseconds)),
    followUp:
      target === "bot" && surface.followUp !== undefined
        ? followUpSummary(surface.followUp.label, outcomes)
        : undefined,
    maximumSendLagMilliseconds: loop.maximumSendLagMilliseconds,
  };
}

async function warmUp(
  context: TRunContext,
  targets: TAckTargets,
  surfaces: readonly TSurface[],
): Promise<void> {
  for (const surface of surfaces) {
    for (const target of ["bot", "bare"] as const) {
      const { appUrl } = targets[target];
      for (let count = 0; count < WARM_UP_REQUESTS; count += 1) {
        const outcome = await sendOne(context, appUrl, target, surface, performance.now());
        if (outcome.failed) throw new Error(`warm-up: ${surface.name} failed on the ${target} app`);
        if (outcome.unexpected)
          throw new Error(`warm-up: the bot did not answer ${surface.name} as expected (an error message?)`);
      }
    }
  }
  context.workspace.proxy.forget();
}

export async function measureAckLatency(
  context: TRunContext,
  targets: TAckTargets,
  surfaces: readonly TSurface[],
): Promise<TAckLatencyResult> {
  const { settings } = context;
  await warmUp(context, targets, surfaces);
  const steps: TAckStep[] = [];
  let stepNumber = 0;
  for (const surface of surfaces) {
    for (const rate of settings.rates) {
      const order: TTarget[] = stepNumber % 2 === 0 ? ["bot", "bare"] : ["bare", "bot"];
      stepNumber += 1;
      for (const target of order) {
        if (context.cleanup.interrupted)
          return { rates: settings.rates, seconds: settings.stepSeconds, surfaces: [], steps };
        const step = await runStep(context, targets[target].appUrl, target, surface, rate);
        steps.push(step);
        context.log(
          `  ${surface.name} @ ${rate}/s ${target}: p50 ${step.ack.p50.toFixed(1)} ms, p99 ${step.ack.p99.toFixed(1)} ms, max ${step.ack.max.toFixed(0)} ms${step.failed > 0 ? `, ${step.failed} failed` : ""}`,
        );
        // A full run waits for the app to go idle (its work after the acks done); a quick one only pauses.
        if (settings.quick) await new Promise((resolve) => setTimeout(resolve, settings.settleMilliseconds));
        else await waitUntilQuiet(targets[target].pid, 30_000);
      }
    }
  }
  return {
    rates: settings.rates,
    seconds: settings.stepSeconds,
    surfaces: surfaces.map((surface) => surface.name),
    steps,
  };
}
