// Section 3 of issue 7, the password modal opened from the DM (`account.password_form`): 1,000
// generated submissions of Contraseña actual / Nueva contraseña / Confirmar nueva contraseña by
// the account's owner — hostile text, huge and empty values, wrong JSON types, missing and extra
// fields. The right current password appears in a generated case only as the token {kind:"right"},
// so that no counterexample prints it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalUser } from "../../src/application/users/create-portal-user.ts";
import type { TJsonValue } from "../../src/sandbox/json.ts";
import type { TSlackView } from "../../src/sandbox/slack-records.ts";
import type { TViewStateValues } from "../../src/sandbox/view-state.ts";
import {
  AccountActionId,
  PASSWORD_FIELD_ACTION_ID,
  PasswordFormBlockId,
} from "../../src/slack/features/account/ids.ts";
import { slackContext } from "../support/seed.ts";
import { PEOPLE } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import {
  ACTING_ADMIN,
  auditChainVerdict,
  deliverAndScan,
  describeFindings,
  openModalByClick,
  startBadInputHarness,
  type TBadInputHarness,
} from "./support/bad-input-steps.ts";
import { hostileText, mustBeRefused, notAString, withSomeFieldsHostile } from "./support/hostile-text.ts";
import {
  checkModalProperty,
  LOCKOUT_BOOKKEEPING,
  MAY_BE_ACCEPTED,
  type TRefusalExpectation,
} from "./support/modal-properties.ts";
import { withRecordedRow } from "./support/results-table.ts";
import { NUM_RUNS } from "./support/run-budget.ts";

const SECTION = "3. Bad input";
const OWNER = PEOPLE.nobody;
/** The owner's password at the start of every run (put back after each accepted change). */
const RIGHT_PASSWORD = "la contraseña de siempre, con ñ y café 2026";

type TSecret =
  | { readonly kind: "right" }
  /** Only for the confirmation: the same text as the new password. */
  | { readonly kind: "same" }
  | { readonly kind: "typed"; readonly text: string }
  | { readonly kind: "missing" }
  | { readonly kind: "wrong_type"; readonly value: unknown };

interface TPasswordInput {
  readonly current: TSecret;
  readonly next: TSecret;
  readonly confirmation: TSecret;
  readonly extraBlock: boolean;
}

// Consonant groups: passphrase-like and strong, yet cheap for zxcvbn (digits and real words make
// it take from a quarter of a second to seconds a check — see the section's README note).
const CONSONANTS = "bcdfghjklmnpqrstvwxz";
const plausibleNewPassword = fc
  .array(fc.string({ unit: fc.constantFrom(...CONSONANTS), minLength: 6, maxLength: 7 }), {
    minLength: 3,
    maxLength: 4,
  })
  .map((groups) => groups.join(" "));
const wrongPassword = fc
  .integer({ min: 0, max: 99_999 })
  .map((number) => `otra contraseña que no es ${number}`);

function secret(plausible: fc.Arbitrary<string>, extra: readonly TSecret[] = []): fc.Arbitrary<TSecret> {
  return fc.oneof(
    { weight: 12, arbitrary: hostileText(plausible).map((text): TSecret => ({ kind: "typed", text })) },
    { weight: 1, arbitrary: fc.constant<TSecret>({ kind: "missing" }) },
    {
      weight: 1,
      arbitrary: notAString
        .filter((value) => value !== null)
        .map((value): TSecret => ({ kind: "wrong_type", value })),
    },
    ...(extra.length === 0 ? [] : [{ weight: 2, arbitrary: fc.constantFrom(...extra) }]),
  );
}

const typed = (plausible: fc.Arbitrary<string>) =>
  plausible.map((text): TSecret => ({ kind: "typed", text }));

const input: fc.Arbitrary<TPasswordInput> = withSomeFieldsHostile<TPasswordInput>(
  {
    current: fc.constant<TSecret>({ kind: "right" }),
    next: typed(plausibleNewPassword),
    confirmation: fc.constant<TSecret>({ kind: "same" }),
    extraBlock: fc.constant(false),
  },
  {
    current: secret(wrongPassword),
    next: secret(plausibleNewPassword, [{ kind: "right" }]),
    confirmation: secret(plausibleNewPassword),
    extraBlock: fc.constant(true),
  },
);

