// Section 3 of issue 7, for the offboarding input of issue 12: Slack's user_change event, the one
// event that disables a portal account. 1,000 generated events, correctly signed (as if Slack sent
// them, or someone holding the signing secret), whose `user` is missing, not an object, or names a
// person by a hostile, mistyped, lower-cased, padded or unknown id, with `deleted` as a string, a
// number, null or missing. None may answer 5xx, none may fail in its listener (each event taken is
// handled to the end; one Bolt cannot read is refused with 400), and none may change anything: only `deleted: true` (the boolean) for the id
// of a linked person disables an account — the control at the end shows that one does.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverToApp } from "../../src/sandbox/deliver-to-app.ts";
import type { TJsonObject, TJsonValue } from "../../src/sandbox/json.ts";
import { buildEventCallback, buildUserChangeEvent, encodeEvent } from "../../src/sandbox/slack-payloads.ts";
import { PEOPLE, SIGNING_SECRET } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import { startBadInputHarness, type TBadInputHarness } from "./support/bad-input-steps.ts";
import { changedTables, createFingerprinter, type TFingerprinter } from "./support/database-fingerprint.ts";
import { waitUntil } from "./support/free-port.ts";
import { hostileText, notAString } from "./support/hostile-text.ts";
import { withRecordedRow } from "./support/results-table.ts";
import { NUM_RUNS, propertyParameters } from "./support/run-budget.ts";

const SECTION = "3. Bad input";
/** The linked person whose account a genuine deactivation would disable. */
const LINKED = PEOPLE.nobody;

type TUserField =
  | { readonly kind: "missing" }
  | { readonly kind: "not_an_object"; readonly value: unknown }
  | { readonly kind: "object"; readonly id: unknown; readonly deleted: unknown; readonly extra: boolean };

const nearlyTheLinkedId = fc.constantFrom(
  LINKED.id.toLowerCase(),
  ` ${LINKED.id}`,
  `${LINKED.id} `,
  `${LINKED.id}\n`,
  `${LINKED.id}\u0000`,
  `<@${LINKED.id}>`,
  LINKED.id.replace("U", "W"),
  `${LINKED.id}X`,
  LINKED.id.slice(0, -1),
  `${LINKED.id}' OR '1'='1`,
);
const someId: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nearlyTheLinkedId },
  { weight: 2, arbitrary: hostileText(fc.stringMatching(/^U0[A-Z0-9]{8}$/)) },
  { weight: 2, arbitrary: fc.constantFrom(PEOPLE.admin.id, PEOPLE.support.id, "U0NOBODY99", "") },
  { weight: 1, arbitrary: notAString },
  // The linked id itself, with a `deleted` that is never the boolean true (below).
  { weight: 2, arbitrary: fc.constant(LINKED.id) },
);
const notTrue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("true", "TRUE", 1, "1", "yes", null, false, [true], { value: true }),
  fc.constant(undefined),
);
const userField: fc.Arbitrary<TUserField> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<TUserField>({ kind: "missing" }) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(notAString, fc.constant(LINKED.id))
      .map((value): TUserField => ({ kind: "not_an_object", value })),
  },
  {
    weight: 8,
    arbitrary: fc
      .record({ id: someId, deleted: fc.oneof(notTrue, fc.constant(true)), extra: fc.boolean() })
      // The one combination that must act is left for the control.
      .filter((user) => !(user.id === LINKED.id && user.deleted === true))
      .map((user): TUserField => ({ kind: "object", ...user })),
  },
);

