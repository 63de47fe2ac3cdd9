// One person using Slack against the app: they run slash commands, click buttons and pick options in
// what they see, fill in and submit modals, search external menus, write to the app and open its Home
// tab. Every step is a signed HTTP request to the app built as Slack builds it; the app's answer is
// applied as Slack applies it (a message shown, a modal updated, errors beside fields) and returned.
// Only what the person can see can be used: clicking a button no message shows is refused.
import {
  ACKNOWLEDGEMENT_DEADLINE_MILLISECONDS,
  applyViewSubmissionAnswer,
  readOptionsAnswer,
  showCommandAnswer,
} from "./app-answers.ts";
import {
  findInteractiveElement,
  interactiveElementsOf,
  optionsOf,
  type TInteractiveElement,
} from "./block-kit-reading.ts";
import { deliverToApp, type TDeliveryOptions } from "./deliver-to-app.ts";
import type { TFakeSlackWebApi } from "./fake-slack-web-api.ts";
import { numberField, stringField, type TJsonObject, type TJsonValue } from "./json.ts";
import {
  buildAction,
  buildAppHomeOpenedEvent,
  buildBlockActionsPayload,
  buildBlockSuggestionPayload,
  buildDirectMessageEvent,
  buildEventCallback,
  buildSlashCommandFields,
  buildUrlVerification,
  buildViewClosedPayload,
  buildViewSubmissionPayload,
  DIRECT_MESSAGE_CHANNEL_NAME,
  decodeRequestBody,
  encodeEvent,
  encodeForm,
  encodeInteraction,
  slackViewObject,
  type TActionContainer,
  type TEncodedRequest,
  type TPayloadChannel,
} from "./slack-payloads.ts";
import type { TSlackMessage, TSlackUser, TSlackView } from "./slack-records.ts";
import type { TSlackWorkspace } from "./slack-workspace.ts";
import {
  buildStateValues,
  clientSideInputErrors,
  SlackClientRefusal,
  stateValueFromInput,
  type TStateContext,
  type TUserInput,
  type TUserInputs,
  ViewInputRefusedError,
} from "./view-state.ts";

export type { TDeliveryOptions } from "./deliver-to-app.ts";

export interface TSlackUserSimulatorOptions {
  /** The stand-in for Slack the app talks to. */
  readonly slack: Pick<TFakeSlackWebApi, "workspace">;
  /** The app's request URL, e.g. `http://127.0.0.1:3000/slack/events`. */
  readonly appUrl: string;
  readonly signingSecret: string;
  readonly userId: string;
  /** Where slash commands are run: a channel id; the person's DM with the app when omitted. */
  readonly channelId?: string;
}

export interface TAppAnswer {
  readonly status: number;
  /** Parsed JSON when the app answered JSON, else its text ("" when empty). */
  readonly body: TJsonValue;
  readonly headers: Readonly<Record<string, string>>;
  readonly elapsedMilliseconds: number;
  /** The app answered 2xx within Slack's three seconds. */
  readonly acknowledged: boolean;
  /** Why Slack would show the person an error instead of the answer; empty when Slack took it. */
  readonly refusedBySlack: readonly string[];
  /** The timeline position just before the request: pass as `since` to wait for what the app does next. */
  readonly sequence: number;
}

export interface TOptionsRequestAnswer extends TAppAnswer {
  /** The options the person now sees in the menu (groups flattened). */
  readonly options: readonly TJsonObject[];
}

export type TSurface = TSlackMessage | TSlackView;

export interface TElementTarget {
  readonly actionId: string;
  readonly blockId?: string;
  /** The message or view (modal or Home tab) the element is in, as the person sees it now. */
  readonly in: TSurface;
}

export interface TButtonTarget extends TElementTarget {
  /** The value the button carries: tells apart rows sharing an action_id, and must match. */
  readonly value?: string;
}

export interface TSelection extends TElementTarget {
  /** An option value (or values, for multi menus and checkboxes), a user/conversation id, a date… */
  readonly value: TUserInput;
}

export interface TSubmitOptions extends TDeliveryOptions {
  /** Send even when the Slack client would refuse (required field empty…), as a forged client could. */
  readonly skipClientChecks?: boolean;
}

