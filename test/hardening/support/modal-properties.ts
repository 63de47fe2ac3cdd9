// The property every modal of the bot must hold, driven straight through signed view_submission
// requests (the payload Slack would send for the view the bot opened, with state values as a
// tampered client could make them): no 5xx and no "algo salió mal"; a refused submission answers
// `response_action: "errors"` naming only the view's input blocks — one of them the field that
// was bad — and changes nothing in the database; an accepted one finishes its work (the list or
// catalogue refreshed through the response_url) and nothing typed reaches Slack as a ping or link.
import type fc from "fast-check";
import { LOCALES } from "../../../src/i18n/locale.ts";
import { translate } from "../../../src/i18n/translate.ts";
import { inputBlocksOf } from "../../../src/sandbox/block-kit-reading.ts";
import { deliverToApp } from "../../../src/sandbox/deliver-to-app.ts";
import type { TJsonObject, TJsonValue } from "../../../src/sandbox/json.ts";
import { buildViewSubmissionPayload, encodeInteraction } from "../../../src/sandbox/slack-payloads.ts";
import type { TSlackView } from "../../../src/sandbox/slack-records.ts";
import type { TViewStateValues } from "../../../src/sandbox/view-state.ts";
import { SIGNING_SECRET, type TSlackHarness } from "../../support/slack-harness.ts";
import { injectionsInTimeline } from "./bot-output-scan.ts";
import {
  changedTables,
  createFingerprinter,
  type TDatabaseFingerprint,
  type TFingerprinter,
} from "./database-fingerprint.ts";
import { waitUntil } from "./free-port.ts";
import type { TTally } from "./results-table.ts";
import { assertWithFirstFailure, propertyParameters } from "./run-budget.ts";

/**
 * The lockout's own bookkeeping: every password check marks when it started (so that a burst on
 * several replicas cannot check more passwords than the lock allows), right password or not.
 * Not a change a refusal makes to anything a person holds.
 */
export const LOCKOUT_BOOKKEEPING = {
  portal_users: ["password_checks_in_flight", "password_checks_started_at"],
} as const;

/** What an input must get: refused with an error on one of these blocks ("any" input block), or either. */
export type TRefusalExpectation =
  | { readonly required: false }
  | { readonly required: true; readonly onOneOf: readonly string[] | "any"; readonly because: string };

export const MAY_BE_ACCEPTED: TRefusalExpectation = { required: false };

export interface TModalTarget<TInput> {
  readonly arbitrary: fc.Arbitrary<TInput>;
  /** The view the submission comes from (the bot's own, private_metadata and all). */
  viewFor(input: TInput): TSlackView;
  stateFor(input: TInput): TViewStateValues;
  expectationFor(input: TInput): TRefusalExpectation;
  /** Puts the world back as the property needs it before each run (unlock an account…). */
  prepare?(input: TInput): Promise<void>;
  /**
   * Tables a refused submission may change, and why (a wrong current password counts towards the
   * lockout and is audited). Undefined: nothing may change.
   */
  allowedChangesWhenRefused?(input: TInput): readonly string[] | undefined;
  /** After an accepted submission: the bot's work after its ack ended when this returns true. */
  readonly acceptedWorkEndsWithResponseUrl: boolean;
  /** More checks on a refused submission (no password echoed, only the allowed audit rows…). Throw to fail. */
  checkRefused?(input: TInput, errors: Readonly<Record<string, string>>): Promise<void> | void;
  /** More checks on an accepted submission (what was stored). Throw to fail. */
  checkAccepted?(input: TInput): Promise<void>;
  /** Puts things back after an accepted submission (restore a password…). */
  afterAccepted?(input: TInput): Promise<void>;
}

export interface TModalPropertyOptions<TInput> {
  readonly harness: TSlackHarness;
  /** Who submits: the Slack user id the view belongs to. */
  readonly personId: string;
  readonly target: TModalTarget<TInput>;
  readonly numRuns: number;
  readonly tally: TTally;
  /** Tables and columns no submission is judged on (see createFingerprinter). */
  readonly excludeTables?: readonly string[];
  readonly excludeColumns?: Readonly<Record<string, readonly string[]>>;
}

function isObject(value: unknown): value is Readonly<Record<string, TJsonValue>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The words of "algo salió mal (referencia …)" in both locales, up to the reference. */
const UNEXPECTED_ERROR_WORDS = LOCALES.map(
  (locale) => translate(locale, "error.unexpected", { requestId: "\u0000" }).split("\u0000")[0] ?? "",
);

