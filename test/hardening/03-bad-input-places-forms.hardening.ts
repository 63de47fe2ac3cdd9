// Section 3 of issue 7, the forms of /lugares: the company form (RFC, Razón social) and the place
// form (Código postal, Nombre del lugar), new and edited — 1,000 generated submissions each, as
// signed view_submission requests for the forms the bot opened. Then the outbox is delivered and
// its posts searched, and the audit chain verified.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TJsonObject } from "../../src/sandbox/json.ts";
import type { TSlackView } from "../../src/sandbox/slack-records.ts";
import type { TViewStateValues } from "../../src/sandbox/view-state.ts";
import {
  CompanyFormBlockId,
  FIELD_ACTION_ID,
  PlaceFormBlockId,
  PlacesActionId,
} from "../../src/slack/features/places/ids.ts";
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

interface TTwoFieldInput {
  readonly mode: "new" | "edit";
  readonly first: TField;
  readonly second: TField;
  readonly extraBlock: boolean;
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ&Ñ";
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** An RFC that matches SAT's pattern: 3 or 4 letters, a date, a homoclave. */
const plausibleRfc = fc
  .tuple(
    fc.array(fc.constantFrom(...LETTERS), { minLength: 3, maxLength: 4 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.array(fc.constantFrom(...ALPHANUMERIC), { minLength: 2, maxLength: 2 }),
    fc.constantFrom(..."0123456789A"),
    fc.constantFrom("plain", "lower", "spaced"),
  )
  .map(([letters, year, month, day, homoclave, check, shape]) => {
    const two = (value: number) => String(value).padStart(2, "0");
    const rfc = `${letters.join("")}${two(year)}${two(month)}${two(day)}${homoclave.join("")}${check}`;
    if (shape === "lower") return rfc.toLowerCase();
    if (shape === "spaced") return `${rfc.slice(0, -3)} - ${rfc.slice(-3)}`;
    return rfc;
  });

const plausibleLegalName = fc
  .tuple(
    fc.constantFrom(
      "ESCUELA KEMPER URGATE",
      "XENON INDUSTRIAL ARTICLES",
      "Comercializadora Peña & Hijos",
      "Ñandú",
    ),
    fc.constantFrom("S.A. de C.V.", "S. de R.L.", "A.C.", ""),
    fc.integer({ min: 0, max: 99_999 }),
  )
  .map(([name, kind, number]) => `${name} ${number} ${kind}`.trim());

const plausiblePostalCode = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom("", " ", "  "))
  .map(([number, padding]) => `${padding}${String(number).padStart(5, "0")}${padding}`);

const plausiblePlaceName = fc
  .tuple(
    fc.constantFrom("Centro", "Monterrey Norte", "Sucursal Peña", "Matriz", "Almacén Nº"),
    fc.integer({ min: 0, max: 99_999 }),
  )
  .map(([name, number]) => `${name} ${number}`);

function field(plausible: fc.Arbitrary<string>): fc.Arbitrary<TField> {
  return fc.oneof(
    { weight: 14, arbitrary: hostileText(plausible).map((text): TField => ({ kind: "text", text })) },
    { weight: 1, arbitrary: fc.constant<TField>({ kind: "missing" }) },
    { weight: 1, arbitrary: notAString.map((value): TField => ({ kind: "wrong_type", value })) },
  );
}

function twoFieldInput(
  first: fc.Arbitrary<string>,
  second: fc.Arbitrary<string>,
): fc.Arbitrary<TTwoFieldInput> {
  const text = (plausible: fc.Arbitrary<string>) =>
    plausible.map((value): TField => ({ kind: "text", text: value }));
  return fc
    .tuple(
      fc.constantFrom<"new" | "edit">("new", "new", "edit"),
      withSomeFieldsHostile<Omit<TTwoFieldInput, "mode">>(
        { first: text(first), second: text(second), extraBlock: fc.constant(false) },
        { first: field(first), second: field(second), extraBlock: fc.constant(true) },
      ),
    )
    .map(([mode, fields]) => ({ mode, ...fields }));
}

function textState(value: TField): Record<string, TJsonObject> | undefined {
  if (value.kind === "missing") return undefined;
  return { [FIELD_ACTION_ID]: textInputState(value.kind === "text" ? value.text : value.value) };
}

function stateOf(input: TTwoFieldInput, firstBlock: string, secondBlock: string): TViewStateValues {
  const state: TViewStateValues = {};
  const first = textState(input.first);
  const second = textState(input.second);
  if (first !== undefined) state[firstBlock] = first;
  if (second !== undefined) state[secondBlock] = second;
  if (input.extraBlock) state.evil_block = { evil: textInputState("<!here>") };
  return state;
}

function expectationOf(
  input: TTwoFieldInput,
  fields: readonly { readonly block: string; readonly name: string; readonly value: TField }[],
): TRefusalExpectation {
  const reasons: { block: string; because: string }[] = [];
  for (const { block, name, value } of fields) {
    if (value.kind === "missing") reasons.push({ block, because: `${name} is missing` });
    else if (value.kind === "wrong_type") reasons.push({ block, because: `${name} is not text` });
    else if (mustBeRefused(value.text))
      reasons.push({ block, because: `${name} holds ${describeForbidden(value.text)}` });
  }
  void input;
  if (reasons.length === 0) return MAY_BE_ACCEPTED;
  return {
    required: true,
    onOneOf: reasons.map((reason) => reason.block),
    because: reasons.map((reason) => reason.because).join("; "),
  };
}

describe(`${SECTION}: the company and place forms of /lugares (${testDatabaseKind} database)`, () => {
  let setup: TBadInputHarness;
  const views: Record<"newCompany" | "editCompany" | "newPlace" | "editPlace", TSlackView | undefined> = {
    newCompany: undefined,
    editCompany: undefined,
    newPlace: undefined,
    editPlace: undefined,
  };
  let startSequence = 0;

  const view = (name: keyof typeof views): TSlackView => {
    const found = views[name];
    if (found === undefined) throw new Error(`the ${name} form was not opened`);
    return withFreshResponseUrl(setup.harness, found, ACTING_ADMIN.id);
  };

  beforeAll(async () => {
    setup = await startBadInputHarness();
    const prisma = setup.harness.testDatabase.database.prisma;
    const kemper = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    await prisma.issuingPlace.create({ data: { companyId: kemper.id, postalCode: "06000", name: "Centro" } });
    const catalogue = await messageThrough(setup.harness, ACTING_ADMIN.id, "/lugares", "");
    views.newCompany = await openModalByClick(
      setup.harness,
      ACTING_ADMIN.id,
      catalogue,
      PlacesActionId.NEW_COMPANY,
    );
    views.editCompany = await openModalByClick(
      setup.harness,
      ACTING_ADMIN.id,
      catalogue,
      PlacesActionId.EDIT_COMPANY,
    );
    views.newPlace = await openModalByClick(
      setup.harness,
      ACTING_ADMIN.id,
      catalogue,
      PlacesActionId.ADD_PLACE,
    );
    views.editPlace = await openModalByClick(
      setup.harness,
      ACTING_ADMIN.id,
      catalogue,
      PlacesActionId.EDIT_PLACE,
    );
    startSequence = setup.harness.slack.workspace.lastSequence();
  });
  afterAll(() => setup.stop());

  it("company form: 1,000 generated submissions, no 5xx, a field error for each bad one, nothing changed by a refusal, no ping or link", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "places.company_form (new and edit)" },
      async (tally) => {
        const counts = await checkModalProperty<TTwoFieldInput>({
          harness: setup.harness,
          personId: ACTING_ADMIN.id,
          numRuns: NUM_RUNS,
          tally,
          target: {
            arbitrary: twoFieldInput(plausibleRfc, plausibleLegalName),
            viewFor: (input) => view(input.mode === "new" ? "newCompany" : "editCompany"),
            stateFor: (input) => stateOf(input, CompanyFormBlockId.RFC, CompanyFormBlockId.LEGAL_NAME),
            expectationFor: (input) =>
              expectationOf(input, [
                { block: CompanyFormBlockId.RFC, name: "the RFC", value: input.first },
                { block: CompanyFormBlockId.LEGAL_NAME, name: "the razón social", value: input.second },
              ]),
            acceptedWorkEndsWithResponseUrl: true,
          },
        });
        tally.note = `${counts.accepted} accepted, ${counts.refusedRequired} refused that had to be; slowest answer ${counts.slowestAnswer} ms`;
        expect(tally.changed).toBe(0);
        expect(tally.tried).toBeGreaterThanOrEqual(NUM_RUNS);
      },
    );
  });

