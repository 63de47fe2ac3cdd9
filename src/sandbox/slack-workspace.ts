// The state of the stand-in for Slack, composed of the stores in `workspace/`: people and
// conversations, the messages each person sees, the modals and Home tabs open for them, the
// trigger_ids and response_urls handed out, the options external menus offered, and a timeline of
// everything the app and Slack said to each other. Every change is told to its subscribers. No I/O
// here: the request handler (HTTP) and the user simulator both work through this object, and a
// browser sandbox can too.

import { createChangeFeed } from "./change-feed.ts";
import { createSlackIdentifiers, type TSlackIdentifiers } from "./slack-identifiers.ts";
import type { TSlackAppIdentity, TSlackChannel, TSlackUser } from "./slack-records.ts";
import type { TWorkspaceChange, TWorkspaceChanges } from "./workspace/changes.ts";
import { createMessageStore, type TMessageStore } from "./workspace/messages.ts";
import { createPeopleAndChannels, type TPeopleAndChannels } from "./workspace/people-and-channels.ts";
import { createSuggestedOptions, type TSuggestedOptions } from "./workspace/suggested-options.ts";
import { createTimeline, type TTimeline } from "./workspace/timeline.ts";
import {
  createTriggersAndResponseUrls,
  type TTriggersAndResponseUrls,
} from "./workspace/triggers-and-response-urls.ts";
import { createViewStore, type TViewStore } from "./workspace/views.ts";

export type { TWaitOptions, TWorkspaceChange, TWorkspaceListener } from "./workspace/changes.ts";
export type { TOutcome } from "./workspace/outcome.ts";

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

export interface TSlackWorkspace
  extends TPeopleAndChannels,
    TMessageStore,
    TViewStore,
    TTriggersAndResponseUrls,
    TSuggestedOptions,
    TTimeline,
    TWorkspaceChanges {
  readonly app: TSlackAppIdentity;
  readonly botToken: string;
  readonly identifiers: TSlackIdentifiers;
  now(): number;
}

export function createSlackWorkspace(options: TSlackWorkspaceOptions): TSlackWorkspace {
  const clock = options.clock ?? Date.now;
  const identifiers = createSlackIdentifiers();
  const app: TSlackAppIdentity = {
    appId: options.appId ?? "A0SANDBOX",
    botId: options.botId ?? "B0SANDBOX",
    botUserId: options.botUserId,
    botName: options.botName ?? "sandbox-bot",
    teamId: options.teamId ?? options.users[0]?.teamId ?? "T0SANDBOX",
    teamDomain: options.teamDomain ?? "sandbox",
    verificationToken: options.verificationToken ?? "sandbox-verification-token",
  };
  const changes = createChangeFeed<TWorkspaceChange>();
  const { publish } = changes;
  const people = createPeopleAndChannels({ app, users: options.users, channels: options.channels ?? [] });

  return {
    app,
    botToken: options.botToken,
    identifiers,
    now: clock,
    ...people,
    ...createMessageStore({
      identifiers,
      clock,
      channelIdOf: (channelOrUserId) => people.conversation(channelOrUserId)?.id,
      publish,
    }),
    ...createViewStore({ identifiers, clock, publish }),
    ...createTriggersAndResponseUrls({ identifiers, clock }),
    ...createSuggestedOptions(),
    ...createTimeline({ clock, publish }),
    subscribe: changes.subscribe,
    waitFor: changes.waitFor,
  };
}