function describeChanges(
  before: TDatabaseFingerprint,
  after: TDatabaseFingerprint,
  allowed: readonly string[],
) {
  return changedTables(before, after).filter(
    (entry) => !allowed.some((table) => entry.startsWith(`${table} `)),
  );
}

/** Polls until two fingerprints a moment apart agree (the bot's work in the background has ended). */
async function waitForQuiet(fingerprinter: TFingerprinter): Promise<void> {
  let last = "";
  await waitUntil(
    async () => {
      const now = JSON.stringify(await fingerprinter.take());
      const quiet = now === last;
      last = now;
      return quiet ? true : undefined;
    },
    {
      description: "the bot's background work to end",
      timeoutMilliseconds: 30_000,
      intervalMilliseconds: 500,
    },
  ).catch(() => undefined);
}

/** The summary counters beside the tally: what kinds of answers the run saw. */
export interface TModalRunCounts {
  accepted: number;
  refusedRequired: number;
  /** The slowest answer, in milliseconds (Slack gives up after 3,000). */
  slowestAnswer: number;
}

export async function checkModalProperty<TInput>(
  options: TModalPropertyOptions<TInput>,
): Promise<TModalRunCounts> {
  const { harness, target, tally } = options;
  const workspace = harness.slack.workspace;
  const person = workspace.user(options.personId);
  if (person === undefined) throw new Error(`no ${options.personId} in the workspace`);
  const fingerprinter = await createFingerprinter(harness.testDatabase.database, {
    exclude: options.excludeTables ?? [],
    excludeColumns: options.excludeColumns ?? {},
  });
  const counts: TModalRunCounts = { accepted: 0, refusedRequired: 0, slowestAnswer: 0 };

  await assertWithFirstFailure(
    target.arbitrary,
    async (input) => {
      await target.prepare?.(input);
      const view = target.viewFor(input);
      const inputBlockIds = new Set(inputBlocksOf(view.blocks).map((block) => block.blockId));
      const expectation = target.expectationFor(input);
      const before = await fingerprinter.take();
      const sequence = workspace.lastSequence();
      const payload = buildViewSubmissionPayload({
        app: workspace.app,
        user: person,
        triggerId: workspace.issueTrigger(person.id),
        view,
        stateValues: target.stateFor(input),
      });
      const answer = await deliverToApp({
        appUrl: harness.appUrl,
        signingSecret: SIGNING_SECRET,
        request: encodeInteraction(payload),
      });
      tally.tried += 1;
      counts.slowestAnswer = Math.max(counts.slowestAnswer, Math.round(answer.elapsedMilliseconds));
      if (answer.status !== 200) {
        // Bolt answers 404 itself when a listener has not acknowledged within Slack's 3 seconds; the
        // listener then goes on. Let it finish, so that fast-check's shrinking starts from a still database.
        await waitForQuiet(fingerprinter);
        const late = answer.status === 404 && answer.elapsedMilliseconds >= 2_900;
        throw new Error(
          late
            ? `the bot answered after Slack's 3 seconds (Bolt gave up with HTTP 404 after ${Math.round(answer.elapsedMilliseconds)} ms): Slack shows the person an error`
            : `the bot answered HTTP ${answer.status} (expected 200)`,
        );
      }
      const body = await settledAnswer(harness, answer.body, { since: sequence, viewId: view.id });
      const refused = isObject(body) && body.response_action === "errors";

      if (refused) {
        tally.refused += 1;
        const errors = body.errors;
        if (!isObject(errors) || Object.keys(errors).length === 0)
          throw new Error("response_action errors with no errors");
        for (const [blockId, message] of Object.entries(errors)) {
          if (!inputBlockIds.has(blockId))
            throw new Error(`an error on ${blockId}, which is not an input block`);
          if (typeof message !== "string" || message.trim() === "")
            throw new Error(`no words for the error on ${blockId}`);
          if (UNEXPECTED_ERROR_WORDS.some((words) => words !== "" && message.includes(words)))
            throw new Error(`"something went wrong" on ${blockId} instead of a field error`);
        }
        await target.checkRefused?.(input, errors as Readonly<Record<string, string>>);
        if (expectation.required) {
          counts.refusedRequired += 1;
          const named = Object.keys(errors);
          if (
            expectation.onOneOf !== "any" &&
            !expectation.onOneOf.some((blockId) => named.includes(blockId))
          )
            throw new Error(
              `refused on ${named.join(", ")} but not on ${expectation.onOneOf.join(" or ")} (${expectation.because})`,
            );
        }
        const after = await fingerprinter.take();
        const changes = describeChanges(before, after, target.allowedChangesWhenRefused?.(input) ?? []);
        if (changes.length > 0) {
          tally.changed += 1;
          throw new Error(`a refused submission changed ${changes.join(", ")}`);
        }
      } else {
        if (expectation.required) throw new Error(`accepted, but it must be refused: ${expectation.because}`);
        if (
          isObject(body) &&
          body.response_action !== undefined &&
          !["update", "clear", "push"].includes(String(body.response_action))
        )
          throw new Error(`an unknown response_action ${String(body.response_action)}`);
        counts.accepted += 1;
        if (target.acceptedWorkEndsWithResponseUrl) {
          try {
            await workspace.waitFor(
              () => workspace.timeline(sequence).find((entry) => entry.kind === "response_url"),
              { description: "the refreshed list through the response_url", timeoutMilliseconds: 10_000 },
            );
          } catch (error) {
            tally.lost += 1;
            throw error;
          }
        }
        await target.checkAccepted?.(input);
      }
      const findings = injectionsInTimeline(workspace.timeline(sequence));
      if (findings.length > 0)
        throw new Error(
          `typed text reached Slack as ${findings.map((finding) => `${finding.kind} in ${finding.where}: ${JSON.stringify(finding.excerpt)}`).join("; ")}`,
        );
      if (!refused) await target.afterAccepted?.(input);
    },
    { ...propertyParameters<TInput>(), numRuns: options.numRuns },
  );
  return counts;
}

