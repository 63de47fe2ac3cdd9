// The Slack Web API methods the stand-in answers, with Slack's argument names, answers and error codes
// (docs.slack.dev/reference/methods/<method>). Transport-free: the HTTP layer hands in the parsed
// arguments and the token it found, and sends back what this returns.
import { problemsInMessageBlocks, problemsInView } from "./block-kit-validation.ts";
import { isJsonObject, parseJson, type TJsonObject, type TJsonValue } from "./json.ts";
import { slackMessageObject, slackViewObject } from "./slack-payloads.ts";
import type { TSlackMessage, TSlackUser, TSlackView } from "./slack-records.ts";
import type { TOutcome, TSlackWorkspace } from "./slack-workspace.ts";

/** Slack truncates or refuses message text past this length. */
const MAXIMUM_MESSAGE_TEXT_LENGTH = 40_000;

export interface TWebApiRequest {
  readonly method: string;
  readonly arguments: TJsonObject;
  /** From `Authorization: Bearer …`, else the `token` argument; undefined when neither was sent. */
  readonly token: string | undefined;
}

type TMethodHandler = (workspace: TSlackWorkspace, args: TJsonObject) => TJsonObject;

/** Socket Mode as the Web API meets it: the app-level token it takes and a WebSocket URL per connection. */
export interface TSocketModeGateway {
  /** The app-level token (`xapp-…`) apps.connections.open is called with. */
  readonly appToken: string;
  /** A `ws://…` URL the app can open one connection with. */
  openConnection(): string;
}

function failure(error: string, messages?: readonly string[]): TJsonObject {
  const body: TJsonObject = { ok: false, error };
  if (messages !== undefined && messages.length > 0) body.response_metadata = { messages: [...messages] };
  return body;
}

function textArgument(args: TJsonObject, name: string): string | undefined {
  const value = args[name];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

const MALFORMED = Symbol("malformed JSON argument");

/** Form-encoded calls carry objects as JSON text (what @slack/web-api sends); JSON calls carry them as is. */
function jsonArgument(args: TJsonObject, name: string): TJsonValue | undefined | typeof MALFORMED {
  const value = args[name];
  if (typeof value !== "string") return value;
  try {
    return parseJson(value);
  } catch {
    return MALFORMED;
  }
}

type TBlocksArgument =
  | { readonly ok: true; readonly blocks: TJsonValue[] | undefined }
  | { readonly ok: false; readonly body: TJsonObject };

function blocksArgument(args: TJsonObject): TBlocksArgument {
  const blocks = jsonArgument(args, "blocks");
  if (blocks === undefined || blocks === "") return { ok: true, blocks: undefined };
  if (blocks === MALFORMED || !Array.isArray(blocks))
    return { ok: false, body: failure("invalid_blocks_format") };
  const problems = problemsInMessageBlocks(blocks);
  if (problems.length > 0) return { ok: false, body: failure("invalid_blocks", problems) };
  return { ok: true, blocks };
}

type TPostedContent =
  | { readonly ok: true; readonly text: string; readonly blocks: TJsonValue[] }
  | { readonly ok: false; readonly body: TJsonObject };

/** chat.postMessage and chat.postEphemeral: the text and blocks of a new message, one of them given. */
function postedContentArgument(args: TJsonObject): TPostedContent {
  const blocks = blocksArgument(args);
  if (!blocks.ok) return blocks;
  const text = textArgument(args, "text") ?? "";
  if (text === "" && blocks.blocks === undefined && args.attachments === undefined)
    return { ok: false, body: failure("no_text") };
  return { ok: true, text, blocks: blocks.blocks ?? [] };
}

/** What every message the app posts says of its author, with its text and blocks. */
function fromTheApp(workspace: TSlackWorkspace, content: { text: string; blocks: TJsonValue[] }) {
  return { author: workspace.app.botUserId, fromApp: true, text: content.text, blocks: content.blocks };
}

type TViewArgument =
  | { readonly ok: true; readonly view: TJsonObject }
  | { readonly ok: false; readonly body: TJsonObject };

function viewArgument(args: TJsonObject, expectedType: "modal" | "home"): TViewArgument {
  const view = jsonArgument(args, "view");
  if (view === undefined || view === MALFORMED || !isJsonObject(view)) {
    return { ok: false, body: failure("invalid_arguments", ["[ERROR] missing required field: view"]) };
  }
  const problems = problemsInView(view);
  if (view.type !== expectedType) problems.push(`[ERROR] must be ${expectedType} [json-pointer:/view/type]`);
  if (problems.length > 0) return { ok: false, body: failure("invalid_arguments", problems) };
  return { ok: true, view };
}

function userObject(user: TSlackUser, workspace: TSlackWorkspace): TJsonObject {
  const isBot = user.id === workspace.app.botUserId;
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    deleted: workspace.isDeactivated(user.id),
    real_name: user.realName,
    is_bot: isBot,
    is_app_user: false,
    profile: {
      email: user.email,
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: user.name,
      display_name_normalized: user.name,
      ...(isBot ? { bot_id: workspace.app.botId } : {}),
    },
  };
}

