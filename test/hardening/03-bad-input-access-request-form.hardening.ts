// Section 3 of issue 7, for issue 12's Solicitar acceso form (`access_requests.form`): 1,000
// generated submissions by a person with no account — hostile names, emails and motivos, places
// that do not exist, wrong JSON types, missing and extra fields — as signed view_submission
// requests for the form the bot opened. An accepted request is closed behind the property's back
// (so the next one may be sent), and the messages that post it to the admin are searched after.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_REQUEST_REASON_MAX_LENGTH } from "../../src/application/access-requests/access-request-fields.ts";
import type { TJsonObject } from "../../src/sandbox/json.ts";
import type { TSlackView } from "../../src/sandbox/slack-records.ts";
import type { TViewStateValues } from "../../src/sandbox/view-state.ts";
import {
  AccessRequestFormBlockId,
  AccessRequestsActionId,
  FIELD_ACTION_ID,
  REQUEST_PLACES_ACTION_ID,
} from "../../src/slack/features/access-requests/ids.ts";
import { PEOPLE } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import {
  auditChainVerdict,
  deliverAndScan,
  describeFindings,
  messageThrough,
  openModalByClick,
  startBadInputHarness,
  type TBadInputHarness,
} from "./support/bad-input-steps.ts";
import {
  describeForbidden,
  hostileText,
  mustBeRefused,
  notAString,
  plausibleEmail,
  plausibleName,
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
/** No role, no account: who asks for access. */
const REQUESTER = PEOPLE.nobody;

type TField =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "missing" }
  | { readonly kind: "wrong_type"; readonly value: unknown };

type TPlaces =
  | { readonly kind: "ids"; readonly ids: readonly string[] }
  | { readonly kind: "missing" }
  | { readonly kind: "wrong_type"; readonly value: unknown };

interface TRequestFormInput {
  readonly fullName: TField;
  readonly email: TField;
  readonly places: TPlaces;
  readonly reason: TField;
  /** A block the form does not have, as a tampered client could add. */
  readonly extraBlock: boolean;
}

function field(plausible: fc.Arbitrary<string>): fc.Arbitrary<TField> {
  return fc.oneof(
    { weight: 14, arbitrary: hostileText(plausible).map((text): TField => ({ kind: "text", text })) },
    { weight: 1, arbitrary: fc.constant<TField>({ kind: "missing" }) },
    { weight: 1, arbitrary: notAString.map((value): TField => ({ kind: "wrong_type", value })) },
  );
}

const plausibleReason = fc
  .tuple(
    fc.constantFrom(
      "Facturo para la sucursal",
      "Llevo la contabilidad de",
      "Sustituyo a",
      "Necesito timbrar en",
    ),
    fc.constantFrom("Centro", "Monterrey", "la matriz", "Ñuñoa & Hijos"),
    fc.constantFrom("", ".", "\nGracias.", " (urgente)"),
  )
  .map((parts) => parts.join(" "));

/** The motivo is multi-line: a line break, NEL among them (text-rules' line breaks), is allowed there. */
const mustBeRefusedInMotivo = (text: string) => mustBeRefused(text.replaceAll("\u0085", "\n"));

