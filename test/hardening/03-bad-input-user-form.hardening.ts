// Section 3 of issue 7, the create / edit form of /usuarios (`users.form`): 1,000 generated
// submissions, each a signed view_submission for the form the bot opened, with values an attacker
// or a clumsy paste would send (test/hardening/support/hostile-text.ts), wrong JSON types, missing
// and extra fields — the Acceso hasta date picker too (malformed and impossible dates, today and past
// days, a date too far ahead, wrong types). Then the outbox is delivered and its posts and emails searched.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalUser } from "../../src/application/users/create-portal-user.ts";
import { normalizeUsername } from "../../src/domain/portal-user-rules.ts";
import type { TJsonObject } from "../../src/sandbox/json.ts";
import type { TSlackView } from "../../src/sandbox/slack-records.ts";
import type { TViewStateValues } from "../../src/sandbox/view-state.ts";
import { FIELD_ACTION_ID, PLACES_ACTION_ID, UserFormBlockId } from "../../src/slack/features/users/ids.ts";
import { slackContext } from "../support/seed.ts";
import { PEOPLE } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import {
  ACTING_ADMIN,
  auditChainVerdict,
  deliverAndScan,
  describeFindings,
  openModalThrough,
  startBadInputHarness,
  type TBadInputHarness,
  withFreshResponseUrl,
} from "./support/bad-input-steps.ts";
import {
  describeForbidden,
  hostileText,
  mustBeRefused,
  notAString,
  plausibleEmail,
  plausibleName,
  plausibleUsername,
  withSomeFieldsHostile,
} from "./support/hostile-text.ts";
import {
  checkModalProperty,
  MAY_BE_ACCEPTED,
  type TRefusalExpectation,
  textInputState,
} from "./support/modal-properties.ts";
import { withRecordedRow } from "./support/results-table.ts";
import { NUM_RUNS } from "./support/run-budget.ts";

const SECTION = "3. Bad input";

type TField =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "missing" }
  | { readonly kind: "wrong_type"; readonly value: unknown };

type TPlaces =
  | { readonly kind: "ids"; readonly ids: readonly string[] }
  | { readonly kind: "missing" }
  | { readonly kind: "wrong_type"; readonly value: unknown };

type TAccessUntil =
  | { readonly kind: "none" }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "wrong_type"; readonly value: unknown };

type TSlackUser =
  | { readonly kind: "none" }
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "wrong_type"; readonly value: unknown };

interface TUserFormInput {
  readonly mode: "create" | "edit";
  readonly username: TField;
  readonly fullName: TField;
  readonly email: TField;
  readonly slackUser: TSlackUser;
  readonly places: TPlaces;
  readonly accessUntil: TAccessUntil;
  /** A block the form does not have, as a tampered client could add. */
  readonly extraBlock: boolean;
}

/** Today in Mexico City, where an Acceso hasta ends, written as the date picker writes dates. */
function todayInMexicoCity(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Mexico_City",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

/** `days` after today (before, when negative), YYYY-MM-DD. */
function dayFromToday(days: number): string {
  const day = new Date(`${todayInMexicoCity()}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** This oracle's own reading of the date rule: empty, or a real day from tomorrow to 10 years ahead. */
function accessUntilProblem(text: string): string | undefined {
  const date = text.trim();
  if (date === "") return undefined;
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(date)) return "the date is not YYYY-MM-DD";
  const parsed = new Date(`${date}T00:00:00.000Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
    return "the date is no calendar day";
  const today = todayInMexicoCity();
  if (date <= today) return "the date is today or past";
  if (date > `${Number(today.slice(0, 4)) + 10}${today.slice(4)}`) return "the date is over 10 years ahead";
  return undefined;
}

const plausibleAccessUntil: fc.Arbitrary<TAccessUntil> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<TAccessUntil>({ kind: "none" }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 5 * 365 })
      .map((days): TAccessUntil => ({ kind: "text", text: dayFromToday(days) })),
  },
);

const hostileAccessUntil: fc.Arbitrary<TAccessUntil> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        fc.constantFrom(0, -1, 3651).map(dayFromToday),
        fc.integer({ min: -4000, max: 0 }).map(dayFromToday),
        fc.constantFrom(
          "2027-02-30",
          "2027-13-01",
          "2027-00-10",
          "2027-1-5",
          "27-12-01",
          "2027/12/01",
          "01-12-2027",
          "2027-12-01T00:00:00Z",
          "9999-12-31",
          "0000-01-01",
          "+02027-12-01",
          "２０２７-１２-０１",
          "mañana",
          " ",
          "",
        ),
        fc.integer({ min: 3650, max: 4000 }).map(dayFromToday),
        hostileText(fc.integer({ min: 1, max: 365 }).map(dayFromToday)),
      )
      .map((text): TAccessUntil => ({ kind: "text", text })),
  },
  {
    weight: 1,
    // null is what Slack sends for an empty date picker: not a wrong type.
    arbitrary: notAString
      .filter((value) => value !== null)
      .map((value): TAccessUntil => ({ kind: "wrong_type", value })),
  },
);

