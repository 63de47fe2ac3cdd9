// Section 1 of issue 7: requests that claim to come from Slack and do not — signed with another
// secret, a signature or timestamp header left out, a timestamp six minutes old or minutes to a
// year ahead, a body or timestamp changed after signing — for every kind of request the bot takes
// (slash command, block_actions, view_submission, block_suggestion, event_callback — a DM, the App
// Home, and user_change, which would disable a linked account). Each must be
// refused (4xx) with nothing changed in the database and nothing said in Slack; the same requests
// correctly signed are then taken (the control: the forgeries were refused for their signature).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInteractiveElement } from "../../src/sandbox/block-kit-reading.ts";
import {
  buildAction,
  buildAppHomeOpenedEvent,
  buildBlockActionsPayload,
  buildBlockSuggestionPayload,
  buildDirectMessageEvent,
  buildEventCallback,
  buildSlashCommandFields,
  buildUserChangeEvent,
  buildViewSubmissionPayload,
  DIRECT_MESSAGE_CHANNEL_NAME,
  encodeEvent,
  encodeForm,
  encodeInteraction,
  type TEncodedRequest,
} from "../../src/sandbox/slack-payloads.ts";
import type { TSlackMessage } from "../../src/sandbox/slack-records.ts";
import { PLACES_ACTION_ID, UserFormBlockId, UsersActionId } from "../../src/slack/features/users/ids.ts";
import { PEOPLE, SIGNING_SECRET, startSlackHarness, type TSlackHarness } from "../support/slack-harness.ts";
import { testDatabaseKind } from "../support/test-database.ts";
import { openModalThrough, settleOutbox } from "./support/bad-input-steps.ts";
import { changedTables, createFingerprinter, type TFingerprinter } from "./support/database-fingerprint.ts";
import { waitUntil } from "./support/free-port.ts";
import { withRecordedRow } from "./support/results-table.ts";
import { ALL_FORGERIES, sendSignedRequest, type TForgery } from "./support/signed-requests.ts";

const SECTION = "1. Forged requests";
const ADMIN = PEOPLE.admin;

interface TRequestKind {
  readonly name: string;
  /** A new copy of the request (new trigger and event ids), as Slack would send it now. */
  build(): TEncodedRequest;
  /** The body an attacker would send instead, after signing the original: another account, another text. */
  alter(body: string): string;
  /** What the correctly signed copy does that a forgery must not: resolves once it happened. */
  takenEffect(sequence: number): Promise<void>;
}

