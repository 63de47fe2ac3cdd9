// One person using Slack against an app in Socket Mode: the same steps as slack-user-simulator.ts
// (commands, buttons, modals, menus, what the person sees), each one an envelope over the app's
// WebSocket instead of a signed HTTP request.

import { createCommandsAndEvents } from "../simulator/commands-and-events.ts";
import { createElementActions } from "../simulator/element-actions.ts";
import { createModalActions } from "../simulator/modal-actions.ts";
import type { TPerson } from "../simulator/person.ts";
import { createSurfacesInSight } from "../simulator/surfaces-in-sight.ts";
import { whatThePersonSees } from "../simulator/what-the-person-sees.ts";
import type { TSlackUserSimulator } from "../slack-user-simulator.ts";
import type { TSlackWorkspace } from "../slack-workspace.ts";
import { createSocketModeRequestsToApp } from "./socket-mode-requests.ts";
import type { TSocketModeServer } from "./socket-mode-server.ts";

export interface TSocketModeUserSimulatorOptions {
  readonly slack: { readonly workspace: TSlackWorkspace };
  /** The Socket Mode server the app is connected to. */
  readonly server: Pick<TSocketModeServer, "deliver">;
  readonly userId: string;
  /** Where slash commands are run: a channel id; the person's DM with the app when omitted. */
  readonly channelId?: string;
}

export function createSocketModeUserSimulator(options: TSocketModeUserSimulatorOptions): TSlackUserSimulator {
  const { workspace } = options.slack;
  const user = workspace.user(options.userId);
  if (user === undefined) throw new Error(`no user ${options.userId} in the sandbox workspace`);
  const directMessageChannelId = workspace.directMessageChannelOf(user.id);
  const person: TPerson = {
    workspace,
    user,
    channelId: options.channelId ?? directMessageChannelId,
    directMessageChannelId,
    requests: createSocketModeRequestsToApp({ workspace, user, server: options.server }),
    sight: createSurfacesInSight(workspace, user),
  };
  return {
    user,
    channelId: person.channelId,
    directMessageChannelId,
    ...createCommandsAndEvents(person),
    ...createElementActions(person),
    ...createModalActions(person),
    ...whatThePersonSees(person),
  };
}