/** The state shape of a plain text input holding `value` (whatever its JSON type). */
export function textInputState(value: unknown): TJsonObject {
  return { type: "plain_text_input", value: value as TJsonValue };
}

/**
 * The outcome the person ends on. A modal that answered "Verificando…" in time (a callback id
 * ending in `.checking`) brings its outcome by views.update; that form's messages under its fields
 * count as the field errors Slack would have shown, so both paths are judged alike.
 */
async function settledAnswer(
  harness: TSlackHarness,
  body: unknown,
  submitted: { readonly since: number; readonly viewId: string },
): Promise<unknown> {
  if (!isObject(body) || body.response_action !== "update" || !isObject(body.view)) return body;
  if (!String(body.view.callback_id ?? "").endsWith(".checking")) return body;
  const workspace = harness.slack.workspace;
  // Only the update of this submission's view: a late one from an earlier case (one Bolt gave up
  // on after 3 s, say) must not be read as this case's outcome.
  const update = await workspace.waitFor(
    () =>
      workspace
        .timeline(submitted.since)
        .find(
          (entry) =>
            entry.kind === "api_call" &&
            entry.name === "views.update" &&
            isObject(entry.request) &&
            entry.request.view_id === submitted.viewId,
        ),
    { description: "the outcome after Verificando… (views.update)", timeoutMilliseconds: 60_000 },
  );
  // Bolt's Web API client sends `view` form-encoded, as a JSON string: read it as Slack would.
  const sent = isObject(update.request) ? update.request.view : undefined;
  const view = viewOf(sent);
  if (view === undefined) throw new Error(`a views.update whose view is not a view: ${JSON.stringify(sent)}`);
  const errors: Record<string, string> = {};
  let lastInput: string | undefined;
  for (const block of Array.isArray(view.blocks) ? view.blocks : []) {
    if (!isObject(block)) continue;
    if (block.type === "input" && typeof block.block_id === "string") lastInput = block.block_id;
    const first = block.type === "context" && Array.isArray(block.elements) ? block.elements[0] : undefined;
    const text = isObject(first) && typeof first.text === "string" ? first.text : "";
    if (lastInput !== undefined && text.startsWith("⚠️ ")) errors[lastInput] = text.slice("⚠️ ".length);
  }
  return Object.keys(errors).length > 0
    ? { response_action: "errors", errors }
    : { response_action: "update", view };
}

function viewOf(sent: unknown): Record<string, unknown> | undefined {
  if (isObject(sent)) return sent;
  if (typeof sent !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(sent);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