function textOf(value: TSecret, next: TSecret): unknown {
  switch (value.kind) {
    case "right":
      return RIGHT_PASSWORD;
    case "same":
      return textOf(next, next);
    case "typed":
      return value.text;
    case "wrong_type":
      return value.value;
    case "missing":
      return undefined;
  }
}

function stateFor(submission: TPasswordInput): TViewStateValues {
  const state: TViewStateValues = {};
  const put = (blockId: string, value: TSecret) => {
    if (value.kind === "missing") return;
    state[blockId] = {
      [PASSWORD_FIELD_ACTION_ID]: {
        type: "plain_text_input",
        value: textOf(value, submission.next) as TJsonValue,
      },
    };
  };
  put(PasswordFormBlockId.CURRENT, submission.current);
  put(PasswordFormBlockId.NEW, submission.next);
  put(PasswordFormBlockId.CONFIRMATION, submission.confirmation);
  if (submission.extraBlock) state.evil_block = { evil: { type: "plain_text_input", value: "<!channel>" } };
  return state;
}

const hasWrongType = (submission: TPasswordInput) =>
  [submission.current, submission.next, submission.confirmation].some((value) => value.kind === "wrong_type");
const currentIsRight = (submission: TPasswordInput) =>
  submission.current.kind === "right" && !hasWrongType(submission);

/** Blocks holding text no field may keep (a NUL…): a refusal may name any of them first. */
function blocksWithForbiddenText(submission: TPasswordInput): string[] {
  return [
    [PasswordFormBlockId.CURRENT, submission.current],
    [PasswordFormBlockId.NEW, submission.next],
    [PasswordFormBlockId.CONFIRMATION, submission.confirmation],
  ].flatMap(([blockId, value]) => {
    const text = textOf(value as TSecret, submission.next);
    return typeof text === "string" && mustBeRefused(text) ? [blockId as string] : [];
  });
}

function expectationFor(submission: TPasswordInput): TRefusalExpectation {
  if (hasWrongType(submission))
    return { required: true, onOneOf: "any", because: "a field is not the JSON type Slack sends" };
  const forbidden = blocksWithForbiddenText(submission);
  if (!currentIsRight(submission))
    return {
      required: true,
      onOneOf: [PasswordFormBlockId.CURRENT, ...forbidden],
      because: "the current password is wrong",
    };
  const next = textOf(submission.next, submission.next);
  if (submission.next.kind === "missing" || submission.next.kind === "right")
    return {
      required: true,
      onOneOf: [PasswordFormBlockId.NEW, ...forbidden],
      because: "no new password, or the current one again",
    };
  const confirmation = textOf(submission.confirmation, submission.next);
  if (
    typeof next === "string" &&
    (typeof confirmation !== "string" || confirmation.normalize("NFKC") !== next.normalize("NFKC"))
  )
    return {
      required: true,
      onOneOf: [PasswordFormBlockId.NEW, PasswordFormBlockId.CONFIRMATION, ...forbidden],
      because: "the confirmation differs",
    };
  return MAY_BE_ACCEPTED;
}

