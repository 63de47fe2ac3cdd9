// The requests Slack sends an app, built field for field as docs.slack.dev documents them: slash
// commands (form fields), interactivity and options requests (form field `payload` holding JSON:
// block_actions, view_submission, view_closed, block_suggestion) and the Events API (JSON
// event_callback, url_verification). Also the view and message objects Slack returns from the Web
// API. Pure functions without I/O, shared by the user simulator, the fake Web API and a browser sandbox.
import type { TInteractiveElement } from "./block-kit-reading.ts";
import { parseJson, type TJsonObject, type TJsonValue, toJson } from "./json.ts";
import type { TSlackAppIdentity, TSlackMessage, TSlackUser, TSlackView } from "./slack-records.ts";
import type { TViewStateValues } from "./view-state.ts";

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
export const JSON_CONTENT_TYPE = "application/json";

export interface TEncodedRequest {
  readonly contentType: typeof FORM_CONTENT_TYPE | typeof JSON_CONTENT_TYPE;
  readonly body: string;
}

/** Slack's name for the channel of a direct message in slash command payloads. */
export const DIRECT_MESSAGE_CHANNEL_NAME = "directmessage";

export interface TPayloadChannel {
  readonly id: string;
  readonly name: string;
}

export function encodeForm(fields: Readonly<Record<string, string>>): TEncodedRequest {
  return { contentType: FORM_CONTENT_TYPE, body: new URLSearchParams(fields).toString() };
}

/** Interactivity and options requests: one form field `payload` holding the JSON. */
export function encodeInteraction(payload: TJsonObject): TEncodedRequest {
  return encodeForm({ payload: JSON.stringify(payload) });
}

/** Events API requests: JSON bodies. */
export function encodeEvent(body: TJsonObject): TEncodedRequest {
  return { contentType: JSON_CONTENT_TYPE, body: JSON.stringify(body) };
}

function userObject(user: TSlackUser): TJsonObject {
  return { id: user.id, username: user.name, name: user.name, team_id: user.teamId };
}

function teamObject(app: TSlackAppIdentity): TJsonObject {
  return { id: app.teamId, domain: app.teamDomain };
}

