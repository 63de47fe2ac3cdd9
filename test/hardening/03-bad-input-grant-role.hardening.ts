// Section 3 of issue 7, the Otorgar rol form of `/usuarios roles` (`roles.grant_form`): 1,000
// generated submissions — users and roles the menus never offer, hostile text, wrong JSON types,
// missing and extra fields — as signed view_submission requests for the form the bot opened.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TJsonObject, TJsonValue } from "../../src/sandbox/json.ts";
import type { TSlackView } from "../../src/sandbox/slack-records.ts";
import type { TViewStateValues } from "../../src/sandbox/view-state.ts";
import { FIELD_ACTION_ID, GrantRoleBlockId, RolesActionId } from "../../src/slack/features/roles/ids.ts";
import { PEOPLE } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import {
  ACTING_ADMIN,
  auditChainVerdict,
  deliverAndScan,
  describeFindings,
  messageThrough,
  openModalByClick,
  startBadInputHarness,
  type TBadInputHarness,
  withFreshResponseUrl,
} from "./support/bad-input-steps.ts";
import {
  describeForbidden,
  hostileText,
  mustBeRefused,
  notAString,
  withSomeFieldsHostile,
} from "./support/hostile-text.ts";
import { checkModalProperty, MAY_BE_ACCEPTED, type TRefusalExpectation } from "./support/modal-properties.ts";
import { withRecordedRow } from "./support/results-table.ts";
import { NUM_RUNS } from "./support/run-budget.ts";

const SECTION = "3. Bad input";
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,31}$/;

type TChoice =
  | { readonly kind: "value"; readonly value: string }
  | { readonly kind: "none" }
  | { readonly kind: "missing" }
  | { readonly kind: "wrong_type"; readonly value: unknown };

interface TGrantInput {
  readonly slackUser: TChoice;
  readonly role: TChoice;
  readonly extraBlock: boolean;
}

// U0ADMIN01 is left out: a mention of it in any bot output must come from typed text.
const plausibleUserId = fc.oneof(
  fc.constantFrom(PEOPLE.support.id, PEOPLE.nobody.id),
  fc.stringMatching(/^U0[A-Z0-9]{8}$/).filter((id) => id !== PEOPLE.admin.id),
);
const plausibleRole = fc.constantFrom("ADMIN", "SUPPORT");

function choice(plausible: fc.Arbitrary<string>): fc.Arbitrary<TChoice> {
  return fc.oneof(
    { weight: 12, arbitrary: hostileText(plausible).map((value): TChoice => ({ kind: "value", value })) },
    { weight: 1, arbitrary: fc.constant<TChoice>({ kind: "none" }) },
    { weight: 1, arbitrary: fc.constant<TChoice>({ kind: "missing" }) },
    {
      weight: 1,
      arbitrary: notAString
        .filter((value) => value !== null)
        .map((value): TChoice => ({ kind: "wrong_type", value })),
    },
  );
}

const asValue = (plausible: fc.Arbitrary<string>) =>
  plausible.map((value): TChoice => ({ kind: "value", value }));

const input: fc.Arbitrary<TGrantInput> = withSomeFieldsHostile<TGrantInput>(
  { slackUser: asValue(plausibleUserId), role: asValue(plausibleRole), extraBlock: fc.constant(false) },
  { slackUser: choice(plausibleUserId), role: choice(plausibleRole), extraBlock: fc.constant(true) },
);

function stateFor(submission: TGrantInput): TViewStateValues {
  const state: TViewStateValues = {};
  const user = submission.slackUser;
  if (user.kind !== "missing") {
    const selected = user.kind === "none" ? null : (user.value as TJsonValue);
    state[GrantRoleBlockId.SLACK_USER] = {
      [FIELD_ACTION_ID]: { type: "users_select", selected_user: selected },
    };
  }
  const role = submission.role;
  if (role.kind !== "missing") {
    const option: TJsonValue =
      role.kind === "none"
        ? null
        : role.kind === "value"
          ? { text: { type: "plain_text", text: "Rol" }, value: role.value }
          : (role.value as TJsonValue);
    state[GrantRoleBlockId.ROLE] = { [FIELD_ACTION_ID]: { type: "static_select", selected_option: option } };
  }
  if (submission.extraBlock)
    state.evil_block = { evil: { type: "plain_text_input", value: "<!channel>" } satisfies TJsonObject };
  return state;
}

