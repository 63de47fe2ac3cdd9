// Who is in the workspace and where they talk: the people (the bot user among them), the channels the
// app may post in, and each person's DM with the app. Fixed when the workspace is created, except
// that a person's account can be deactivated (and reactivated), as a Slack admin does.
import type { TSlackAppIdentity, TSlackChannel, TSlackUser } from "../slack-records.ts";

export type TConversation =
  | { readonly kind: "channel"; readonly id: string; readonly name: string }
  | { readonly kind: "im"; readonly id: string; readonly userId: string };

export interface TPeopleAndChannels {
  user(userId: string): TSlackUser | undefined;
  userByEmail(email: string): TSlackUser | undefined;
  /** The people the workspace was created with (the bot user left out). */
  users(): readonly TSlackUser[];
  /** A user id, a DM channel id or a channel id, resolved to the conversation it names. */
  conversation(channelOrUserId: string): TConversation | undefined;
  directMessageChannelOf(userId: string): string;
  /** A Slack admin deactivates (true) or reactivates (false) a person: users.info says `deleted`. */
  setDeactivated(userId: string, deactivated: boolean): void;
  isDeactivated(userId: string): boolean;
}

export function createPeopleAndChannels(options: {
  readonly app: TSlackAppIdentity;
  readonly users: readonly TSlackUser[];
  readonly channels: readonly TSlackChannel[];
}): TPeopleAndChannels {
  const { app } = options;
  const botUser: TSlackUser = {
    id: app.botUserId,
    name: app.botName,
    realName: app.botName,
    email: "",
    teamId: app.teamId,
  };
  const usersById = new Map<string, TSlackUser>([[botUser.id, botUser]]);
  for (const user of options.users) usersById.set(user.id, user);
  const channels = new Map(options.channels.map((channel) => [channel.id, channel]));
  const deactivated = new Set<string>();
  const directMessageChannels = new Map<string, string>();
  const usersByDirectMessageChannel = new Map<string, string>();
  for (const user of usersById.values()) {
    const channelId = `D${user.id.replace(/^[UW]/, "")}`;
    directMessageChannels.set(user.id, channelId);
    usersByDirectMessageChannel.set(channelId, user.id);
  }

  return {
    user: (userId) => usersById.get(userId),
    userByEmail: (email) =>
      [...usersById.values()].find(
        (user) => user.email !== "" && user.email.toLowerCase() === email.toLowerCase(),
      ),
    users: () => options.users,
    conversation(channelOrUserId) {
      const directChannel = directMessageChannels.get(channelOrUserId);
      if (directChannel !== undefined) return { kind: "im", id: directChannel, userId: channelOrUserId };
      const directUser = usersByDirectMessageChannel.get(channelOrUserId);
      if (directUser !== undefined) return { kind: "im", id: channelOrUserId, userId: directUser };
      const channel = channels.get(channelOrUserId);
      if (channel !== undefined) return { kind: "channel", id: channel.id, name: channel.name };
      return undefined;
    },
    setDeactivated(userId, isDeactivated) {
      if (!usersById.has(userId)) throw new Error(`no user ${userId} in the sandbox workspace`);
      if (isDeactivated) deactivated.add(userId);
      else deactivated.delete(userId);
    },
    isDeactivated: (userId) => deactivated.has(userId),
    directMessageChannelOf(userId) {
      const channelId = directMessageChannels.get(userId);
      if (channelId === undefined) throw new Error(`no user ${userId} in the sandbox workspace`);
      return channelId;
    },
  };
}
