import { createPortalUser } from "../../../../src/application/users/create-portal-user.ts";
import type { TPortalUserDetails } from "../../../../src/application/users/portal-user-details.ts";
import { findInteractiveElement } from "../../../../src/sandbox/block-kit-reading.ts";
import { deliverToApp, type TDeliveryOptions } from "../../../../src/sandbox/deliver-to-app.ts";
import type { TJsonObject } from "../../../../src/sandbox/json.ts";
import {
  buildAction,
  buildBlockActionsPayload,
  DIRECT_MESSAGE_CHANNEL_NAME,
  encodeInteraction,
} from "../../../../src/sandbox/slack-payloads.ts";
import type { TSlackMessage, TSlackView } from "../../../../src/sandbox/slack-records.ts";
import type { TAppAnswer, TButtonTarget } from "../../../../src/sandbox/slack-user-simulator.ts";
import type { TUserInputs } from "../../../../src/sandbox/view-state.ts";
import { slackContext } from "../../../support/seed.ts";
import {
  expectAcknowledged,
  PATIENCE,
  SLACK_DEADLINE_MILLISECONDS,
  type TAnswer,
  textOf,
} from "../../../support/slack-answers.ts";
import { SIGNING_SECRET, type TMailboxSlackHarness } from "../../../support/slack-harness.ts";

export { expectAcknowledged, PATIENCE, slackContext, type TAnswer, textOf };

export interface TUsersSteps {
  /** `/usuarios <text>` as that person; the message shown in the ack, when there is one. */
  command(personId: string, text?: string): Promise<{ answer: TAppAnswer; shown: TSlackMessage | undefined }>;
  /** `/usuarios nuevo` or `/usuarios editar <cuenta>`: the modal the app opened after its ack. */
  openForm(personId: string, text: string): Promise<TSlackView>;
  /** Clicks a button that opens a form (Nuevo usuario, Editar): the modal the app opened after its ack. */
  clickToOpenForm(personId: string, target: TButtonTarget): Promise<TSlackView>;
  click(personId: string, target: TButtonTarget): Promise<TAppAnswer>;
  /** Clicks and waits for the app's answer through the response_url: the message the person then sees. */
  clickAndWaitForAnswer(personId: string, target: TButtonTarget): Promise<TSlackMessage>;
  submit(personId: string, viewId: string, values?: TUserInputs): Promise<TAppAnswer>;
  /** What the app posted to the person's response_url after `answer`: the message as the person now sees it. */
  responseAfter(personId: string, answer: { sequence: number }): Promise<TSlackMessage>;
  /**
   * A block_actions payload Slack's client would never send: `forger` clicks a button of a message
   * shown to someone else, with that button's value. The app's answer reaches the forger through a
   * response_url of their own (a new ephemeral message).
   */
  forgeClick(
    forgerId: string,
    surface: TSlackMessage,
    target: { actionId: string; value?: string },
    delivery?: TDeliveryOptions,
  ): Promise<TAnswer>;
  /** The account straight from the database, for setting up what a test is not about. */
  createUser(fields: {
    username: string;
    fullName?: string;
    email?: string;
    slackUserId?: string;
    placeIds: string[];
  }): Promise<TPortalUserDetails>;
  auditRows(action?: string): Promise<
    Array<{
      id: bigint;
      action: string;
      actorId: string;
      targetLabel: string | null;
      changes: unknown;
      result: string;
    }>
  >;
}