function expectationFor(submission: TGrantInput): TRefusalExpectation {
  const reasons: { block: string; because: string }[] = [];
  const user = submission.slackUser;
  // A wrong JSON type anywhere blanks the whole form for the bot: refused, on whichever field.
  if (user.kind === "wrong_type" || submission.role.kind === "wrong_type")
    reasons.push({ block: "any", because: "a field is not the JSON type Slack sends" });
  if (user.kind === "none" || user.kind === "missing")
    reasons.push({ block: GrantRoleBlockId.SLACK_USER, because: "no Slack user" });
  if (user.kind === "value") {
    const normalized = user.value.trim().toUpperCase();
    if (mustBeRefused(user.value))
      reasons.push({
        block: GrantRoleBlockId.SLACK_USER,
        because: `the user holds ${describeForbidden(user.value)}`,
      });
    else if (!SLACK_USER_ID.test(normalized))
      reasons.push({ block: GrantRoleBlockId.SLACK_USER, because: "the user is no Slack user id" });
  }
  const role = submission.role;
  if (role.kind !== "value" || (role.value !== "ADMIN" && role.value !== "SUPPORT"))
    reasons.push({ block: GrantRoleBlockId.ROLE, because: "not a role the menu offers" });
  if (reasons.length === 0) return MAY_BE_ACCEPTED;
  return {
    required: true,
    onOneOf: reasons.some((reason) => reason.block === "any") ? "any" : reasons.map((reason) => reason.block),
    because: reasons.map((reason) => reason.because).join("; "),
  };
}

describe(`${SECTION}: the grant-role form roles.grant_form (${testDatabaseKind} database)`, () => {
  let setup: TBadInputHarness;
  let grantView: TSlackView;
  let startSequence = 0;

  beforeAll(async () => {
    setup = await startBadInputHarness();
    const roles = await messageThrough(setup.harness, ACTING_ADMIN.id, "/usuarios", "roles");
    grantView = await openModalByClick(setup.harness, ACTING_ADMIN.id, roles, RolesActionId.GRANT);
    startSequence = setup.harness.slack.workspace.lastSequence();
  });
  afterAll(() => setup.stop());

  it("1,000 generated submissions: no 5xx, a field error for each bad one, nothing changed by a refusal, no ping or link", async () => {
    await withRecordedRow({ section: SECTION, scenario: "roles.grant_form" }, async (tally) => {
      const counts = await checkModalProperty<TGrantInput>({
        harness: setup.harness,
        personId: ACTING_ADMIN.id,
        numRuns: NUM_RUNS,
        tally,
        target: {
          arbitrary: input,
          viewFor: () => withFreshResponseUrl(setup.harness, grantView, ACTING_ADMIN.id),
          stateFor,
          expectationFor,
          acceptedWorkEndsWithResponseUrl: true,
        },
      });
      tally.note = `${counts.accepted} accepted, ${counts.refusedRequired} refused that had to be; slowest answer ${counts.slowestAnswer} ms`;
      expect(tally.changed).toBe(0);
      expect(tally.tried).toBeGreaterThanOrEqual(NUM_RUNS);
    });
  });

  it("the audit posts that follow hold no ping or forged link, and the audit chain still verifies", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "roles.grant_form: audit posts and chain" },
      async (tally) => {
        const delivered = await deliverAndScan(setup, startSequence, 0);
        const verdict = await auditChainVerdict(setup.harness);
        tally.tried = delivered.slackEntries;
        tally.note = `${delivered.slackEntries} Slack calls searched, ${verdict.rows} audit rows verified`;
        expect(describeFindings(delivered.findings)).toEqual([]);
        expect(verdict).toEqual({ ok: true, rows: verdict.rows });
      },
    );
  });
});