function field(plausible: fc.Arbitrary<string>): fc.Arbitrary<TField> {
  return fc.oneof(
    { weight: 14, arbitrary: hostileText(plausible).map((text): TField => ({ kind: "text", text })) },
    { weight: 1, arbitrary: fc.constant<TField>({ kind: "missing" }) },
    { weight: 1, arbitrary: notAString.map((value): TField => ({ kind: "wrong_type", value })) },
  );
}

describe(`${SECTION}: the user form users.form (${testDatabaseKind} database)`, () => {
  let setup: TBadInputHarness;
  let createView: TSlackView;
  let editView: TSlackView;
  let placeIds: string[] = [];
  let editedUserId = "";
  let startSequence = 0;
  let emailsBefore = 0;

  beforeAll(async () => {
    setup = await startBadInputHarness();
    const prisma = setup.harness.testDatabase.database.prisma;
    const kemper = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    const xenon = await prisma.company.create({
      data: { rfc: "XIA190128J61", legalName: "XENON INDUSTRIAL ARTICLES" },
    });
    placeIds = [
      (
        await prisma.issuingPlace.create({
          data: { companyId: kemper.id, postalCode: "06000", name: "Centro" },
        })
      ).id,
      (
        await prisma.issuingPlace.create({
          data: { companyId: kemper.id, postalCode: "64000", name: "Monterrey" },
        })
      ).id,
      (
        await prisma.issuingPlace.create({
          data: { companyId: xenon.id, postalCode: "26015", name: "Matriz" },
        })
      ).id,
    ];
    const edited = await createPortalUser(setup.harness.bot.dependencies, {
      context: slackContext(ACTING_ADMIN.id),
      fields: {
        username: "cuenta.editada",
        fullName: "Cuenta Editada",
        email: "cuenta.editada@cliente.example",
        placeIds: [placeIds[0] ?? ""],
      },
    });
    editedUserId = edited.id;
    await setup.harness.drainOutbox();
    createView = await openModalThrough(setup.harness, ACTING_ADMIN.id, "/usuarios", "nuevo");
    editView = await openModalThrough(setup.harness, ACTING_ADMIN.id, "/usuarios", "editar cuenta.editada");
    startSequence = setup.harness.slack.workspace.lastSequence();
    emailsBefore = setup.smtp.messages.length;
  });
  afterAll(() => setup.stop());

  const places: fc.Arbitrary<TPlaces> = fc.oneof(
    {
      weight: 10,
      arbitrary: fc
        .array(
          fc.oneof(
            { weight: 8, arbitrary: fc.constantFrom(0, 1, 2).map((index) => placeIds[index] ?? "") },
            { weight: 1, arbitrary: fc.uuid() },
            { weight: 1, arbitrary: hostileText(fc.constant("06000")) },
          ),
          { maxLength: 4 },
        )
        .map((ids): TPlaces => ({ kind: "ids", ids })),
    },
    { weight: 1, arbitrary: fc.constant<TPlaces>({ kind: "missing" }) },
    { weight: 1, arbitrary: notAString.map((value): TPlaces => ({ kind: "wrong_type", value })) },
  );

  const slackUser: fc.Arbitrary<TSlackUser> = fc.oneof(
    { weight: 6, arbitrary: fc.constant<TSlackUser>({ kind: "none" }) },
    {
      weight: 3,
      // U0ADMIN01 is left out: a mention of it in any bot output must come from typed text.
      arbitrary: fc
        .oneof(
          fc.constantFrom(PEOPLE.support.id, PEOPLE.nobody.id, "U0NOTHERE1", "W0ENTERPRISE1"),
          hostileText(fc.constantFrom("U0SUPPORT1", "U0NOBODY01")),
        )
        .map((id): TSlackUser => ({ kind: "id", id })),
    },
    {
      weight: 1,
      // null is what Slack sends for an empty users_select: not a wrong type.
      arbitrary: notAString
        .filter((value) => value !== null)
        .map((value): TSlackUser => ({ kind: "wrong_type", value })),
    },
  );

  const text = (plausible: fc.Arbitrary<string>) =>
    plausible.map((value): TField => ({ kind: "text", text: value }));
  const input: fc.Arbitrary<TUserFormInput> = fc
    .tuple(
      fc.constantFrom<"create" | "edit">("create", "create", "edit"),
      withSomeFieldsHostile<Omit<TUserFormInput, "mode">>(
        {
          username: text(plausibleUsername),
          fullName: text(plausibleName),
          email: text(plausibleEmail),
          slackUser: fc.constant<TSlackUser>({ kind: "none" }),
          places: fc
            .constantFrom(0, 1, 2)
            .map((index): TPlaces => ({ kind: "ids", ids: [placeIds[index] ?? ""] })),
          accessUntil: plausibleAccessUntil,
          extraBlock: fc.constant(false),
        },
        {
          username: field(plausibleUsername),
          fullName: field(plausibleName),
          email: field(plausibleEmail),
          slackUser,
          places,
          accessUntil: hostileAccessUntil,
          extraBlock: fc.constant(true),
        },
      ),
    )
    .map(([mode, fields]) => ({ mode, ...fields }));

  function textState(value: TField): TJsonObject | undefined {
    if (value.kind === "missing") return undefined;
    return { [FIELD_ACTION_ID]: textInputState(value.kind === "text" ? value.text : value.value) };
  }

  function stateFor(submission: TUserFormInput): TViewStateValues {
    const state: TViewStateValues = {};
    const put = (blockId: string, entry: TJsonObject | undefined) => {
      if (entry !== undefined) state[blockId] = entry as Record<string, TJsonObject>;
    };
    put(UserFormBlockId.USERNAME, textState(submission.username));
    put(UserFormBlockId.FULL_NAME, textState(submission.fullName));
    put(UserFormBlockId.EMAIL, textState(submission.email));
    const selectedUser =
      submission.slackUser.kind === "none"
        ? null
        : submission.slackUser.kind === "id"
          ? submission.slackUser.id
          : submission.slackUser.value;
    put(UserFormBlockId.SLACK_USER, {
      [FIELD_ACTION_ID]: { type: "users_select", selected_user: selectedUser as TJsonObject[string] },
    });
    if (submission.places.kind !== "missing") {
      const selected =
        submission.places.kind === "ids"
          ? submission.places.ids.map((id) => ({ text: { type: "plain_text", text: "lugar" }, value: id }))
          : submission.places.value;
      put(UserFormBlockId.PLACES, {
        [PLACES_ACTION_ID]: {
          type: "multi_static_select",
          selected_options: selected as TJsonObject[string],
        },
      });
    }
    if (submission.accessUntil.kind !== "none" || submission.mode === "edit") {
      const selectedDate =
        submission.accessUntil.kind === "none"
          ? null
          : submission.accessUntil.kind === "text"
            ? submission.accessUntil.text
            : submission.accessUntil.value;
      put(UserFormBlockId.ACCESS_UNTIL, {
        [FIELD_ACTION_ID]: { type: "datepicker", selected_date: selectedDate as TJsonObject[string] },
      });
    }
    if (submission.extraBlock) put("evil_block", { evil: textInputState("<!channel>") });
    return state;
  }

  function expectationFor(submission: TUserFormInput): TRefusalExpectation {
    const reasons: { block: string; because: string }[] = [];
    const required = (blockId: string, name: string, value: TField) => {
      if (value.kind === "missing") reasons.push({ block: blockId, because: `${name} is missing` });
      else if (value.kind === "wrong_type") reasons.push({ block: blockId, because: `${name} is not text` });
      else if (mustBeRefused(value.text))
        reasons.push({ block: blockId, because: `${name} holds ${describeForbidden(value.text)}` });
    };
    required(UserFormBlockId.USERNAME, "the username", submission.username);
    required(UserFormBlockId.FULL_NAME, "the name", submission.fullName);
    required(UserFormBlockId.EMAIL, "the email", submission.email);
    // The bot trims the ids it is sent and drops the empty ones; so does this oracle.
    const chosen =
      submission.places.kind === "ids" ? submission.places.ids.map((id) => id.trim()).filter(Boolean) : [];
    if (submission.places.kind !== "ids")
      reasons.push({ block: UserFormBlockId.PLACES, because: "the places are not a list" });
    else if (chosen.length === 0) reasons.push({ block: UserFormBlockId.PLACES, because: "no place" });
    else if (chosen.some((id) => !placeIds.includes(id)))
      reasons.push({ block: UserFormBlockId.PLACES, because: "a place that does not exist" });
    if (submission.slackUser.kind === "wrong_type")
      reasons.push({ block: "any", because: "the Slack user is not text" });
    const slackUserId = submission.slackUser.kind === "id" ? submission.slackUser.id.trim() : "";
    if (slackUserId !== "" && (mustBeRefused(slackUserId) || !/^[UW][A-Z0-9]{2,31}$/.test(slackUserId)))
      reasons.push({ block: UserFormBlockId.SLACK_USER, because: "the Slack user is no user id" });
    if (submission.accessUntil.kind === "wrong_type")
      reasons.push({ block: UserFormBlockId.ACCESS_UNTIL, because: "the date is not text" });
    else if (submission.accessUntil.kind === "text") {
      const problem = accessUntilProblem(submission.accessUntil.text);
      if (problem !== undefined) reasons.push({ block: UserFormBlockId.ACCESS_UNTIL, because: problem });
    }
    if (reasons.length === 0) return MAY_BE_ACCEPTED;
    const onOneOf = reasons.some((reason) => reason.block === "any")
      ? "any"
      : reasons.map((reason) => reason.block);
    return { required: true, onOneOf, because: reasons.map((reason) => reason.because).join("; ") };
  }

  async function checkAccepted(submission: TUserFormInput): Promise<void> {
    const prisma = setup.harness.testDatabase.database.prisma;
    const stored =
      submission.mode === "edit"
        ? await prisma.portalUser.findUnique({ where: { id: editedUserId } })
        : submission.username.kind === "text"
          ? await prisma.portalUser.findUnique({
              where: { username: normalizeUsername(submission.username.text) },
            })
          : null;
    if (stored === null) throw new Error("accepted, but no account is stored under that username");
    for (const [name, value] of [
      ["username", stored.username],
      ["full_name", stored.fullName],
      ["email", stored.email],
    ] as const) {
      if (mustBeRefused(value)) throw new Error(`stored ${name} holds ${describeForbidden(value)}`);
    }
    const sent = submission.accessUntil.kind === "text" ? submission.accessUntil.text.trim() : "";
    const storedDate = stored.accessUntil?.toISOString().slice(0, 10) ?? "";
    if (storedDate !== sent)
      throw new Error(`accepted the date ${JSON.stringify(sent)}, but stored ${JSON.stringify(storedDate)}`);
  }

  it("1,000 generated submissions: no 5xx, a field error for each bad one, nothing changed by a refusal, no ping or link", async () => {
    await withRecordedRow({ section: SECTION, scenario: "users.form (create and edit)" }, async (tally) => {
      const counts = await checkModalProperty<TUserFormInput>({
        harness: setup.harness,
        personId: ACTING_ADMIN.id,
        numRuns: NUM_RUNS,
        tally,
        target: {
          arbitrary: input,
          viewFor: (submission) =>
            withFreshResponseUrl(
              setup.harness,
              submission.mode === "edit" ? editView : createView,
              ACTING_ADMIN.id,
            ),
          stateFor,
          expectationFor,
          acceptedWorkEndsWithResponseUrl: true,
          checkAccepted,
        },
      });
      tally.note = `${counts.accepted} accepted, ${counts.refusedRequired} refused that had to be; slowest answer ${counts.slowestAnswer} ms`;
      expect(tally.changed).toBe(0);
      expect(tally.tried).toBeGreaterThanOrEqual(NUM_RUNS);
    });
  });

  it("the audit posts, DMs and emails that follow hold no ping or forged link, and each email goes to the stored address", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "users.form: audit posts, DMs, emails" },
      async (tally) => {
        const delivered = await deliverAndScan(setup, startSequence, emailsBefore);
        const prisma = setup.harness.testDatabase.database.prisma;
        const stored = new Map(
          (await prisma.portalUser.findMany()).map((user) => [user.username, user.email]),
        );
        const misaddressed: string[] = [];
        for (const mail of setup.smtp.messages.slice(emailsBefore)) {
          const username = /^(?:Usuario|Username): (\S+)$/m.exec(mail.parsed.text ?? "")?.[1];
          const address = username === undefined ? undefined : stored.get(username);
          if (address !== undefined && (mail.envelope.to.length !== 1 || mail.envelope.to[0] !== address))
            misaddressed.push(
              `${username}: stored ${JSON.stringify(address)}, sent to ${JSON.stringify(mail.envelope.to)}`,
            );
        }
        tally.tried = delivered.emails + delivered.slackEntries;
        tally.lost = 0;
        tally.note = `${delivered.emails} emails, ${delivered.slackEntries} Slack calls searched`;
        expect(describeFindings(delivered.findings)).toEqual([]);
        expect(misaddressed).toEqual([]);
      },
    );
  });

  it("the audit chain still verifies", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "users.form: audit chain after the run" },
      async (tally) => {
        const verdict = await auditChainVerdict(setup.harness);
        tally.tried = verdict.rows;
        expect(verdict).toEqual({ ok: true, rows: verdict.rows });
      },
    );
  });
});