export function usersSteps(harness: () => TMailboxSlackHarness, adminId: string): TUsersSteps {
  async function modalOpenedAfter(personId: string, answer: TAppAnswer): Promise<TSlackView> {
    await harness().slack.waitForCall("views.open", { since: answer.sequence, ...PATIENCE });
    const modal = harness().as(personId).openModal();
    if (modal === undefined) throw new Error("the app opened no modal");
    return modal;
  }

  const steps: TUsersSteps = {
    async command(personId, text = "") {
      const person = harness().as(personId);
      const before = person.ephemeralMessages().length;
      const answer = expectAcknowledged(await person.runSlashCommand("/usuarios", text));
      const shown = person.ephemeralMessages().length > before ? person.lastEphemeral() : undefined;
      return { answer, shown };
    },

    async openForm(personId, text) {
      const person = harness().as(personId);
      const answer = expectAcknowledged(await person.runSlashCommand("/usuarios", text));
      return modalOpenedAfter(personId, answer);
    },

    async clickToOpenForm(personId, target) {
      return modalOpenedAfter(personId, await steps.click(personId, target));
    },

    async click(personId, target) {
      return expectAcknowledged(await harness().as(personId).clickButton(target));
    },

    async clickAndWaitForAnswer(personId, target) {
      const answer = await steps.click(personId, target);
      return steps.responseAfter(personId, answer);
    },

    async submit(personId, viewId, values = {}) {
      return expectAcknowledged(await harness().as(personId).submitView(viewId, values));
    },

    async responseAfter(personId, answer) {
      const slack = harness().slack;
      await slack.workspace.waitFor(
        () =>
          slack
            .timeline(answer.sequence)
            .find((entry) => entry.kind === "response_url" && entry.userId === personId),
        { description: `the app's answer to ${personId} through the response_url`, ...PATIENCE },
      );
      const latest = slack.ephemeralFor(personId).at(-1);
      if (latest === undefined) throw new Error(`${personId} sees no message`);
      return latest;
    },

    async forgeClick(forgerId, surface, target, delivery) {
      const { workspace } = harness().slack;
      const forger = workspace.user(forgerId);
      if (forger === undefined) throw new Error(`no ${forgerId} in the workspace`);
      const element = findInteractiveElement(surface.blocks, {
        actionId: target.actionId,
        ...(target.value === undefined ? {} : { value: target.value }),
      });
      if (element === undefined) throw new Error(`the message shows no ${target.actionId}`);
      const responseUrl = workspace.issueResponseUrl({
        userId: forgerId,
        channelId: workspace.directMessageChannelOf(forgerId),
        source: { kind: "command" },
      });
      const payload: TJsonObject = buildBlockActionsPayload({
        app: workspace.app,
        user: forger,
        triggerId: workspace.issueTrigger(forgerId),
        container: {
          kind: "message",
          message: surface,
          channel: { id: surface.channel, name: DIRECT_MESSAGE_CHANNEL_NAME },
          responseUrl: responseUrl.url,
        },
        actions: [buildAction(element, undefined, workspace.identifiers.messageTimestamp(workspace.now()))],
        stateValues: {},
      });
      const sequence = workspace.lastSequence();
      const answer = await deliverToApp({
        appUrl: harness().appUrl,
        signingSecret: SIGNING_SECRET,
        request: encodeInteraction(payload),
        ...(delivery === undefined ? {} : { delivery }),
      });
      const acknowledged =
        answer.status >= 200 &&
        answer.status < 300 &&
        answer.elapsedMilliseconds <= SLACK_DEADLINE_MILLISECONDS;
      return { ...answer, acknowledged, refusedBySlack: [], sequence };
    },

    createUser(fields) {
      return createPortalUser(harness().bot.dependencies, {
        context: slackContext(adminId),
        fields: {
          username: fields.username,
          fullName: fields.fullName ?? `Persona ${fields.username}`,
          email: fields.email ?? `${fields.username}@cliente.example`,
          slackUserId: fields.slackUserId,
          placeIds: fields.placeIds,
        },
      });
    },

    auditRows(action) {
      return harness().testDatabase.database.prisma.auditEvent.findMany({
        where: action === undefined ? {} : { action },
        orderBy: { id: "asc" },
        select: { id: true, action: true, actorId: true, targetLabel: true, changes: true, result: true },
      });
    },
  };
  return steps;
}
