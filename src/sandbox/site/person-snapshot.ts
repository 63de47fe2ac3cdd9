// What one person of the sandbox sees right now, as the page's JSON: their DM with the app and the
// audit channel (their own ephemeral messages in place), their Home tab and modal stack (with what
// they entered, the errors beside the fields and what the external menus last offered), Slack's
// notices to them, every email the bot sent and the timeline with its problems named.
import type { TLocale } from "../../i18n/locale.ts";
import { interactiveElementsOf } from "../block-kit-reading.ts";
import type { TJsonObject, TJsonValue } from "../json.ts";
import type { TMailbox } from "../mailbox/mailbox.ts";
import type { TMailboxMessage } from "../mailbox/mailbox-message.ts";
import type { TSlackChannel, TSlackMessage, TSlackView, TTimelineEntry } from "../slack-records.ts";
import type { TSlackUserSimulator } from "../slack-user-simulator.ts";
import type { TSlackWorkspace } from "../slack-workspace.ts";
import { errorsInPageLanguage } from "./client-check-messages.ts";
import { withPasswordsMasked } from "./masked-passwords.ts";
import type { TNoticeBoard, TSlackNotice } from "./slack-notices.ts";
import { problemOf, type TTimelineProblem } from "./timeline-problems.ts";

/** The timeline entries a snapshot carries: the latest, the page shows them newest first. */
export const TIMELINE_ENTRIES_SHOWN = 150;
const EMAILS_SHOWN = 200;

export interface TPageMessage {
  readonly channel: string;
  readonly ts: string;
  readonly author: string;
  readonly fromApp: boolean;
  readonly text: string;
  readonly blocks: readonly TJsonValue[];
  readonly ephemeral: boolean;
  readonly edited: boolean;
}

export interface TPageView {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly hash: string;
  readonly definition: TJsonObject;
  readonly state: TJsonValue;
  readonly errors: Readonly<Record<string, string>>;
  /** Per block_id, then action_id: what an external menu of the view last offered this person. */
  readonly suggestedOptions: Readonly<Record<string, Readonly<Record<string, readonly TJsonObject[]>>>>;
}

export interface TPageConversation {
  readonly id: string;
  readonly kind: "direct_message" | "channel";
  readonly name: string;
  readonly messages: readonly TPageMessage[];
}

export interface TPageEmail {
  readonly sequence: number;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  /** ISO 8601: the Date header, else when it arrived. */
  readonly date: string;
  readonly text: string;
}

export interface TPageTimelineEntry {
  readonly sequence: number;
  readonly at: number;
  readonly kind: string;
  readonly name: string;
  readonly userId: string | null;
  readonly status: number;
  readonly request: TJsonValue;
  readonly response: TJsonValue;
  readonly problem: TTimelineProblem | null;
}

export interface TPersonSnapshot {
  readonly person: string;
  readonly conversations: readonly TPageConversation[];
  readonly home: TPageView | null;
  readonly modals: readonly TPageView[];
  readonly notices: readonly TSlackNotice[];
  readonly inbox: readonly TPageEmail[];
  /** Oldest first; the latest TIMELINE_ENTRIES_SHOWN. */
  readonly timeline: readonly TPageTimelineEntry[];
  /** The people whose Slack account a workspace admin has deactivated (the developer panel's switches). */
  readonly deactivatedPeople: readonly string[];
}

export interface TSnapshotSources {
  readonly workspace: TSlackWorkspace;
  readonly mailbox: TMailbox;
  readonly auditChannel: TSlackChannel;
  readonly notices: TNoticeBoard;
  readonly locale: TLocale;
}

function pageMessage(message: TSlackMessage): TPageMessage {
  return {
    channel: message.channel,
    ts: message.ts,
    author: message.author,
    fromApp: message.fromApp,
    text: message.text,
    blocks: message.blocks,
    ephemeral: message.visibleOnlyTo !== undefined,
    edited: message.edited,
  };
}

function pageView(view: TSlackView, workspace: TSlackWorkspace, locale: TLocale): TPageView {
  const suggestedOptions: Record<string, Record<string, readonly TJsonObject[]>> = {};
  for (const element of interactiveElementsOf(view.blocks)) {
    if (element.type !== "external_select" && element.type !== "multi_external_select") continue;
    const options = workspace.suggestedOptionsFor({
      userId: view.userId,
      blockId: element.blockId,
      actionId: element.actionId,
    });
    suggestedOptions[element.blockId] = { ...suggestedOptions[element.blockId], [element.actionId]: options };
  }
  return {
    id: view.id,
    type: view.type,
    title: view.title,
    hash: view.hash,
    definition: view.definition,
    state: view.state,
    errors: errorsInPageLanguage(view.errors, locale),
    suggestedOptions,
  };
}

function pageEmail(message: TMailboxMessage): TPageEmail {
  const named = (address: { name: string; address: string }) =>
    address.name === "" ? address.address : `${address.name} <${address.address}>`;
  return {
    sequence: message.sequence,
    from: message.from === undefined ? "" : named(message.from),
    to: message.to.map(named),
    subject: message.subject,
    date: (message.date ?? message.receivedAt).toISOString(),
    text: message.text,
  };
}

function pageTimelineEntry(entry: TTimelineEntry, sources: TSnapshotSources): TPageTimelineEntry {
  const problem = problemOf(entry, sources.notices.answerRefusalOf(entry.sequence), sources.locale);
  return {
    sequence: entry.sequence,
    at: entry.at,
    kind: entry.kind,
    name: entry.name,
    userId: entry.userId ?? null,
    status: entry.status,
    request: withPasswordsMasked(entry.request),
    response: entry.response,
    problem: problem ?? null,
  };
}

export function personSnapshot(person: TSlackUserSimulator, sources: TSnapshotSources): TPersonSnapshot {
  const { workspace } = sources;
  const since = Math.max(0, workspace.lastSequence() - TIMELINE_ENTRIES_SHOWN);
  const home = person.home();
  return {
    person: person.user.id,
    conversations: [
      {
        id: person.directMessageChannelId,
        kind: "direct_message",
        name: person.user.name,
        messages: person.conversationView(person.directMessageChannelId).map(pageMessage),
      },
      {
        id: sources.auditChannel.id,
        kind: "channel",
        name: sources.auditChannel.name,
        messages: person.conversationView(sources.auditChannel.id).map(pageMessage),
      },
    ],
    home: home === undefined ? null : pageView(home, workspace, sources.locale),
    modals: person.modalStack().map((view) => pageView(view, workspace, sources.locale)),
    notices: sources.notices.noticesFor(person.user.id),
    inbox: sources.mailbox.messages().slice(-EMAILS_SHOWN).map(pageEmail),
    timeline: workspace.timeline(since).map((entry) => pageTimelineEntry(entry, sources)),
    deactivatedPeople: workspace
      .users()
      .filter((user) => workspace.isDeactivated(user.id))
      .map((user) => user.id),
  };
}