/** The view object Slack returns from views.* and puts in interaction payloads. */
/** The fields every interaction payload carries: its type, who acted, and the app and team it is for. */
function interactionEnvelope(type: string, app: TSlackAppIdentity, user: TSlackUser): TJsonObject {
  return {
    type,
    team: teamObject(app),
    user: userObject(user),
    api_app_id: app.appId,
    token: app.verificationToken,
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** The `container` and `channel` of an interaction on a message. */
function messageContainerFields(container: Extract<TActionContainer, { kind: "message" }>): TJsonObject {
  return {
    container: {
      type: "message",
      message_ts: container.message.ts,
      channel_id: container.channel.id,
      is_ephemeral: container.message.visibleOnlyTo !== undefined,
    },
    channel: { id: container.channel.id, name: container.channel.name },
  };
}

export function slackViewObject(view: TSlackView, app: TSlackAppIdentity): TJsonObject {
  const definition = view.definition;
  const object: TJsonObject = {
    id: view.id,
    team_id: app.teamId,
    type: view.type,
    blocks: toJson(view.blocks),
    private_metadata: view.privateMetadata,
    callback_id: view.callbackId,
    state: { values: toJson(view.state) },
    hash: view.hash,
    clear_on_close: definition.clear_on_close ?? false,
    notify_on_close: definition.notify_on_close ?? false,
    previous_view_id: view.previousViewId,
    root_view_id: view.rootViewId,
    app_id: app.appId,
    external_id: view.externalId,
    app_installed_team_id: app.teamId,
    bot_id: app.botId,
  };
  if (view.type === "modal") {
    object.title = definition.title ?? null;
    object.close = definition.close ?? null;
    object.submit = definition.submit ?? null;
  }
  return object;
}

/** The message object Slack returns from chat.* and puts in block_actions payloads. */
export function slackMessageObject(message: TSlackMessage, app: TSlackAppIdentity): TJsonObject {
  const object: TJsonObject = {
    type: "message",
    ts: message.ts,
    text: message.text,
    blocks: toJson(message.blocks),
    team: app.teamId,
    user: message.author,
  };
  if (message.fromApp) {
    object.bot_id = app.botId;
    object.app_id = app.appId;
  }
  if (message.threadTs !== undefined) object.thread_ts = message.threadTs;
  return object;
}

export interface TSlashCommandOptions {
  readonly app: TSlackAppIdentity;
  readonly user: TSlackUser;
  readonly channel: TPayloadChannel;
  /** With its slash: `/usuarios`. */
  readonly command: string;
  readonly text: string;
  readonly triggerId: string;
  readonly responseUrl: string;
}

export function buildSlashCommandFields(options: TSlashCommandOptions): Record<string, string> {
  return {
    token: options.app.verificationToken,
    team_id: options.app.teamId,
    team_domain: options.app.teamDomain,
    channel_id: options.channel.id,
    channel_name: options.channel.name,
    user_id: options.user.id,
    user_name: options.user.name,
    command: options.command,
    text: options.text,
    api_app_id: options.app.appId,
    is_enterprise_install: "false",
    response_url: options.responseUrl,
    trigger_id: options.triggerId,
  };
}

/** One entry of `actions` in block_actions: the element's state shape (or a button's text/value) plus its ids. */
export function buildAction(
  element: TInteractiveElement,
  stateEntry: TJsonObject | undefined,
  actionTs: string,
): TJsonObject {
  const ids: TJsonObject = { action_id: element.actionId, block_id: element.blockId, action_ts: actionTs };
  if (element.type === "button" || element.type === "workflow_button") {
    const action: TJsonObject = { type: element.type, ...ids, text: element.element.text ?? null };
    if (element.element.value !== undefined) action.value = element.element.value;
    if (element.element.style !== undefined) action.style = element.element.style;
    return action;
  }
  return { ...(stateEntry ?? { type: element.type }), ...ids };
}

export type TActionContainer =
  | {
      readonly kind: "message";
      readonly message: TSlackMessage;
      readonly channel: TPayloadChannel;
      readonly responseUrl: string;
    }
  | { readonly kind: "view"; readonly view: TSlackView };

export interface TBlockActionsOptions {
  readonly app: TSlackAppIdentity;
  readonly user: TSlackUser;
  readonly triggerId: string;
  readonly container: TActionContainer;
  readonly actions: readonly TJsonObject[];
  readonly stateValues: TViewStateValues;
}

export function buildBlockActionsPayload(options: TBlockActionsOptions): TJsonObject {
  const { app, container } = options;
  const payload: TJsonObject = {
    ...interactionEnvelope("block_actions", app, options.user),
    trigger_id: options.triggerId,
  };
  if (container.kind === "message") {
    Object.assign(payload, messageContainerFields(container));
    // Slack leaves the message out of actions on ephemeral messages.
    if (container.message.visibleOnlyTo === undefined)
      payload.message = slackMessageObject(container.message, app);
    payload.state = { values: toJson(options.stateValues) };
    payload.response_url = container.responseUrl;
  } else {
    payload.container = { type: "view", view_id: container.view.id };
    payload.view = slackViewObject({ ...container.view, state: options.stateValues }, app);
  }
  payload.actions = options.actions.map((action) => toJson(action));
  return payload;
}

export interface TViewSubmissionOptions {
  readonly app: TSlackAppIdentity;
  readonly user: TSlackUser;
  readonly triggerId: string;
  readonly view: TSlackView;
  readonly stateValues: TViewStateValues;
}

export function buildViewSubmissionPayload(options: TViewSubmissionOptions): TJsonObject {
  return {
    ...interactionEnvelope("view_submission", options.app, options.user),
    trigger_id: options.triggerId,
    view: slackViewObject({ ...options.view, state: options.stateValues }, options.app),
    response_urls: [],
  };
}

export interface TViewClosedOptions {
  readonly app: TSlackAppIdentity;
  readonly user: TSlackUser;
  readonly view: TSlackView;
  readonly isCleared: boolean;
}

export function buildViewClosedPayload(options: TViewClosedOptions): TJsonObject {
  return {
    ...interactionEnvelope("view_closed", options.app, options.user),
    view: slackViewObject(options.view, options.app),
    is_cleared: options.isCleared,
  };
}

export interface TBlockSuggestionOptions {
  readonly app: TSlackAppIdentity;
  readonly user: TSlackUser;
  readonly actionId: string;
  readonly blockId: string;
  /** What the person typed into the external menu so far. */
  readonly value: string;
  readonly container: TActionContainer;
}

export function buildBlockSuggestionPayload(options: TBlockSuggestionOptions): TJsonObject {
  const { app, container } = options;
  const payload: TJsonObject = {
    ...interactionEnvelope("block_suggestion", app, options.user),
    action_id: options.actionId,
    block_id: options.blockId,
    value: options.value,
  };
  if (container.kind === "view") {
    payload.container = { type: "view", view_id: container.view.id };
    payload.view = slackViewObject(container.view, app);
  } else {
    Object.assign(payload, messageContainerFields(container));
    payload.message = slackMessageObject(container.message, app);
  }
  return payload;
}

export interface TEventCallbackOptions {
  readonly app: TSlackAppIdentity;
  readonly event: TJsonObject;
  readonly eventId: string;
  /** Unix seconds. */
  readonly eventTime: number;
}

export function buildEventCallback(options: TEventCallbackOptions): TJsonObject {
  const { app } = options;
  return {
    token: app.verificationToken,
    team_id: app.teamId,
    api_app_id: app.appId,
    event: options.event,
    type: "event_callback",
    event_id: options.eventId,
    event_time: options.eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: app.teamId,
        user_id: app.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-sandbox-${options.eventId}`,
  };
}

export interface TDirectMessageEventOptions {
  readonly user: TSlackUser;
  readonly channelId: string;
  readonly text: string;
  readonly ts: string;
  readonly clientMessageId: string;
}

/** `message` with `channel_type: "im"` (subscription message.im): a person wrote to the app. */
export function buildDirectMessageEvent(options: TDirectMessageEventOptions): TJsonObject {
  return {
    type: "message",
    client_msg_id: options.clientMessageId,
    text: options.text,
    user: options.user.id,
    ts: options.ts,
    blocks: [
      {
        type: "rich_text",
        block_id: options.clientMessageId.slice(0, 5),
        elements: [{ type: "rich_text_section", elements: [{ type: "text", text: options.text }] }],
      },
    ],
    team: options.user.teamId,
    channel: options.channelId,
    event_ts: options.ts,
    channel_type: "im",
  };
}

export interface TUserChangeEventOptions {
  readonly user: TSlackUser;
  /** The account is deactivated (Slack's `deleted`). */
  readonly deleted: boolean;
  readonly eventTs: string;
}

/** `user_change` (subscription user_change, scope users:read): a person's account or profile changed. */
export function buildUserChangeEvent(options: TUserChangeEventOptions): TJsonObject {
  const { user } = options;
  return {
    type: "user_change",
    user: {
      id: user.id,
      team_id: user.teamId,
      name: user.name,
      deleted: options.deleted,
      real_name: user.realName,
      is_bot: false,
      is_app_user: false,
      profile: { email: user.email, real_name: user.realName, display_name: user.name },
      updated: Math.floor(Number(options.eventTs)),
    },
    cache_ts: Math.floor(Number(options.eventTs)),
    event_ts: options.eventTs,
  };
}

export interface TAppHomeOpenedEventOptions {
  readonly user: TSlackUser;
  readonly channelId: string;
  readonly tab: "home" | "messages";
  /** The Home tab as last published for this person, when there is one. */
  readonly view: TJsonObject | undefined;
  readonly eventTs: string;
}

export function buildAppHomeOpenedEvent(options: TAppHomeOpenedEventOptions): TJsonObject {
  const event: TJsonObject = {
    type: "app_home_opened",
    user: options.user.id,
    channel: options.channelId,
    tab: options.tab,
    event_ts: options.eventTs,
  };
  if (options.view !== undefined) event.view = options.view;
  return event;
}

export function buildUrlVerification(options: { app: TSlackAppIdentity; challenge: string }): TJsonObject {
  return { token: options.app.verificationToken, challenge: options.challenge, type: "url_verification" };
}

/** Parsed back from a request body, for tools that display what was sent. */
export function decodeRequestBody(request: TEncodedRequest): TJsonValue {
  if (request.contentType === JSON_CONTENT_TYPE) return parseJson(request.body);
  const fields: Record<string, string> = Object.fromEntries(new URLSearchParams(request.body));
  const payload = fields.payload;
  return payload === undefined ? fields : parseJson(payload);
}
