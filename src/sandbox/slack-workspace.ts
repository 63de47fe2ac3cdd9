// The state of the stand-in for Slack: people and conversations, the messages each person sees, the
// modals and Home tabs open for them, the trigger_ids and response_urls handed out, and a timeline of
// everything the app and Slack said to each other. No I/O here: the fake Web API (HTTP) and the user
// simulator both work through this object, and a browser sandbox can too.
import { interactiveElementsOf, withSlackAssignedIdentifiers } from "./block-kit-reading.ts";
import { arrayField, copyJson, stringField, type TJsonObject, type TJsonValue } from "./json.ts";
import { createSlackIdentifiers, type TSlackIdentifiers } from "./slack-identifiers.ts";
import type {
  TMessageOrigin,
  TSlackAppIdentity,
  TSlackChannel,
  TSlackMessage,
  TSlackUser,
  TSlackView,
  TTimelineEntry,
  TViewType,
  TWebApiCall,
} from "./slack-records.ts";
import type { TViewStateValues } from "./view-state.ts";

/** Slack: "trigger_id … expires in 3 seconds". */
export const TRIGGER_LIFETIME_MILLISECONDS = 3_000;
/** Slack: a response_url may be used up to 5 times within 30 minutes. */
export const RESPONSE_URL_MAXIMUM_USES = 5;
export const RESPONSE_URL_LIFETIME_MILLISECONDS = 30 * 60 * 1000;
/** Slack keeps at most three views in a modal's stack. */
export const MAXIMUM_MODAL_STACK = 3;

export interface TSlackWorkspaceOptions {
  readonly botToken: string;
  readonly botUserId: string;
  readonly users: readonly TSlackUser[];
  /** Public/private channels the app may post in; any other `C…`/`G…` id answers channel_not_found. */
  readonly channels?: readonly TSlackChannel[];
  readonly botName?: string;
  readonly botId?: string;
  readonly appId?: string;
  readonly teamId?: string;
  readonly teamDomain?: string;
  readonly verificationToken?: string;
  /** Milliseconds since the epoch; tests pass their own to age trigger_ids without waiting. */
  readonly clock?: () => number;
}

export type TConversation =
  | { readonly kind: "channel"; readonly id: string; readonly name: string }
  | { readonly kind: "im"; readonly id: string; readonly userId: string };

export interface TNewMessage {
  readonly channel: string;
  readonly author: string;
  readonly fromApp: boolean;
  readonly text: string;
  readonly blocks: readonly TJsonValue[];
  readonly origin: TMessageOrigin;
  readonly threadTs?: string;
  readonly visibleOnlyTo?: string;
}

export type TResponseUrlSource =
  /** Handed out with a slash command: "original" is the latest message sent in answer to it. */
  | { readonly kind: "command" }
  /** Handed out with an action on a message: "original" is that message. */
  | { readonly kind: "message"; readonly ts: string };

export interface TResponseUrlRecord {
  readonly id: string;
  readonly userId: string;
  readonly channelId: string;
  readonly issuedAt: number;
  readonly source: TResponseUrlSource;
  uses: number;
  /** The message that replace_original/delete_original act on, once there is one. */
  originalTs: string | undefined;
}

export type TOutcome<TValue> =
  | { readonly ok: true; readonly value: TValue }
  | { readonly ok: false; readonly error: string };

interface TMessageRecord {
  channel: string;
  ts: string;
  threadTs: string | undefined;
  author: string;
  fromApp: boolean;
  text: string;
  blocks: TJsonValue[];
  visibleOnlyTo: string | undefined;
  origin: TMessageOrigin;
  edited: boolean;
  deleted: boolean;
}

interface TViewRecord {
  id: string;
  type: TViewType;
  userId: string;
  definition: TJsonObject;
  state: TViewStateValues;
  errors: Record<string, string>;
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  isOpen: boolean;
}

interface TTriggerRecord {
  readonly userId: string;
  readonly issuedAt: number;
  exchanged: boolean;
}

type TTimelineInput = Omit<TTimelineEntry, "sequence" | "at">;

export interface TWaitOptions {
  readonly timeoutMilliseconds?: number;
  /** Shown in the error when the wait times out. */
  readonly description?: string;
}

export interface TSlackWorkspace {
  readonly app: TSlackAppIdentity;
  readonly botToken: string;
  readonly identifiers: TSlackIdentifiers;
  now(): number;