describe(`${SECTION} (${testDatabaseKind} database)`, () => {
  let harness: TSlackHarness;
  let fingerprinter: TFingerprinter;
  let kinds: TRequestKind[] = [];
  /** The timeline position before the first forgery. */
  let forgeriesStartedAt = 0;

  beforeAll(async () => {
    harness = await startSlackHarness();
    const { workspace } = harness.slack;
    const prisma = harness.testDatabase.database.prisma;
    const company = await prisma.company.create({
      data: { rfc: "EKU9003173C9", legalName: "ESCUELA KEMPER URGATE" },
    });
    const place = await prisma.issuingPlace.create({
      data: { companyId: company.id, postalCode: "06000", name: "Centro" },
    });
    await prisma.portalUser.create({
      data: {
        username: "ana.ruiz",
        fullName: "Ana Ruiz",
        email: "ana.ruiz@cliente.example",
        emailNormalized: "ana.ruiz@cliente.example",
        places: { create: [{ placeId: place.id }] },
      },
    });
    // The linked account a forged user_change (its person deactivated) would disable.
    await prisma.portalUser.create({
      data: {
        username: "carla.contadora",
        fullName: "Carla Contadora",
        email: "carla@cliente.example",
        emailNormalized: "carla@cliente.example",
        slackUserId: PEOPLE.accountant.id,
        places: { create: [{ placeId: place.id }] },
      },
    });
    const admin = harness.as(ADMIN.id);
    const directMessage = { id: admin.directMessageChannelId, name: DIRECT_MESSAGE_CHANNEL_NAME };

    // The confirmation message whose Sí a forged block_actions presses.
    const asked = await admin.runSlashCommand("/usuarios", "eliminar ana.ruiz");
    const confirmation = await workspace.waitFor(
      () => {
        const latest: TSlackMessage | undefined = admin.lastEphemeral();
        return latest !== undefined &&
          findInteractiveElement(latest.blocks, { actionId: UsersActionId.CONFIRM_DELETE }) !== undefined
          ? latest
          : undefined;
      },
      { description: "the ¿Eliminar? question", timeoutMilliseconds: 10_000 },
    );
    expect(asked.acknowledged).toBe(true);
    const yes = findInteractiveElement(confirmation.blocks, { actionId: UsersActionId.CONFIRM_DELETE });
    if (yes === undefined) throw new Error("no Sí button");
    // The form whose submission a forged view_submission sends, and whose menu a forged options request searches.
    const form = await openModalThrough(harness, ADMIN.id, "/usuarios", "nuevo");

    const accountsNamed = (username: string) => prisma.portalUser.count({ where: { username } });
    const waitForCall = (method: string, sequence: number) =>
      harness.slack
        .waitForCall(method, { since: sequence, timeoutMilliseconds: 10_000 })
        .then(() => undefined);

    kinds = [
      {
        name: "slash command",
        build: () =>
          encodeForm(
            buildSlashCommandFields({
              app: workspace.app,
              user: ADMIN,
              channel: directMessage,
              command: "/usuarios",
              text: "eliminar ana.ruiz",
              triggerId: workspace.issueTrigger(ADMIN.id),
              responseUrl: workspace.issueResponseUrl({
                userId: ADMIN.id,
                channelId: directMessage.id,
                source: { kind: "command" },
              }).url,
            }),
          ),
        alter: (body) => body.replace("ana.ruiz", "otra.cuenta"),
        takenEffect: (sequence) =>
          waitUntil(
            () =>
              harness.slack
                .timeline(sequence)
                .some((entry) => entry.kind === "app_request" && entry.status === 200)
                ? true
                : undefined,
            { description: "the command answered" },
          ).then(() => undefined),
      },
      {
        name: "block_actions (Sí on ¿Eliminar?)",
        build: () =>
          encodeInteraction(
            buildBlockActionsPayload({
              app: workspace.app,
              user: ADMIN,
              triggerId: workspace.issueTrigger(ADMIN.id),
              container: {
                kind: "message",
                message: confirmation,
                channel: directMessage,
                responseUrl: workspace.issueResponseUrl({
                  userId: ADMIN.id,
                  channelId: directMessage.id,
                  source: { kind: "message", ts: confirmation.ts },
                }).url,
              },
              actions: [buildAction(yes, undefined, workspace.identifiers.messageTimestamp(workspace.now()))],
              stateValues: {},
            }),
          ),
        alter: (body) => body.replace(ADMIN.id, PEOPLE.support.id),
        takenEffect: () =>
          waitUntil(async () => ((await accountsNamed("ana.ruiz")) === 0 ? true : undefined), {
            description: "ana.ruiz deleted",
          }).then(() => undefined),
      },
      {
        name: "view_submission (Nuevo usuario)",
        build: () =>
          encodeInteraction(
            buildViewSubmissionPayload({
              app: workspace.app,
              user: ADMIN,
              triggerId: workspace.issueTrigger(ADMIN.id),
              view: form,
              stateValues: {
                [UserFormBlockId.USERNAME]: { value: { type: "plain_text_input", value: "cuenta.forjada" } },
                [UserFormBlockId.FULL_NAME]: { value: { type: "plain_text_input", value: "Cuenta Forjada" } },
                [UserFormBlockId.EMAIL]: {
                  value: { type: "plain_text_input", value: "forjada@cliente.example" },
                },
                [UserFormBlockId.SLACK_USER]: { value: { type: "users_select", selected_user: null } },
                [UserFormBlockId.PLACES]: {
                  [PLACES_ACTION_ID]: {
                    type: "multi_static_select",
                    selected_options: [{ text: { type: "plain_text", text: "Centro" }, value: place.id }],
                  },
                },
              },
            }),
          ),
        alter: (body) => body.replace("cuenta.forjada", "cuenta.otra"),
        takenEffect: () =>
          waitUntil(async () => ((await accountsNamed("cuenta.forjada")) === 1 ? true : undefined), {
            description: "cuenta.forjada created",
          }).then(() => undefined),
      },
      {
        name: "block_suggestion (Lugares de expedición)",
        build: () =>
          encodeInteraction(
            buildBlockSuggestionPayload({
              app: workspace.app,
              user: ADMIN,
              actionId: PLACES_ACTION_ID,
              blockId: UserFormBlockId.PLACES,
              value: "Centro",
              container: { kind: "view", view: form },
            }),
          ),
        alter: (body) => body.replace("Centro", "Norte"),
        takenEffect: (sequence) =>
          waitUntil(
            () =>
              harness.slack
                .timeline(sequence)
                .some((entry) => entry.kind === "app_request" && entry.status === 200)
                ? true
                : undefined,
            { description: "the options answered" },
          ).then(() => undefined),
      },
      {
        name: "event_callback (message.im)",
        build: () =>
          encodeEvent(
            buildEventCallback({
              app: workspace.app,
              event: buildDirectMessageEvent({
                user: ADMIN,
                channelId: directMessage.id,
                text: "hola",
                ts: workspace.identifiers.messageTimestamp(workspace.now()),
                clientMessageId: workspace.identifiers.clientMessageId(),
              }),
              eventId: workspace.identifiers.eventId(),
              eventTime: Math.floor(workspace.now() / 1000),
            }),
          ),
        alter: (body) => body.replace('"hola"', '"adiós"'),
        takenEffect: (sequence) => waitForCall("chat.postMessage", sequence),
      },
      {
        name: "event_callback (app_home_opened)",
        build: () =>
          encodeEvent(
            buildEventCallback({
              app: workspace.app,
              event: buildAppHomeOpenedEvent({
                user: ADMIN,
                channelId: directMessage.id,
                tab: "home",
                view: undefined,
                eventTs: workspace.identifiers.messageTimestamp(workspace.now()),
              }),
              eventId: workspace.identifiers.eventId(),
              eventTime: Math.floor(workspace.now() / 1000),
            }),
          ),
        alter: (body) => body.replace(ADMIN.id, PEOPLE.nobody.id),
        takenEffect: (sequence) => waitForCall("views.publish", sequence),
      },
      {
        name: "event_callback (user_change, deactivated)",
        build: () =>
          encodeEvent(
            buildEventCallback({
              app: workspace.app,
              event: buildUserChangeEvent({
                user: PEOPLE.accountant,
                deleted: true,
                eventTs: workspace.identifiers.messageTimestamp(workspace.now()),
              }),
              eventId: workspace.identifiers.eventId(),
              eventTime: Math.floor(workspace.now() / 1000),
            }),
          ),
        alter: (body) => body.replace(PEOPLE.accountant.id, ADMIN.id),
        takenEffect: () =>
          waitUntil(
            async () =>
              (await prisma.portalUser.count({
                where: { username: "carla.contadora", disabledAt: { not: null } },
              })) > 0
                ? true
                : undefined,
            { description: "the linked account disabled" },
          ).then(() => undefined),
      },
    ];
    fingerprinter = await createFingerprinter(harness.testDatabase.database);
    // The confirmation, the form and the roles granted at start are posted and delivered first:
    // nothing the bot does on its own may move under a forged request.
    await settleOutbox(harness);
    forgeriesStartedAt = harness.slack.workspace.lastSequence();
  });
  afterAll(() => harness.stop());

  /** What the bot said to Slack (Web API calls, response_url posts) after `sequence`. */
  const botCallsSince = (sequence: number) =>
    harness.slack
      .timeline(sequence)
      .filter((entry) => entry.kind === "api_call" || entry.kind === "response_url");

  async function tryForgery(
    forgery: TForgery,
    kind: TRequestKind,
  ): Promise<{ refused: boolean; changed: string[] }> {
    const request = kind.build();
    const before = await fingerprinter.take();
    const answer = await sendSignedRequest({
      appUrl: harness.appUrl,
      signingSecret: SIGNING_SECRET,
      request,
      forgery,
      changedBody: kind.alter(request.body),
    });
    const refused = answer.status >= 400 && answer.status < 500;
    const changed = changedTables(before, await fingerprinter.take());
    return { refused, changed: refused ? changed : [`answered HTTP ${answer.status}`, ...changed] };
  }

  for (const forgery of ALL_FORGERIES) {
    it(`refuses every kind of request with a ${forgery}, and changes nothing`, async () => {
      await withRecordedRow({ section: SECTION, scenario: forgery }, async (tally) => {
        const failures: string[] = [];
        for (const kind of kinds) {
          const outcome = await tryForgery(forgery, kind);
          tally.tried += 1;
          if (outcome.refused) tally.refused += 1;
          if (outcome.changed.length > 0) {
            if (outcome.refused) tally.changed += 1;
            failures.push(`${kind.name}: ${outcome.changed.join(", ")}`);
          }
        }
        tally.note = `${kinds.length} kinds of request`;
        expect(failures).toEqual([]);
      });
    });
  }

  it("said nothing in Slack for any forgery, not even late", async () => {
    // Checked once for all of them: a late effect of one forgery cannot be told from the next one's.
    expect(botCallsSince(forgeriesStartedAt).map((entry) => `${entry.kind} ${entry.name}`)).toEqual([]);
  });

  it("takes the same requests when they are signed correctly (the control)", async () => {
    await withRecordedRow(
      { section: SECTION, scenario: "correctly signed copies (control)" },
      async (tally) => {
        const failures: string[] = [];
        for (const kind of kinds) {
          const sequence = harness.slack.workspace.lastSequence();
          const answer = await sendSignedRequest({
            appUrl: harness.appUrl,
            signingSecret: SIGNING_SECRET,
            request: kind.build(),
          });
          // In the timeline like the simulator's own requests, so that takenEffect can see the answer.
          harness.slack.workspace.record({
            kind: "app_request",
            name: kind.name,
            userId: ADMIN.id,
            request: null,
            status: answer.status,
            response: answer.text,
          });
          tally.tried += 1;
          if (answer.status !== 200) {
            tally.refused += 1;
            failures.push(`${kind.name}: HTTP ${answer.status}`);
            continue;
          }
          try {
            await kind.takenEffect(sequence);
          } catch (error) {
            tally.lost += 1;
            failures.push(`${kind.name}: ${String(error)}`);
          }
        }
        tally.note = "so the forgeries were refused for their signature alone";
        expect(failures).toEqual([]);
      },
    );
  });
});