  it("place form: 1,000 generated submissions, no 5xx, a field error for each bad one, nothing changed by a refusal, no ping or link", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "places.place_form (new and edit)" },
      async (tally) => {
        const counts = await checkModalProperty<TTwoFieldInput>({
          harness: setup.harness,
          personId: ACTING_ADMIN.id,
          numRuns: NUM_RUNS,
          tally,
          target: {
            arbitrary: twoFieldInput(plausiblePostalCode, plausiblePlaceName),
            viewFor: (input) => view(input.mode === "new" ? "newPlace" : "editPlace"),
            stateFor: (input) => stateOf(input, PlaceFormBlockId.POSTAL_CODE, PlaceFormBlockId.PLACE_NAME),
            expectationFor: (input) =>
              expectationOf(input, [
                { block: PlaceFormBlockId.POSTAL_CODE, name: "the código postal", value: input.first },
                { block: PlaceFormBlockId.PLACE_NAME, name: "the place's name", value: input.second },
              ]),
            acceptedWorkEndsWithResponseUrl: true,
          },
        });
        tally.note = `${counts.accepted} accepted, ${counts.refusedRequired} refused that had to be; slowest answer ${counts.slowestAnswer} ms`;
        expect(tally.changed).toBe(0);
        expect(tally.tried).toBeGreaterThanOrEqual(NUM_RUNS);
      },
    );
  });

  it("the audit posts that follow hold no ping or forged link, and the audit chain still verifies", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "/lugares forms: audit posts and chain" },
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