function viewAnswer(outcome: TOutcome<TSlackView>, workspace: TSlackWorkspace): TJsonObject {
  if (!outcome.ok) return failure(outcome.error);
  return { ok: true, view: slackViewObject(outcome.value, workspace.app) };
}

function hasDuplicateExternalId(workspace: TSlackWorkspace, view: TJsonObject, ownViewId?: string): boolean {
  const externalId = typeof view.external_id === "string" ? view.external_id : "";
  if (externalId === "") return false;
  const holder = workspace.viewByExternalId(externalId);
  return holder !== undefined && holder.id !== ownViewId;
}

type TModalOpening =
  | { readonly ok: true; readonly view: TJsonObject; readonly userId: string }
  | { readonly ok: false; readonly body: TJsonObject };

/** views.open and views.push: a modal view and the trigger it is opened with, used up. */
function modalOpening(workspace: TSlackWorkspace, args: TJsonObject): TModalOpening {
  const view = viewArgument(args, "modal");
  if (!view.ok) return view;
  const trigger = workspace.exchangeTrigger(
    textArgument(args, "trigger_id") ?? textArgument(args, "interactivity_pointer") ?? "",
  );
  if (!trigger.ok) return { ok: false, body: failure(trigger.error) };
  if (hasDuplicateExternalId(workspace, view.view))
    return { ok: false, body: failure("duplicate_external_id") };
  return { ok: true, view: view.view, userId: trigger.value.userId };
}

type TOwnMessageArgument =
  | { readonly ok: true; readonly channel: string; readonly message: TSlackMessage }
  | { readonly ok: false; readonly body: TJsonObject };

/** chat.update and chat.delete: the app's own message at `channel` and `ts`. */
function ownMessageArgument(
  workspace: TSlackWorkspace,
  args: TJsonObject,
  notOwnError: "cant_update_message" | "cant_delete_message",
): TOwnMessageArgument {
  const conversation = workspace.conversation(textArgument(args, "channel") ?? "");
  if (conversation === undefined) return { ok: false, body: failure("channel_not_found") };
  const existing = workspace.message(conversation.id, textArgument(args, "ts") ?? "");
  // Ephemeral messages can only be changed through their response_url.
  if (existing === undefined || existing.visibleOnlyTo !== undefined) {
    return { ok: false, body: failure("message_not_found") };
  }
  if (!existing.fromApp) return { ok: false, body: failure(notOwnError) };
  return { ok: true, channel: conversation.id, message: existing };
}

