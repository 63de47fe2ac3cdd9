// One person using Slack against the app: they run slash commands, click buttons and pick options in
// what they see, fill in and submit modals, search external menus, write to the app and open its Home
// tab. Every step is a signed HTTP request to the app built as Slack builds it; the app's answer is
// applied as Slack applies it (a message shown, a modal updated, errors beside fields) and returned.
// Only what the person can see can be used: clicking a button no message shows is refused. The kinds
// of step live in `simulator/`; the state they change is the workspace's.
import type { TFakeSlackWebApi } from "./fake-slack-web-api.ts";
import { createCommandsAndEvents, type TCommandsAndEvents } from "./simulator/commands-and-events.ts";
import { createElementActions, type TElementActions } from "./simulator/element-actions.ts";
import { createModalActions, type TModalActions } from "./simulator/modal-actions.ts";
import type { TPerson } from "./simulator/person.ts";
import { createRequestsToApp } from "./simulator/requests-to-app.ts";
import { createSurfacesInSight } from "./simulator/surfaces-in-sight.ts";
import { type TWhatThePersonSees, whatThePersonSees } from "./simulator/what-the-person-sees.ts";
import type { TSlackUser } from "./slack-records.ts";

export type { TDeliveryOptions } from "./deliver-to-app.ts";
export type { TButtonTarget, TElementTarget, TSelection } from "./simulator/element-actions.ts";
export type { TOptionsRequestAnswer, TSubmitOptions } from "./simulator/modal-actions.ts";
export type { TAppAnswer } from "./simulator/requests-to-app.ts";
export type { TSurface } from "./simulator/surfaces-in-sight.ts";

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

export interface TSlackUserSimulator
  extends TCommandsAndEvents,
    TElementActions,
    TModalActions,
    TWhatThePersonSees {
  readonly user: TSlackUser;
  /** Where slash commands run. */
  readonly channelId: string;
  readonly directMessageChannelId: string;
}

export function createSlackUserSimulator(options: TSlackUserSimulatorOptions): TSlackUserSimulator {
  const { workspace } = options.slack;
  const user = workspace.user(options.userId);
  if (user === undefined) throw new Error(`no user ${options.userId} in the sandbox workspace`);
  const directMessageChannelId = workspace.directMessageChannelOf(user.id);
  const person: TPerson = {
    workspace,
    user,
    channelId: options.channelId ?? directMessageChannelId,
    directMessageChannelId,
    requests: createRequestsToApp({
      workspace,
      user,
      appUrl: options.appUrl,
      signingSecret: options.signingSecret,
    }),
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