export interface TSlackUserSimulator {
  readonly user: TSlackUser;
  /** Where slash commands run. */
  readonly channelId: string;
  readonly directMessageChannelId: string;

  runSlashCommand(command: string, text?: string, delivery?: TDeliveryOptions): Promise<TAppAnswer>;
  clickButton(target: TButtonTarget, delivery?: TDeliveryOptions): Promise<TAppAnswer>;
  /** Picks in a menu, radio group, checkboxes, date picker… that sends block_actions at once. */
  selectOption(selection: TSelection, delivery?: TDeliveryOptions): Promise<TAppAnswer>;
  /** Types or picks in a modal's inputs without sending anything, as a person filling a form does. */
  enterValues(viewId: string, values: TUserInputs): void;
  submitView(viewId: string, values?: TUserInputs, options?: TSubmitOptions): Promise<TAppAnswer>;
  /** Closes a modal with its close button; undefined when Slack tells the app nothing (no notify_on_close). */
  closeView(viewId: string, delivery?: TDeliveryOptions): Promise<TAppAnswer | undefined>;
  /** Types `value` into an external menu of a modal: the options request (block_suggestion). */
  requestOptions(
    actionId: string,
    blockId: string,
    value: string,
    viewId: string,
    delivery?: TDeliveryOptions,
  ): Promise<TOptionsRequestAnswer>;
  sendDirectMessage(text: string, delivery?: TDeliveryOptions): Promise<TAppAnswer>;
  openAppHome(delivery?: TDeliveryOptions): Promise<TAppAnswer>;
  sendUrlVerification(challenge: string, delivery?: TDeliveryOptions): Promise<TAppAnswer>;

  /** Ephemeral messages shown to this person (command answers, response_url posts, chat.postEphemeral). */
  ephemeralMessages(): readonly TSlackMessage[];
  lastEphemeral(): TSlackMessage | undefined;
  /** The person's DM with the app, both sides, oldest first. */
  directMessages(): readonly TSlackMessage[];
  /** A conversation as this person sees it: everybody's messages and their own ephemeral ones, by time. */
  conversationView(channelId?: string): readonly TSlackMessage[];
  /** The modal on top of this person's stack, undefined when none is open. */
  openModal(): TSlackView | undefined;
  modalStack(): readonly TSlackView[];
  home(): TSlackView | undefined;
}

const OPTIONS_QUERY_DEFAULT_MINIMUM_LENGTH = 3;

function isMessage(surface: TSurface): surface is TSlackMessage {
  return "ts" in surface;
}