const METHODS: Readonly<Record<string, TMethodHandler>> = {
  "auth.test": (workspace) => ({
    ok: true,
    url: `https://${workspace.app.teamDomain}.slack.com/`,
    team: workspace.app.teamDomain,
    user: workspace.app.botName,
    team_id: workspace.app.teamId,
    user_id: workspace.app.botUserId,
    bot_id: workspace.app.botId,
    is_enterprise_install: false,
  }),

  "chat.postMessage": (workspace, args) => {
    const conversation = workspace.conversation(textArgument(args, "channel") ?? "");
    if (conversation === undefined) return failure("channel_not_found");
    const content = postedContentArgument(args);
    if (!content.ok) return content.body;
    if (content.text.length > MAXIMUM_MESSAGE_TEXT_LENGTH) return failure("msg_too_long");
    const threadTs = textArgument(args, "thread_ts");
    const message = workspace.postMessage({
      channel: conversation.id,
      ...fromTheApp(workspace, content),
      origin: "chat.postMessage",
      ...(threadTs === undefined ? {} : { threadTs }),
    });
    return {
      ok: true,
      channel: message.channel,
      ts: message.ts,
      message: slackMessageObject(message, workspace.app),
    };
  },

  "chat.postEphemeral": (workspace, args) => {
    const conversation = workspace.conversation(textArgument(args, "channel") ?? "");
    if (conversation === undefined) return failure("channel_not_found");
    const user = workspace.user(textArgument(args, "user") ?? "");
    if (user === undefined) return failure("user_not_found");
    if (conversation.kind === "im" && conversation.userId !== user.id) return failure("user_not_in_channel");
    const content = postedContentArgument(args);
    if (!content.ok) return content.body;
    const message = workspace.postMessage({
      channel: conversation.id,
      ...fromTheApp(workspace, content),
      origin: "chat.postEphemeral",
      visibleOnlyTo: user.id,
    });
    return { ok: true, message_ts: message.ts };
  },

  "chat.update": (workspace, args) => {
    const own = ownMessageArgument(workspace, args, "cant_update_message");
    if (!own.ok) return own.body;
    const existing = own.message;
    const blocks = blocksArgument(args);
    if (!blocks.ok) return blocks.body;
    const text = textArgument(args, "text");
    if (text === undefined && blocks.blocks === undefined) return failure("no_text");
    const message = workspace.editMessage(own.channel, existing.ts, {
      text: text ?? existing.text,
      blocks: blocks.blocks ?? existing.blocks,
    });
    return {
      ok: true,
      channel: message.channel,
      ts: message.ts,
      text: message.text,
      message: slackMessageObject(message, workspace.app),
    };
  },

  "chat.delete": (workspace, args) => {
    const own = ownMessageArgument(workspace, args, "cant_delete_message");
    if (!own.ok) return own.body;
    const existing = own.message;
    workspace.deleteMessage(own.channel, existing.ts);
    return { ok: true, channel: own.channel, ts: existing.ts };
  },

  "views.open": (workspace, args) => {
    const opening = modalOpening(workspace, args);
    if (!opening.ok) return opening.body;
    return viewAnswer({ ok: true, value: workspace.openModal(opening.userId, opening.view) }, workspace);
  },

  "views.push": (workspace, args) => {
    const opening = modalOpening(workspace, args);
    if (!opening.ok) return opening.body;
    return viewAnswer(workspace.pushModal(opening.userId, opening.view), workspace);
  },

  "views.update": (workspace, args) => {
    const view = viewArgument(args, "modal");
    if (!view.ok) return view.body;
    const externalId = textArgument(args, "external_id");
    const target =
      workspace.viewById(textArgument(args, "view_id") ?? "") ??
      (externalId === undefined ? undefined : workspace.viewByExternalId(externalId));
    if (target === undefined) return failure("not_found");
    if (hasDuplicateExternalId(workspace, view.view, target.id)) return failure("duplicate_external_id");
    return viewAnswer(workspace.updateView(target.id, view.view, textArgument(args, "hash")), workspace);
  },

  "views.publish": (workspace, args) => {
    const user = workspace.user(textArgument(args, "user_id") ?? "");
    if (user === undefined) return failure("user_not_found");
    const view = viewArgument(args, "home");
    if (!view.ok) return view.body;
    return viewAnswer(workspace.publishHome(user.id, view.view, textArgument(args, "hash")), workspace);
  },

  "users.lookupByEmail": (workspace, args) => {
    const user = workspace.userByEmail(textArgument(args, "email") ?? "");
    if (user === undefined) return failure("users_not_found");
    return { ok: true, user: userObject(user, workspace) };
  },

  "users.info": (workspace, args) => {
    const user = workspace.user(textArgument(args, "user") ?? "");
    if (user === undefined) return failure("user_not_found");
    return { ok: true, user: userObject(user, workspace) };
  },

  "conversations.open": (workspace, args) => {
    const channel = textArgument(args, "channel");
    if (channel !== undefined) {
      const conversation = workspace.conversation(channel);
      if (conversation === undefined || conversation.kind !== "im") return failure("channel_not_found");
      return { ok: true, channel: { id: conversation.id } };
    }
    const users = (textArgument(args, "users") ?? "")
      .split(",")
      .map((user) => user.trim())
      .filter((user) => user !== "");
    if (users.length === 0) return failure("users_list_not_supplied");
    // Group DMs (several users) are not modelled: say so instead of pretending.
    if (users.length > 1) return failure("not_implemented_in_sandbox");
    const user = workspace.user(users[0] ?? "");
    if (user === undefined) return failure("user_not_found");
    return { ok: true, channel: { id: workspace.directMessageChannelOf(user.id) } };
  },
};

/** The methods called with the app-level token instead of the bot token. */
const APP_LEVEL_METHODS: Readonly<Record<string, (socketMode: TSocketModeGateway) => TJsonObject>> = {
  "apps.connections.open": (socketMode) => ({ ok: true, url: socketMode.openConnection() }),
};

function answerAppLevelCall(
  workspace: TSlackWorkspace,
  request: TWebApiRequest,
  socketMode: TSocketModeGateway | undefined,
): TJsonObject {
  const handler = APP_LEVEL_METHODS[request.method];
  if (handler === undefined) return failure("unknown_method");
  if (request.token === undefined || request.token === "") return failure("not_authed");
  if (request.token === workspace.botToken) return failure("not_allowed_token_type");
  // Without Socket Mode the sandbox's app holds no app-level token: any one is unknown.
  if (socketMode === undefined || request.token !== socketMode.appToken) return failure("invalid_auth");
  return handler(socketMode);
}

/**
 * Slack's answer to one Web API call: always a JSON object with `ok`, and `error` when not ok.
 * `socketMode`, when the workspace's app has it on, answers apps.connections.open.
 */
export function answerWebApiCall(
  workspace: TSlackWorkspace,
  request: TWebApiRequest,
  socketMode?: TSocketModeGateway,
): TJsonObject {
  // hasOwn: "toString" and friends are not Web API methods.
  if (Object.hasOwn(APP_LEVEL_METHODS, request.method))
    return answerAppLevelCall(workspace, request, socketMode);
  const handler = METHODS[request.method];
  if (handler === undefined || !Object.hasOwn(METHODS, request.method)) return failure("unknown_method");
  if (request.token === undefined || request.token === "") return failure("not_authed");
  if (socketMode !== undefined && request.token === socketMode.appToken)
    return failure("not_allowed_token_type");
  if (request.token !== workspace.botToken) return failure("invalid_auth");
  return handler(workspace, request.arguments);
}
