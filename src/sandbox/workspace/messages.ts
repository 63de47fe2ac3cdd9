// The messages of every conversation, public and ephemeral, as Slack keeps them: each with the
// block_id/action_id Slack fills in, edited in place, deleted out of sight.
import { withSlackAssignedIdentifiers } from "../block-kit-reading.ts";
import { copyJson, type TJsonValue } from "../json.ts";
import type { TSlackIdentifiers } from "../slack-identifiers.ts";
import type { TMessageOrigin, TSlackMessage } from "../slack-records.ts";
import type { TWorkspaceChange } from "./changes.ts";

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

export interface TMessageStore {
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
}

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

export function createMessageStore(options: {
  readonly identifiers: TSlackIdentifiers;
  readonly clock: () => number;
  /** The channel id a user id or DM id names (a DM's id for a user); undefined when none. */
  readonly channelIdOf: (channelOrUserId: string) => string | undefined;
  readonly publish: (change: TWorkspaceChange) => void;
}): TMessageStore {
  const { identifiers, publish } = options;
  const messages: TMessageRecord[] = [];
  const channelIdOf = (channelOrUserId: string) => options.channelIdOf(channelOrUserId) ?? channelOrUserId;

  function findRecord(channel: string, ts: string): TMessageRecord | undefined {
    const channelId = channelIdOf(channel);
    return messages.find((record) => record.channel === channelId && record.ts === ts && !record.deleted);
  }

  return {
    postMessage(message) {
      const record: TMessageRecord = {
        channel: channelIdOf(message.channel),
        ts: identifiers.messageTimestamp(options.clock()),
        threadTs: message.threadTs,
        author: message.author,
        fromApp: message.fromApp,
        text: message.text,
        blocks: withSlackAssignedIdentifiers(message.blocks, identifiers),
        visibleOnlyTo: message.visibleOnlyTo,
        origin: message.origin,
        edited: false,
        deleted: false,
      };
      messages.push(record);
      const posted = snapshotMessage(record);
      publish({ kind: "message_posted", message: posted });
      return posted;
    },
    message(channel, ts) {
      const record = findRecord(channel, ts);
      return record === undefined ? undefined : snapshotMessage(record);
    },
    editMessage(channel, ts, content) {
      const record = findRecord(channel, ts);
      if (record === undefined) throw new Error(`no message ${ts} in ${channel}`);
      record.text = content.text;
      record.blocks = withSlackAssignedIdentifiers(content.blocks, identifiers);
      record.edited = true;
      const edited = snapshotMessage(record);
      publish({ kind: "message_edited", message: edited });
      return edited;
    },
    deleteMessage(channel, ts) {
      const record = findRecord(channel, ts);
      if (record === undefined) return;
      record.deleted = true;
      publish({ kind: "message_deleted", channel: record.channel, ts: record.ts });
    },
    messagesIn(channelOrUserId) {
      const channelId = channelIdOf(channelOrUserId);
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
  };
}