describe(`${SECTION}: the access request form access_requests.form (${testDatabaseKind} database)`, () => {
  let setup: TBadInputHarness;
  let requestView: TSlackView;
  let placeIds: string[] = [];
  let startSequence = 0;

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
          data: { companyId: xenon.id, postalCode: "26015", name: "Matriz" },
        })
      ).id,
    ];
    const summary = await messageThrough(setup.harness, REQUESTER.id, "/micuenta", "");
    requestView = await openModalByClick(
      setup.harness,
      REQUESTER.id,
      summary,
      AccessRequestsActionId.REQUEST,
    );
    startSequence = setup.harness.slack.workspace.lastSequence();
  });
  afterAll(() => setup.stop());

  const places: fc.Arbitrary<TPlaces> = fc.oneof(
    {
      weight: 10,
      arbitrary: fc
        .array(
          fc.oneof(
            { weight: 8, arbitrary: fc.constantFrom(0, 1).map((index) => placeIds[index] ?? "") },
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

  const text = (plausible: fc.Arbitrary<string>) =>
    plausible.map((value): TField => ({ kind: "text", text: value }));
  const input: fc.Arbitrary<TRequestFormInput> = withSomeFieldsHostile<TRequestFormInput>(
    {
      fullName: text(plausibleName),
      email: text(plausibleEmail),
      places: fc.constantFrom(0, 1).map((index): TPlaces => ({ kind: "ids", ids: [placeIds[index] ?? ""] })),
      reason: text(plausibleReason),
      extraBlock: fc.constant(false),
    },
    {
      fullName: field(plausibleName),
      email: field(plausibleEmail),
      places,
      reason: field(plausibleReason),
      extraBlock: fc.constant(true),
    },
  );

  function textState(value: TField): TJsonObject | undefined {
    if (value.kind === "missing") return undefined;
    return { [FIELD_ACTION_ID]: textInputState(value.kind === "text" ? value.text : value.value) };
  }

  function stateFor(submission: TRequestFormInput): TViewStateValues {
    const state: TViewStateValues = {};
    const put = (blockId: string, entry: TJsonObject | undefined) => {
      if (entry !== undefined) state[blockId] = entry as Record<string, TJsonObject>;
    };
    put(AccessRequestFormBlockId.FULL_NAME, textState(submission.fullName));
    put(AccessRequestFormBlockId.EMAIL, textState(submission.email));
    if (submission.places.kind !== "missing") {
      const selected =
        submission.places.kind === "ids"
          ? submission.places.ids.map((id) => ({ text: { type: "plain_text", text: "lugar" }, value: id }))
          : submission.places.value;
      put(AccessRequestFormBlockId.PLACES, {
        [REQUEST_PLACES_ACTION_ID]: {
          type: "multi_static_select",
          selected_options: selected as TJsonObject[string],
        },
      });
    }
    put(AccessRequestFormBlockId.REASON, textState(submission.reason));
    if (submission.extraBlock) put("evil_block", { evil: textInputState("<!channel>") });
    return state;
  }

  function expectationFor(submission: TRequestFormInput): TRefusalExpectation {
    const reasons: { block: string; because: string }[] = [];
    const required = (blockId: string, name: string, value: TField, refused: (text: string) => boolean) => {
      if (value.kind === "missing") reasons.push({ block: blockId, because: `${name} is missing` });
      else if (value.kind === "wrong_type") reasons.push({ block: blockId, because: `${name} is not text` });
      else if (refused(value.text))
        reasons.push({ block: blockId, because: `${name} holds ${describeForbidden(value.text)}` });
    };
    required(AccessRequestFormBlockId.FULL_NAME, "the name", submission.fullName, mustBeRefused);
    required(AccessRequestFormBlockId.EMAIL, "the email", submission.email, mustBeRefused);
    required(AccessRequestFormBlockId.REASON, "the motivo", submission.reason, mustBeRefusedInMotivo);
    if (submission.reason.kind === "text") {
      const motivo = submission.reason.text.normalize("NFC").trim();
      if (motivo === "") reasons.push({ block: AccessRequestFormBlockId.REASON, because: "no motivo" });
      if (motivo.length > ACCESS_REQUEST_REASON_MAX_LENGTH)
        reasons.push({ block: AccessRequestFormBlockId.REASON, because: "a motivo too long" });
    }
    // The bot trims the ids it is sent and drops the empty ones; so does this oracle.
    const chosen =
      submission.places.kind === "ids" ? submission.places.ids.map((id) => id.trim()).filter(Boolean) : [];
    if (submission.places.kind !== "ids")
      reasons.push({ block: AccessRequestFormBlockId.PLACES, because: "the places are not a list" });
    else if (chosen.length === 0)
      reasons.push({ block: AccessRequestFormBlockId.PLACES, because: "no place" });
    else if (chosen.some((id) => !placeIds.includes(id)))
      reasons.push({ block: AccessRequestFormBlockId.PLACES, because: "a place that does not exist" });
    if (reasons.length === 0) return MAY_BE_ACCEPTED;
    return {
      required: true,
      onOneOf: reasons.map((reason) => reason.block),
      because: reasons.map((reason) => reason.because).join("; "),
    };
  }

  const prisma = () => setup.harness.testDatabase.database.prisma;

  async function checkAccepted(): Promise<void> {
    const stored = await prisma().accessRequest.findUnique({ where: { openForSlackUserId: REQUESTER.id } });
    if (stored === null) throw new Error("accepted, but no open request is stored for the person");
    for (const [name, value] of [
      ["full_name", stored.fullName],
      ["email", stored.email],
      ["reason", stored.reason.replaceAll("\n", " ").replaceAll("\r", " ").replaceAll("\u0085", " ")],
    ] as const) {
      if (mustBeRefused(value)) throw new Error(`stored ${name} holds ${describeForbidden(value)}`);
    }
    if (stored.placeIds.some((id) => !placeIds.includes(id)))
      throw new Error("stored a place that does not exist");
  }

  /** Closes the accepted request as an admin's rejection would, so that the person may ask again. */
  async function afterAccepted(): Promise<void> {
    await prisma().accessRequest.updateMany({
      where: { openForSlackUserId: REQUESTER.id },
      data: { status: "REJECTED", openForSlackUserId: null, decidedAt: new Date(), decidedBy: "hardening" },
    });
  }

  it("1,000 generated submissions: no 5xx, a field error for each bad one, nothing changed by a refusal, no ping or link", async () => {
    await withRecordedRow({ section: SECTION, scenario: "access_requests.form" }, async (tally) => {
      const counts = await checkModalProperty<TRequestFormInput>({
        harness: setup.harness,
        personId: REQUESTER.id,
        numRuns: NUM_RUNS,
        tally,
        target: {
          arbitrary: input,
          viewFor: () => requestView,
          stateFor,
          expectationFor,
          acceptedWorkEndsWithResponseUrl: false,
          checkAccepted,
          afterAccepted,
        },
      });
      tally.note = `${counts.accepted} accepted, ${counts.refusedRequired} refused that had to be; slowest answer ${counts.slowestAnswer} ms`;
      expect(tally.changed).toBe(0);
      expect(tally.tried).toBeGreaterThanOrEqual(NUM_RUNS);
    });
  });

  it("the requests posted to the admin and the audit posts hold no ping or forged link, and the audit chain still verifies", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "access_requests.form: posts to the admin, audit posts and chain" },
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
