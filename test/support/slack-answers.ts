// What every end-to-end test asserts of the app's answers: Slack's clock, and what a person reads.
import { expect } from "vitest";
import { visibleTextOf } from "../../src/sandbox/block-kit-reading.ts";
import type { TSlackMessage, TSlackView } from "../../src/sandbox/slack-records.ts";

/** Slack's limit for the HTTP answer to any request. */
export const SLACK_DEADLINE_MILLISECONDS = 3_000;

/**
 * How long to wait for what the app does after its ack (a response_url post, views.open, a DM):
 * generous, so that a loaded machine running many test files does not fail a test; Slack's own
 * limits (the 3 s ack, the 3 s trigger_id) are still enforced by the sandbox and asserted.
 */
export const PATIENCE = { timeoutMilliseconds: 10_000 } as const;

export interface TAnswer {
  readonly status: number;
  readonly acknowledged: boolean;
  readonly refusedBySlack: readonly string[];
  readonly elapsedMilliseconds: number;
  readonly sequence: number;
}

/** Slack's clock: a 2xx answer within three seconds, which Slack took (no refusal shown instead). */
export function expectAcknowledged<TValue extends TAnswer>(answer: TValue): TValue {
  expect(answer.refusedBySlack).toEqual([]);
  expect(answer.status).toBeGreaterThanOrEqual(200);
  expect(answer.status).toBeLessThan(300);
  expect(answer.elapsedMilliseconds).toBeLessThan(SLACK_DEADLINE_MILLISECONDS);
  expect(answer.acknowledged).toBe(true);
  return answer;
}

/** What a person reads: the blocks' text, or a message's plain text when it has no blocks. */
export function textOf(surface: TSlackMessage | TSlackView | undefined): string {
  if (surface === undefined) return "";
  if (surface.blocks.length === 0 && "text" in surface) return surface.text;
  return visibleTextOf(surface.blocks);
}