describe(`${SECTION}: the password modal account.password_form (${testDatabaseKind} database)`, () => {
  let setup: TBadInputHarness;
  let passwordView: TSlackView;
  let ownerId = "";
  let rightHash = "";
  let startSequence = 0;
  let lastAuditId = 0n;
  let runStartedAt = new Date();

  async function putTheRightPasswordBack(): Promise<void> {
    await setup.harness.testDatabase.database.prisma.portalUser.update({
      where: { id: ownerId },
      data: {
        passwordHash: rightHash,
        passwordIsTemporary: false,
        passwordExpiresAt: null,
        failedPasswordAttempts: 0,
        lockedUntil: null,
      },
    });
  }

  beforeAll(async () => {
    setup = await startBadInputHarness();
    const { harness } = setup;
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    const place = await prisma.issuingPlace.create({
      data: { companyId: company.id, postalCode: "06000", name: "Centro" },
    });
    const owner = await createPortalUser(harness.bot.dependencies, {
      context: slackContext(ACTING_ADMIN.id),
      fields: {
        username: "nadie.portal",
        fullName: "Nicolás Nadie",
        email: "nicolas.nadie@cliente.example",
        slackUserId: OWNER.id,
        placeIds: [place.id],
      },
    });
    ownerId = owner.id;
    // The welcome email makes a temporary password; the owner then has chosen their own.
    await harness.drainOutbox();
    rightHash = await harness.bot.dependencies.passwordHasher.hash(RIGHT_PASSWORD);
    await putTheRightPasswordBack();
    const person = harness.as(OWNER.id);
    const answer = await person.sendDirectMessage("hola");
    await harness.slack.waitForCall("chat.postMessage", {
      since: answer.sequence,
      timeoutMilliseconds: 10_000,
    });
    const reply = person
      .directMessages()
      .filter((message) => message.fromApp)
      .at(-1);
    if (reply === undefined) throw new Error("the bot did not answer the DM");
    passwordView = await openModalByClick(harness, OWNER.id, reply, AccountActionId.CHANGE_PASSWORD);
    startSequence = harness.slack.workspace.lastSequence();
  });
  afterAll(() => setup.stop());

  it("1,000 generated submissions: no 5xx, a field error for each bad one, only a wrong current password counted, nothing echoed", async () => {
    await withRecordedRow({ section: SECTION, scenario: "account.password_form (DM)" }, async (tally) => {
      const counts = await checkModalProperty<TPasswordInput>({
        harness: setup.harness,
        personId: OWNER.id,
        numRuns: NUM_RUNS,
        tally,
        excludeColumns: LOCKOUT_BOOKKEEPING,
        target: {
          arbitrary: input,
          // A modal of its own each time (as when the person opens it again): the outcome that
          // follows a "Verificando…" is matched to its submission by the view's id.
          viewFor: () => setup.harness.slack.workspace.openModal(OWNER.id, passwordView.definition),
          stateFor,
          expectationFor,
          // A fresh start each time: no lock from earlier wrong passwords decides this one.
          async prepare() {
            await putTheRightPasswordBack();
            const prisma = setup.harness.testDatabase.database.prisma;
            lastAuditId = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
            runStartedAt = new Date(Date.now() - 1);
          },
          // A wrong current password counts towards the lockout and is audited (with its audit-channel
          // post in the outbox); checkRefused holds those rows to exactly that.
          allowedChangesWhenRefused: (submission) =>
            currentIsRight(submission) ? undefined : ["portal_users", "audit_events", "outbox_messages"],
          async checkRefused(submission, errors) {
            const prisma = setup.harness.testDatabase.database.prisma;
            const newAudit = await prisma.auditEvent.findMany({ where: { id: { gt: lastAuditId } } });
            const newOutbox = await prisma.outboxMessage.count({
              where: { createdAt: { gte: runStartedAt } },
            });
            lastAuditId = newAudit.at(-1)?.id ?? lastAuditId;
            const actions = newAudit.map((row) => row.action);
            if (actions.some((action) => action !== "user.password_change_failed") || actions.length > 1)
              throw new Error(`a refused password change wrote audit rows ${actions.join(", ")}`);
            if (newOutbox > actions.length)
              throw new Error(`a refused password change queued ${newOutbox} messages`);
            const typedSecrets = [submission.current, submission.next, submission.confirmation]
              .map((value) => textOf(value, submission.next))
              .filter((text): text is string => typeof text === "string" && text.trim().length >= 8);
            for (const message of Object.values(errors)) {
              if (message.includes(RIGHT_PASSWORD) || typedSecrets.some((text) => message.includes(text)))
                throw new Error("a field error repeats a password that was typed");
            }
          },
          acceptedWorkEndsWithResponseUrl: false,
          afterAccepted: putTheRightPasswordBack,
        },
      });
      tally.note = `${counts.accepted} accepted, ${counts.refusedRequired} refused that had to be; slowest answer ${counts.slowestAnswer} ms`;
      expect(tally.changed).toBe(0);
      expect(tally.tried).toBeGreaterThanOrEqual(NUM_RUNS);
    });
  });

  it("the notices, audit posts and DMs that follow hold no ping or forged link, and the audit chain still verifies", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "account.password_form: notices and chain" },
      async (tally) => {
        const delivered = await deliverAndScan(setup, startSequence, setup.smtp.messages.length);
        const verdict = await auditChainVerdict(setup.harness);
        tally.tried = delivered.slackEntries + delivered.emails;
        tally.note = `${delivered.emails} emails, ${delivered.slackEntries} Slack calls searched, ${verdict.rows} audit rows verified`;
        expect(describeFindings(delivered.findings)).toEqual([]);
        expect(verdict).toEqual({ ok: true, rows: verdict.rows });
      },
    );
  });
});
