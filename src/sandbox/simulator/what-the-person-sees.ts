// What the person reads in their Slack client: their ephemeral messages, their DM with the app, a
// conversation with their own ephemeral messages in place, their modal stack and Home tab.
import type { TSlackMessage, TSlackView } from "../slack-records.ts";
import type { TPerson } from "./person.ts";

export interface TWhatThePersonSees {
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

/** Slack timestamps share one width (ten digits, a dot, six digits), so text order is time order. */
function compareTimestamps(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

export function whatThePersonSees(person: TPerson): TWhatThePersonSees {
  const { workspace, user } = person;
  return {
    ephemeralMessages: () => workspace.ephemeralFor(user.id),
    lastEphemeral: () => workspace.ephemeralFor(user.id).at(-1),
    directMessages: () => workspace.messagesIn(person.directMessageChannelId),
    conversationView(conversationId = person.channelId) {
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
