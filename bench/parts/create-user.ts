// Part 2: create-form submissions that store a user (open loop, a few a second), their ack, and
// the time from submission until the SMTP server accepts the welcome email the outbox worker
// sends (the bot polls its outbox every 2 s: that wait is part of what a new user experiences).
import { isJsonObject } from "../../src/sandbox/json.ts";
import type { TSlackView } from "../../src/sandbox/slack-records.ts";
import { FIELD_ACTION_ID, PLACES_ACTION_ID, UserFormBlockId } from "../../src/slack/features/users/ids.ts";
import { FIRST_NAMES, LAST_NAMES } from "../data/spanish-names.ts";
import { summarize, type TLatencySummary } from "../load/latency-statistics.ts";
import { runOpenLoop } from "../load/open-loop.ts";
import type { TRunContext } from "../run-context.ts";
import { ADMIN } from "../slack/bench-workspace.ts";
import { deliver } from "../slack/slack-requests.ts";

const EMAIL_TIMEOUT_MILLISECONDS = 60_000;

export interface TCreateUserResult {
  readonly rate: number;
  readonly submitted: number;
  /** Answered with field errors instead of closing the form (nothing created). */
  readonly refused: number;
  readonly failed: number;
  readonly ack: TLatencySummary;
  readonly welcomeEmail: TLatencySummary;
  readonly emailsMissing: number;
}

export async function measureCreateUser(
  context: TRunContext,
  options: { appUrl: string; userForm: TSlackView; firstPlaceValue: string },
): Promise<TCreateUserResult> {
  const { settings, smtp } = context;
  const loop = await runOpenLoop({
    ratePerSecond: settings.createRatePerSecond,
    durationSeconds: settings.createSeconds,
    shouldStop: () => context.cleanup.interrupted,
    async send(index, dueAt) {
      const username = `bench.alta${String(index + 1).padStart(4, "0")}`;
      const email = `${username}@premiumone.example`;
      const prepared = context.requests.viewSubmission(ADMIN, options.userForm, {
        [UserFormBlockId.USERNAME]: { [FIELD_ACTION_ID]: username },
        [UserFormBlockId.FULL_NAME]: {
          [FIELD_ACTION_ID]: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[(index * 7) % LAST_NAMES.length]} Alta`,
        },
        [UserFormBlockId.EMAIL]: { [FIELD_ACTION_ID]: email },
        [UserFormBlockId.PLACES]: { [PLACES_ACTION_ID]: [options.firstPlaceValue] },
      });
      const answer = await deliver(options.appUrl, context.secrets.signingSecret, prepared);
      const ackMilliseconds = performance.now() - dueAt;
      if (answer === undefined || answer.status < 200 || answer.status >= 300)
        return {
          ackMilliseconds: Number.POSITIVE_INFINITY,
          outcome: "failed" as const,
          emailMilliseconds: undefined,
        };
      if (isJsonObject(answer.body) && answer.body.response_action === "errors")
        return { ackMilliseconds, outcome: "refused" as const, emailMilliseconds: undefined };
      const acceptedAt = await smtp.acceptedFor(email, EMAIL_TIMEOUT_MILLISECONDS);
      return {
        ackMilliseconds,
        outcome: "created" as const,
        emailMilliseconds: acceptedAt === undefined ? Number.POSITIVE_INFINITY : acceptedAt - dueAt,
      };
    },
  });
  const created = loop.results.filter((result) => result.outcome === "created");
  return {
    rate: settings.createRatePerSecond,
    submitted: loop.sent,
    refused: loop.results.filter((result) => result.outcome === "refused").length,
    failed: loop.results.filter((result) => result.outcome === "failed").length,
    ack: summarize(loop.results.map((result) => result.ackMilliseconds)),
    welcomeEmail: summarize(created.map((result) => result.emailMilliseconds ?? Number.POSITIVE_INFINITY)),
    emailsMissing: created.filter((result) => result.emailMilliseconds === Number.POSITIVE_INFINITY).length,
  };
}