  user(userId: string): TSlackUser | undefined;
  userByEmail(email: string): TSlackUser | undefined;
  users(): readonly TSlackUser[];
  /** A user id, a DM channel id or a channel id, resolved to the conversation it names. */
  conversation(channelOrUserId: string): TConversation | undefined;
  directMessageChannelOf(userId: string): string;

  postMessage(message: TNewMessage): TSlackMessage;
  message(channel: string, ts: string): TSlackMessage | undefined;
  editMessage(
    channel: string,
    ts: string,
    content: { text: string; blocks: readonly TJsonValue[] },
  ): TSlackMessage;
  deleteMessage(channel: string, ts: string): void;
  /** The messages of a conversation everybody in it sees (ephemeral ones left out), oldest first. */
  messagesIn(channelOrUserId: string): readonly TSlackMessage[];
  /** The ephemeral messages shown to one person, in every conversation, oldest first. */
  ephemeralFor(userId: string): readonly TSlackMessage[];

  issueTrigger(userId: string): string;
  /** Uses a trigger_id the way views.open/views.push do: once, and within three seconds. */
  exchangeTrigger(triggerId: string): TOutcome<{ userId: string }>;

  setResponseUrlBase(base: string): void;
  issueResponseUrl(options: { userId: string; channelId: string; source: TResponseUrlSource }): {
    readonly id: string;
    readonly url: string;
  };
  responseUrl(id: string): TResponseUrlRecord | undefined;

  openModal(userId: string, definition: TJsonObject): TSlackView;
  pushModal(userId: string, definition: TJsonObject): TOutcome<TSlackView>;
  updateView(viewId: string, definition: TJsonObject, expectedHash?: string): TOutcome<TSlackView>;
  /** Closes a modal view: the one on top goes back to the one under it; closing the root closes all. */
  closeView(viewId: string): void;
  clearModals(userId: string): void;
  setViewState(viewId: string, state: TViewStateValues): void;
  setViewErrors(viewId: string, errors: Readonly<Record<string, string>>): void;
  publishHome(userId: string, definition: TJsonObject, expectedHash?: string): TOutcome<TSlackView>;
  viewById(viewId: string): TSlackView | undefined;
  viewByExternalId(externalId: string): TSlackView | undefined;
  /** The modal stack shown to a person, root first; empty when no modal is open. */
  openViewsOf(userId: string): readonly TSlackView[];
  homeOf(userId: string): TSlackView | undefined;

  record(entry: TTimelineInput): TTimelineEntry;
  /** Everything in order; from `since` (a sequence number, exclusive) when given. */
  timeline(since?: number): readonly TTimelineEntry[];
  calls(method?: string): readonly TWebApiCall[];
  /** The sequence number of the latest timeline entry (0 before any). */
  lastSequence(): number;
  /** Resolves with the first non-undefined `find()` result, checking again after every change. */
  waitFor<TValue>(find: () => TValue | undefined, options?: TWaitOptions): Promise<TValue>;
}

const DEFAULT_WAIT_MILLISECONDS = 2_000;

function snapshotMessage(record: TMessageRecord): TSlackMessage {
  return {
    channel: record.channel,
    ts: record.ts,
    threadTs: record.threadTs,
    author: record.author,
    fromApp: record.fromApp,
    text: record.text,
    blocks: copyJson(record.blocks),
    visibleOnlyTo: record.visibleOnlyTo,
    origin: record.origin,
    edited: record.edited,
  };
}

function snapshotView(record: TViewRecord): TSlackView {
  const definition = copyJson(record.definition);
  const title = definition.title;
  return {
    id: record.id,
    type: record.type,
    userId: record.userId,
    callbackId: stringField(definition, "callback_id") ?? "",
    privateMetadata: stringField(definition, "private_metadata") ?? "",
    externalId: stringField(definition, "external_id") ?? "",
    title:
      typeof title === "object" && title !== null && !Array.isArray(title)
        ? (stringField(title, "text") ?? "")
        : "",
    blocks: arrayField(definition, "blocks") ?? [],
    definition,
    state: structuredClone(record.state),
    errors: { ...record.errors },
    hash: record.hash,
    rootViewId: record.rootViewId,
    previousViewId: record.previousViewId,
    isOpen: record.isOpen,
  };
}