/** Slack timestamps share one width (ten digits, a dot, six digits), so text order is time order. */
function compareTimestamps(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

function describeElements(elements: readonly TInteractiveElement[]): string {
  if (elements.length === 0) return "it shows no interactive element";
  return `it shows ${elements
    .map(
      (element) =>
        `${element.type} ${element.blockId}/${element.actionId}${typeof element.element.value === "string" ? ` (value ${element.element.value})` : ""}`,
    )
    .join(", ")}`;
}

export function createSlackUserSimulator(options: TSlackUserSimulatorOptions): TSlackUserSimulator {
  const workspace: TSlackWorkspace = options.slack.workspace;
  const found = workspace.user(options.userId);
  if (found === undefined) throw new Error(`no user ${options.userId} in the sandbox workspace`);
  const user: TSlackUser = found;
  const directMessageChannelId = workspace.directMessageChannelOf(user.id);
  const channelId = options.channelId ?? directMessageChannelId;

  const stateContext: TStateContext = {
    isKnownUser: (userId) => workspace.user(userId) !== undefined,
    suggestedOptionsFor: (blockId, actionId) =>
      workspace.suggestedOptionsFor({ userId: user.id, blockId, actionId }),
  };

  function payloadChannel(id: string): TPayloadChannel {
    const conversation = workspace.conversation(id);
    if (conversation === undefined) throw new Error(`no conversation ${id} in the sandbox workspace`);
    return {
      id: conversation.id,
      name: conversation.kind === "im" ? DIRECT_MESSAGE_CHANNEL_NAME : conversation.name,
    };
  }

  async function send(
    name: string,
    request: TEncodedRequest,
    delivery: TDeliveryOptions | undefined,
    applyAnswer: (body: TJsonValue) => readonly string[],
  ): Promise<TAppAnswer> {
    const sequence = workspace.lastSequence();
    const answer = await deliverToApp({
      appUrl: options.appUrl,
      signingSecret: options.signingSecret,
      request,
      ...(delivery === undefined ? {} : { delivery }),
    });
    const acknowledged =
      answer.status >= 200 &&
      answer.status < 300 &&
      answer.elapsedMilliseconds <= ACKNOWLEDGEMENT_DEADLINE_MILLISECONDS;
    let refusedBySlack: readonly string[];
    if (acknowledged) refusedBySlack = applyAnswer(answer.body);
    else if (answer.status >= 200 && answer.status < 300) refusedBySlack = ["operation_timeout"];
    else refusedBySlack = [`http_error: the app answered HTTP ${answer.status}`];
    workspace.record({
      kind: "app_request",
      name,
      userId: user.id,
      request: decodeRequestBody(request),
      status: answer.status,
      response: answer.body,
    });
    return { ...answer, acknowledged, refusedBySlack, sequence };
  }

  function currentSurface(surface: TSurface): { container: TActionContainer; blocks: readonly TJsonValue[] } {
    if (isMessage(surface)) {
      const message = workspace.message(surface.channel, surface.ts);
      if (message === undefined) throw new SlackClientRefusal(`message ${surface.ts} is no longer there`);
      if (message.visibleOnlyTo !== undefined && message.visibleOnlyTo !== user.id) {
        throw new SlackClientRefusal(`message ${surface.ts} is ephemeral to someone else`);
      }
      const responseUrl = workspace.issueResponseUrl({
        userId: user.id,
        channelId: message.channel,
        source: { kind: "message", ts: message.ts },
      });
      return {
        container: {
          kind: "message",
          message,
          channel: payloadChannel(message.channel),
          responseUrl: responseUrl.url,
        },
        blocks: message.blocks,
      };
    }
    const view = workspace.viewById(surface.id);
    if (view === undefined || view.userId !== user.id)
      throw new SlackClientRefusal(`view ${surface.id} is not shown to ${user.id}`);
    if (view.type === "modal") {
      const stack = workspace.openViewsOf(user.id);
      if (stack[stack.length - 1]?.id !== view.id)
        throw new SlackClientRefusal(`view ${view.id} is not the modal on top`);
    }
    return { container: { kind: "view", view }, blocks: view.blocks };
  }

  function stateOf(container: TActionContainer, blocks: readonly TJsonValue[]) {
    return buildStateValues(blocks, {}, stateContext, container.kind === "view" ? container.view.state : {});
  }

  function topModal(viewId: string): TSlackView {
    const stack = workspace.openViewsOf(user.id);
    const top = stack[stack.length - 1];
    if (top === undefined || top.id !== viewId) {
      throw new SlackClientRefusal(
        `view ${viewId} is not the modal ${user.id} has on top (${top?.id ?? "none open"})`,
      );
    }
    return top;
  }

  async function sendAction(
    container: TActionContainer,
    stateValues: ReturnType<typeof stateOf>,
    action: TJsonObject,
    delivery: TDeliveryOptions | undefined,
  ): Promise<TAppAnswer> {
    const payload = buildBlockActionsPayload({
      app: workspace.app,
      user,
      triggerId: workspace.issueTrigger(user.id),
      container,
      actions: [action],
      stateValues,
    });
    return send("block_actions", encodeInteraction(payload), delivery, () => []);
  }

  function eventRequest(event: TJsonObject): TEncodedRequest {
    const now = workspace.now();
    return encodeEvent(
      buildEventCallback({
        app: workspace.app,
        event,
        eventId: workspace.identifiers.eventId(),
        eventTime: Math.floor(now / 1000),
      }),
    );
  }

  return {
    user,
    channelId,
    directMessageChannelId,

    async runSlashCommand(command, text = "", delivery) {
      const channel = payloadChannel(channelId);
      const responseUrl = workspace.issueResponseUrl({
        userId: user.id,
        channelId: channel.id,
        source: { kind: "command" },
      });
      const fields = buildSlashCommandFields({
        app: workspace.app,
        user,
        channel,
        command,
        text,
        triggerId: workspace.issueTrigger(user.id),
        responseUrl: responseUrl.url,
      });
      return send("slash_command", encodeForm(fields), delivery, (body) =>
        showCommandAnswer(
          workspace,
          { userId: user.id, channelId: channel.id, responseUrlId: responseUrl.id },
          body,
        ),
      );
    },

    async clickButton(target, delivery) {
      const { container, blocks } = currentSurface(target.in);
      const element = findInteractiveElement(blocks, {
        actionId: target.actionId,
        ...(target.blockId === undefined ? {} : { blockId: target.blockId }),
        ...(target.value === undefined ? {} : { value: target.value }),
      });
      if (element === undefined || (element.type !== "button" && element.type !== "workflow_button")) {
        throw new SlackClientRefusal(
          `no button ${target.blockId ?? "*"}/${target.actionId}${target.value === undefined ? "" : ` with value ${target.value}`} to click: ${describeElements(interactiveElementsOf(blocks))}`,
        );
      }
      const action = buildAction(element, undefined, workspace.identifiers.messageTimestamp(workspace.now()));
      return sendAction(container, stateOf(container, blocks), action, delivery);
    },

    async selectOption(selection, delivery) {
      const { container, blocks } = currentSurface(selection.in);
      const element = findInteractiveElement(blocks, {
        actionId: selection.actionId,
        ...(selection.blockId === undefined ? {} : { blockId: selection.blockId }),
      });
      if (element === undefined || element.type === "button") {
        throw new SlackClientRefusal(
          `no menu or input ${selection.blockId ?? "*"}/${selection.actionId}: ${describeElements(interactiveElementsOf(blocks))}`,
        );
      }
      if (!element.dispatchesAction) {
        throw new SlackClientRefusal(
          `${element.blockId}/${element.actionId} is in an input block without dispatch_action: Slack sends nothing until the view is submitted (use enterValues or submitView)`,
        );
      }
      const actionTs = workspace.identifiers.messageTimestamp(workspace.now());
      if (element.type === "overflow") {
        const option = optionsOf(element.element).find(
          (candidate) => stringField(candidate, "value") === selection.value,
        );
        if (option === undefined)
          throw new SlackClientRefusal(
            `the overflow menu ${element.actionId} offers no ${String(selection.value)}`,
          );
        const action = buildAction(element, { type: "overflow", selected_option: option }, actionTs);
        return sendAction(container, stateOf(container, blocks), action, delivery);
      }
      const entry = stateValueFromInput(element, selection.value, stateContext);
      const stateValues = stateOf(container, blocks);
      stateValues[element.blockId] = { ...stateValues[element.blockId], [element.actionId]: entry };
      if (container.kind === "view") workspace.setViewState(container.view.id, stateValues);
      return sendAction(container, stateValues, buildAction(element, entry, actionTs), delivery);
    },

    enterValues(viewId, values) {
      const view = topModal(viewId);
      workspace.setViewState(view.id, buildStateValues(view.blocks, values, stateContext, view.state));
    },

    async submitView(viewId, values = {}, submitOptions = {}) {
      const view = topModal(viewId);
      if (view.definition.submit === undefined || view.definition.submit === null) {
        throw new SlackClientRefusal(`view ${viewId} has no submit button`);
      }
      const stateValues = buildStateValues(view.blocks, values, stateContext, view.state);
      workspace.setViewState(view.id, stateValues);
      const clientErrors = clientSideInputErrors(view.blocks, stateValues);
      if (Object.keys(clientErrors).length > 0 && submitOptions.skipClientChecks !== true) {
        workspace.setViewErrors(view.id, clientErrors);
        throw new ViewInputRefusedError(clientErrors);
      }
      const submitted = workspace.viewById(view.id) ?? view;
      const payload = buildViewSubmissionPayload({
        app: workspace.app,
        user,
        triggerId: workspace.issueTrigger(user.id),
        view: submitted,
        stateValues,
      });
      return send("view_submission", encodeInteraction(payload), submitOptions, (body) =>
        applyViewSubmissionAnswer(workspace, submitted, body),
      );
    },

    async closeView(viewId, delivery) {
      const view = topModal(viewId);
      const clears = view.definition.clear_on_close === true;
      const close = () => (clears ? workspace.clearModals(user.id) : workspace.closeView(view.id));
      if (view.definition.notify_on_close !== true) {
        close();
        return undefined;
      }
      const payload = buildViewClosedPayload({ app: workspace.app, user, view, isCleared: clears });
      const answer = await send("view_closed", encodeInteraction(payload), delivery, () => []);
      close();
      return answer;
    },

    async requestOptions(actionId, blockId, value, viewId, delivery) {
      const view = workspace.viewById(viewId);
      if (view === undefined || view.userId !== user.id || !view.isOpen) {
        throw new SlackClientRefusal(`view ${viewId} is not shown to ${user.id}`);
      }
      const element = findInteractiveElement(view.blocks, { actionId, blockId });
      if (
        element === undefined ||
        (element.type !== "external_select" && element.type !== "multi_external_select")
      ) {
        throw new SlackClientRefusal(
          `no external menu ${blockId}/${actionId}: ${describeElements(interactiveElementsOf(view.blocks))}`,
        );
      }
      const minimumLength =
        numberField(element.element, "min_query_length") ?? OPTIONS_QUERY_DEFAULT_MINIMUM_LENGTH;
      if (value.length < minimumLength) {
        throw new SlackClientRefusal(`Slack asks for options only after ${minimumLength} typed characters`);
      }
      const payload = buildBlockSuggestionPayload({
        app: workspace.app,
        user,
        actionId,
        blockId,
        value,
        container: { kind: "view", view },
      });
      let options: readonly TJsonObject[] = [];
      const answer = await send("block_suggestion", encodeInteraction(payload), delivery, (body) => {
        const read = readOptionsAnswer(body);
        if (!read.ok) return read.problems;
        options = read.options;
        workspace.setSuggestedOptions({ userId: user.id, blockId, actionId }, read.options);
        return [];
      });
      return { ...answer, options };
    },

    async sendDirectMessage(text, delivery) {
      const message = workspace.postMessage({
        channel: directMessageChannelId,
        author: user.id,
        fromApp: false,
        text,
        blocks: [],
        origin: "person",
      });
      const event = buildDirectMessageEvent({
        user,
        channelId: directMessageChannelId,
        text,
        ts: message.ts,
        clientMessageId: workspace.identifiers.clientMessageId(),
      });
      return send("event_callback:message.im", eventRequest(event), delivery, () => []);
    },

    async openAppHome(delivery) {
      const home = workspace.homeOf(user.id);
      const event = buildAppHomeOpenedEvent({
        user,
        channelId: directMessageChannelId,
        tab: "home",
        view: home === undefined ? undefined : slackViewObject(home, workspace.app),
        eventTs: workspace.identifiers.messageTimestamp(workspace.now()),
      });
      return send("event_callback:app_home_opened", eventRequest(event), delivery, () => []);
    },

    async sendUrlVerification(challenge, delivery) {
      return send(
        "url_verification",
        encodeEvent(buildUrlVerification({ app: workspace.app, challenge })),
        delivery,
        () => [],
      );
    },

    ephemeralMessages: () => workspace.ephemeralFor(user.id),
    lastEphemeral: () => workspace.ephemeralFor(user.id).at(-1),
    directMessages: () => workspace.messagesIn(directMessageChannelId),
    conversationView(conversationId = channelId) {
      const id = workspace.conversation(conversationId)?.id ?? conversationId;
      const own = workspace.ephemeralFor(user.id).filter((message) => message.channel === id);
      return [...workspace.messagesIn(id), ...own].sort((left, right) =>
        compareTimestamps(left.ts, right.ts),
      );
    },
    openModal: () => workspace.openViewsOf(user.id).at(-1),
    modalStack: () => workspace.openViewsOf(user.id),
    home: () => workspace.homeOf(user.id),
  };
}