describe(`${SECTION}: Slack's user_change event (${testDatabaseKind} database)`, () => {
  let setup: TBadInputHarness;
  let fingerprinter: TFingerprinter;
  const prisma = () => setup.harness.testDatabase.database.prisma;

  function eventWith(user: TUserField): TJsonObject {
    const workspace = setup.harness.slack.workspace;
    const genuine = buildUserChangeEvent({
      user: workspace.user(LINKED.id) ?? LINKED,
      deleted: false,
      eventTs: workspace.identifiers.messageTimestamp(workspace.now()),
    });
    if (user.kind === "missing") {
      const { user: _left, ...rest } = genuine;
      return rest;
    }
    if (user.kind === "not_an_object") return { ...genuine, user: (user.value ?? null) as TJsonValue };
    const person = { ...(genuine.user as TJsonObject) };
    if (user.id === undefined) delete person.id;
    else person.id = user.id as TJsonValue;
    if (user.deleted === undefined) delete person.deleted;
    else person.deleted = user.deleted as TJsonValue;
    if (user.extra) person.is_admin = true;
    return { ...genuine, user: person };
  }

  async function deliver(event: TJsonObject) {
    const workspace = setup.harness.slack.workspace;
    const eventId = workspace.identifiers.eventId();
    const answer = await deliverToApp({
      appUrl: setup.harness.appUrl,
      signingSecret: SIGNING_SECRET,
      request: encodeEvent(
        buildEventCallback({
          app: workspace.app,
          event,
          eventId,
          eventTime: Math.floor(workspace.now() / 1000),
        }),
      ),
    });
    return { status: answer.status, eventId };
  }

  /** The listener ran to its end (the event's claim completed), not failed half-way. */
  const handledToTheEnd = (eventId: string) =>
    waitUntil(
      async () =>
        (await prisma().processedSlackEvent.count({ where: { eventId, completedAt: { not: null } } })) > 0
          ? true
          : undefined,
      {
        description: `event ${eventId} handled to its end`,
        timeoutMilliseconds: 5_000,
        intervalMilliseconds: 5,
      },
    );

  beforeAll(async () => {
    setup = await startBadInputHarness();
    const place = await prisma().issuingPlace.create({
      data: {
        postalCode: "26015",
        name: "Matriz",
        company: { create: { rfc: "XIA190128J61", legalName: "XENON INDUSTRIAL ARTICLES" } },
      },
    });
    await prisma().portalUser.create({
      data: {
        username: "nadia.vinculada",
        fullName: "Nadia Vinculada",
        email: "nadia@cliente.example",
        emailNormalized: "nadia@cliente.example",
        slackUserId: LINKED.id,
        places: { create: [{ placeId: place.id }] },
      },
    });
    // Each event claims its id in processed_slack_events: that table changes by design.
    fingerprinter = await createFingerprinter(setup.harness.testDatabase.database, {
      exclude: ["processed_slack_events"],
    });
  });
  afterAll(() => setup.stop());

  it("1,000 generated events: no 5xx, each handled to its end, none disables or changes anything", async () => {
    await withRecordedRow({ section: SECTION, scenario: "user_change event" }, async (tally) => {
      const before = await fingerprinter.take();
      await fc.assert(
        fc.asyncProperty(userField, async (user) => {
          const { status, eventId } = await deliver(eventWith(user));
          tally.tried += 1;
          expect(status, `answer to ${JSON.stringify(user)}`).toBeLessThan(500);
          // A body Bolt cannot read is refused (400) before any listener; the rest run to the end.
          if (status >= 400) tally.refused += 1;
          else await handledToTheEnd(eventId);
          const changed = changedTables(before, await fingerprinter.take());
          if (changed.length > 0) tally.changed += 1;
          expect(changed, `tables changed by ${JSON.stringify(user)}`).toEqual([]);
        }),
        propertyParameters<TUserField>(),
      );
      tally.note = `signed events with a missing, mistyped or hostile user; ${tally.refused} unreadable ones refused with 400, the rest handled; nothing changed`;
      expect(tally.tried).toBeGreaterThanOrEqual(NUM_RUNS);
    });
  });

  it("control: the genuine deactivation of the linked person disables the account", async () => {
    await withRecordedRow({ section: SECTION, scenario: "user_change event: control" }, async (tally) => {
      const workspace = setup.harness.slack.workspace;
      const { status, eventId } = await deliver(
        buildUserChangeEvent({
          user: workspace.user(LINKED.id) ?? LINKED,
          deleted: true,
          eventTs: workspace.identifiers.messageTimestamp(workspace.now()),
        }),
      );
      tally.tried = 1;
      expect(status).toBe(200);
      await handledToTheEnd(eventId);
      const account = await prisma().portalUser.findUniqueOrThrow({ where: { username: "nadia.vinculada" } });
      expect(account.disabledAt).not.toBeNull();
      expect(account.slackPersonGoneAt).not.toBeNull();
      tally.note = "the one event that may act did";
    });
  });
});