/** Keeps what a person entered in elements a views.update leaves in place (same block_id, action_id and type). */
function stateKeptAcrossUpdate(state: TViewStateValues, blocks: readonly TJsonValue[]): TViewStateValues {
  const kept: TViewStateValues = {};
  for (const element of interactiveElementsOf(blocks)) {
    const entry = state[element.blockId]?.[element.actionId];
    if (entry === undefined || stringField(entry, "type") !== element.type) continue;
    kept[element.blockId] = { ...kept[element.blockId], [element.actionId]: entry };
  }
  return kept;
}

export function createSlackWorkspace(options: TSlackWorkspaceOptions): TSlackWorkspace {
  const clock = options.clock ?? Date.now;
  const identifiers = createSlackIdentifiers();
  const teamId = options.teamId ?? options.users[0]?.teamId ?? "T0SANDBOX";
  const app: TSlackAppIdentity = {
    appId: options.appId ?? "A0SANDBOX",
    botId: options.botId ?? "B0SANDBOX",
    botUserId: options.botUserId,
    botName: options.botName ?? "sandbox-bot",
    teamId,
    teamDomain: options.teamDomain ?? "sandbox",
    verificationToken: options.verificationToken ?? "sandbox-verification-token",
  };
  const botUser: TSlackUser = {
    id: app.botUserId,
    name: app.botName,
    realName: app.botName,
    email: "",
    teamId,
  };
  const usersById = new Map<string, TSlackUser>([[botUser.id, botUser]]);
  for (const user of options.users) usersById.set(user.id, user);
  const channels = new Map((options.channels ?? []).map((channel) => [channel.id, channel]));
  const directMessageChannels = new Map<string, string>();
  const usersByDirectMessageChannel = new Map<string, string>();
  for (const user of usersById.values()) {
    const channelId = `D${user.id.replace(/^[UW]/, "")}`;
    directMessageChannels.set(user.id, channelId);
    usersByDirectMessageChannel.set(channelId, user.id);
  }

  const messages: TMessageRecord[] = [];
  const views = new Map<string, TViewRecord>();
  const modalStacks = new Map<string, string[]>();
  const homes = new Map<string, string>();
  const triggers = new Map<string, TTriggerRecord>();
  const responseUrls = new Map<string, TResponseUrlRecord>();
  const entries: TTimelineEntry[] = [];
  const changeListeners = new Set<() => void>();
  let responseUrlBase = "http://127.0.0.1/";

  function changed(): void {
    for (const listener of [...changeListeners]) listener();
  }

  function conversation(channelOrUserId: string): TConversation | undefined {
    const directChannel = directMessageChannels.get(channelOrUserId);
    if (directChannel !== undefined) return { kind: "im", id: directChannel, userId: channelOrUserId };
    const directUser = usersByDirectMessageChannel.get(channelOrUserId);
    if (directUser !== undefined) return { kind: "im", id: channelOrUserId, userId: directUser };
    const channel = channels.get(channelOrUserId);
    if (channel !== undefined) return { kind: "channel", id: channel.id, name: channel.name };
    return undefined;
  }

  function directMessageChannelOf(userId: string): string {
    const channelId = directMessageChannels.get(userId);
    if (channelId === undefined) throw new Error(`no user ${userId} in the sandbox workspace`);
    return channelId;
  }

  function findMessageRecord(channel: string, ts: string): TMessageRecord | undefined {
    const channelId = conversation(channel)?.id ?? channel;
    return messages.find((record) => record.channel === channelId && record.ts === ts && !record.deleted);
  }

  function normalisedBlocks(blocks: readonly TJsonValue[]): TJsonValue[] {
    return withSlackAssignedIdentifiers(blocks, identifiers);
  }

  function normalisedDefinition(definition: TJsonObject): TJsonObject {
    const copy = copyJson(definition);
    copy.blocks = normalisedBlocks(arrayField(copy, "blocks") ?? []);
    return copy;
  }

  function newView(
    userId: string,
    type: TViewType,
    definition: TJsonObject,
    previous: TViewRecord | undefined,
  ) {
    const id = identifiers.viewId();
    const record: TViewRecord = {
      id,
      type,
      userId,
      definition: normalisedDefinition(definition),
      state: {},
      errors: {},
      hash: identifiers.viewHash(clock()),
      rootViewId: previous?.rootViewId ?? id,
      previousViewId: previous?.id ?? null,
      isOpen: true,
    };
    views.set(id, record);
    return record;
  }

  function closeStack(userId: string): void {
    for (const viewId of modalStacks.get(userId) ?? []) {
      const record = views.get(viewId);
      if (record !== undefined) record.isOpen = false;
    }
    modalStacks.delete(userId);
  }

  function viewOfExternalId(externalId: string): TViewRecord | undefined {
    if (externalId === "") return undefined;
    return [...views.values()].find((record) => stringField(record.definition, "external_id") === externalId);
  }

  return {
    app,
    botToken: options.botToken,
    identifiers,
    now: clock,

    user: (userId) => usersById.get(userId),
    userByEmail: (email) =>
      [...usersById.values()].find(
        (user) => user.email !== "" && user.email.toLowerCase() === email.toLowerCase(),
      ),
    users: () => options.users,
    conversation,
    directMessageChannelOf,

    postMessage(message) {
      const channelId = conversation(message.channel)?.id ?? message.channel;
      const record: TMessageRecord = {
        channel: channelId,
        ts: identifiers.messageTimestamp(clock()),
        threadTs: message.threadTs,
        author: message.author,
        fromApp: message.fromApp,
        text: message.text,
        blocks: normalisedBlocks(message.blocks),
        visibleOnlyTo: message.visibleOnlyTo,
        origin: message.origin,
        edited: false,
        deleted: false,
      };
      messages.push(record);
      changed();
      return snapshotMessage(record);
    },
    message(channel, ts) {
      const record = findMessageRecord(channel, ts);
      return record === undefined ? undefined : snapshotMessage(record);
    },
    editMessage(channel, ts, content) {
      const record = findMessageRecord(channel, ts);
      if (record === undefined) throw new Error(`no message ${ts} in ${channel}`);
      record.text = content.text;
      record.blocks = normalisedBlocks(content.blocks);
      record.edited = true;
      changed();
      return snapshotMessage(record);
    },
    deleteMessage(channel, ts) {
      const record = findMessageRecord(channel, ts);
      if (record === undefined) return;
      record.deleted = true;
      changed();
    },
    messagesIn(channelOrUserId) {
      const channelId = conversation(channelOrUserId)?.id ?? channelOrUserId;
      return messages
        .filter(
          (record) => record.channel === channelId && !record.deleted && record.visibleOnlyTo === undefined,
        )
        .map(snapshotMessage);
    },
    ephemeralFor(userId) {
      return messages
        .filter((record) => record.visibleOnlyTo === userId && !record.deleted)
        .map(snapshotMessage);
    },

    issueTrigger(userId) {
      const triggerId = identifiers.triggerId();
      triggers.set(triggerId, { userId, issuedAt: clock(), exchanged: false });
      return triggerId;
    },
    exchangeTrigger(triggerId) {
      const trigger = triggers.get(triggerId);
      if (trigger === undefined) return { ok: false, error: "invalid_trigger_id" };
      if (trigger.exchanged) return { ok: false, error: "exchanged_trigger_id" };
      if (clock() - trigger.issuedAt > TRIGGER_LIFETIME_MILLISECONDS)
        return { ok: false, error: "expired_trigger_id" };
      trigger.exchanged = true;
      return { ok: true, value: { userId: trigger.userId } };
    },

    setResponseUrlBase(base) {
      responseUrlBase = base.endsWith("/") ? base : `${base}/`;
    },
    issueResponseUrl({ userId, channelId, source }) {
      const id = identifiers.responseUrlId();
      responseUrls.set(id, {
        id,
        userId,
        channelId,
        issuedAt: clock(),
        source,
        uses: 0,
        originalTs: source.kind === "message" ? source.ts : undefined,
      });
      return { id, url: `${responseUrlBase}response/${id}` };
    },
    responseUrl: (id) => responseUrls.get(id),

    openModal(userId, definition) {
      closeStack(userId);
      const record = newView(userId, "modal", definition, undefined);
      modalStacks.set(userId, [record.id]);
      changed();
      return snapshotView(record);
    },
    pushModal(userId, definition) {
      const stack = modalStacks.get(userId) ?? [];
      const top = views.get(stack[stack.length - 1] ?? "");
      if (top === undefined) return { ok: false, error: "not_found" };
      if (stack.length >= MAXIMUM_MODAL_STACK) return { ok: false, error: "push_limit_reached" };
      const record = newView(userId, "modal", definition, top);
      stack.push(record.id);
      changed();
      return { ok: true, value: snapshotView(record) };
    },
    updateView(viewId, definition, expectedHash) {
      const record = views.get(viewId);
      if (record === undefined || !record.isOpen) return { ok: false, error: "not_found" };
      if (expectedHash !== undefined && expectedHash !== record.hash)
        return { ok: false, error: "hash_conflict" };
      record.definition = normalisedDefinition(definition);
      record.state = stateKeptAcrossUpdate(record.state, arrayField(record.definition, "blocks") ?? []);
      record.errors = {};
      record.hash = identifiers.viewHash(clock());
      changed();
      return { ok: true, value: snapshotView(record) };
    },
    closeView(viewId) {
      const record = views.get(viewId);
      if (record === undefined || record.type !== "modal") return;
      const stack = modalStacks.get(record.userId) ?? [];
      const position = stack.indexOf(viewId);
      if (position <= 0) {
        closeStack(record.userId);
      } else {
        for (const closedId of stack.splice(position)) {
          const closed = views.get(closedId);
          if (closed !== undefined) closed.isOpen = false;
        }
      }
      changed();
    },
    clearModals(userId) {
      closeStack(userId);
      changed();
    },
    setViewState(viewId, state) {
      const record = views.get(viewId);
      if (record === undefined) return;
      record.state = structuredClone(state);
      changed();
    },
    setViewErrors(viewId, errors) {
      const record = views.get(viewId);
      if (record === undefined) return;
      record.errors = { ...errors };
      changed();
    },
    publishHome(userId, definition, expectedHash) {
      const existing = views.get(homes.get(userId) ?? "");
      if (existing === undefined) {
        const record = newView(userId, "home", definition, undefined);
        homes.set(userId, record.id);
        changed();
        return { ok: true, value: snapshotView(record) };
      }
      if (expectedHash !== undefined && expectedHash !== existing.hash)
        return { ok: false, error: "hash_conflict" };
      existing.definition = normalisedDefinition(definition);
      existing.state = stateKeptAcrossUpdate(existing.state, arrayField(existing.definition, "blocks") ?? []);
      existing.hash = identifiers.viewHash(clock());
      changed();
      return { ok: true, value: snapshotView(existing) };
    },
    viewById(viewId) {
      const record = views.get(viewId);
      return record === undefined ? undefined : snapshotView(record);
    },
    viewByExternalId(externalId) {
      const record = viewOfExternalId(externalId);
      return record === undefined ? undefined : snapshotView(record);
    },
    openViewsOf(userId) {
      return (modalStacks.get(userId) ?? []).flatMap((viewId) => {
        const record = views.get(viewId);
        return record === undefined ? [] : [snapshotView(record)];
      });
    },
    homeOf(userId) {
      const record = views.get(homes.get(userId) ?? "");
      return record === undefined ? undefined : snapshotView(record);
    },

    record(entry) {
      const recorded: TTimelineEntry = { ...entry, sequence: entries.length + 1, at: clock() };
      entries.push(recorded);
      changed();
      return recorded;
    },
    timeline: (since = 0) => entries.filter((entry) => entry.sequence > since),
    calls(method) {
      return entries
        .filter((entry) => entry.kind === "api_call" && (method === undefined || entry.name === method))
        .map((entry): TWebApiCall => {
          const response = entry.response;
          const body =
            typeof response === "object" && response !== null && !Array.isArray(response) ? response : {};
          const request = entry.request;
          return {
            sequence: entry.sequence,
            at: entry.at,
            method: entry.name,
            arguments:
              typeof request === "object" && request !== null && !Array.isArray(request) ? request : {},
            status: entry.status,
            response,
            ok: body.ok === true,
            error: stringField(body, "error"),
          };
        });
    },
    lastSequence: () => entries.length,
    waitFor(find, waitOptions = {}) {
      const timeoutMilliseconds = waitOptions.timeoutMilliseconds ?? DEFAULT_WAIT_MILLISECONDS;
      return new Promise((resolve, reject) => {
        const immediate = find();
        if (immediate !== undefined) {
          resolve(immediate);
          return;
        }
        const check = (): void => {
          const found = find();
          if (found === undefined) return;
          changeListeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          changeListeners.delete(check);
          reject(
            new Error(
              `timed out after ${timeoutMilliseconds} ms waiting for ${waitOptions.description ?? "a change"}`,
            ),
          );
        }, timeoutMilliseconds);
        changeListeners.add(check);
      });
    },
  };
}
