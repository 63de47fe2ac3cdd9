// What the stand-in for Slack remembers and shows: people, conversations, messages, views and the
// timeline of everything that crossed the wire. Read-only snapshots; only the workspace changes them.
import type { TJsonObject, TJsonValue } from "./json.ts";
import type { TViewStateValues } from "./view-state.ts";

export interface TSlackUser {
  readonly id: string;
  /** The handle (`user_name` in slash commands). */
  readonly name: string;
  readonly realName: string;
  readonly email: string;
  readonly teamId: string;
}

export interface TSlackChannel {
  readonly id: string;
  readonly name: string;
}

/** Who Slack believes the app is: the values it puts in every payload and answers to auth.test. */
export interface TSlackAppIdentity {
  readonly appId: string;
  readonly botId: string;
  readonly botUserId: string;
  readonly botName: string;
  readonly teamId: string;
  readonly teamDomain: string;
  /** The deprecated verification token Slack still sends as `token` in payloads. */
  readonly verificationToken: string;
}

export type TMessageOrigin =
  /** The app through the Web API. */
  | "chat.postMessage"
  | "chat.postEphemeral"
  /** The body of the app's HTTP answer to a slash command. */
  | "command_response"
  /** The app through a response_url. */
  | "response_url"
  /** A person typed it. */
  | "person";

export interface TSlackMessage {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs: string | undefined;
  /** The user id of the author: the bot user for everything the app sends. */
  readonly author: string;
  readonly fromApp: boolean;
  readonly text: string;
  readonly blocks: readonly TJsonValue[];
  /** Set for an ephemeral message: the one user who sees it. */
  readonly visibleOnlyTo: string | undefined;
  readonly origin: TMessageOrigin;
  readonly edited: boolean;
}

export type TViewType = "modal" | "home";

export interface TSlackView {
  readonly id: string;
  readonly type: TViewType;
  /** The person the view is shown to. */
  readonly userId: string;
  readonly callbackId: string;
  readonly privateMetadata: string;
  readonly externalId: string;
  /** The modal's title text ("" for a Home tab). */
  readonly title: string;
  readonly blocks: readonly TJsonValue[];
  /** The view as the app last sent it, with the block_id/action_id Slack filled in. */
  readonly definition: TJsonObject;
  /** What the person has entered so far, as Slack would send it. */
  readonly state: TViewStateValues;
  /** Messages shown beside input blocks (block_id → message) after the app answered `errors`. */
  readonly errors: Readonly<Record<string, string>>;
  readonly hash: string;
  readonly rootViewId: string;
  readonly previousViewId: string | null;
  readonly isOpen: boolean;
}

export type TTimelineKind =
  /** The app called the Web API. */
  | "api_call"
  /** The app posted to a response_url. */
  | "response_url"
  /** Slack (the simulator) sent the app a request and got its answer. */
  | "app_request";

export interface TTimelineEntry {
  readonly sequence: number;
  /** Milliseconds since the epoch, on the workspace clock. */
  readonly at: number;
  readonly kind: TTimelineKind;
  /** The Web API method, `response_url`, or the payload type sent to the app (`slash_command`, `view_submission`…). */
  readonly name: string;
  /** The person involved, when one is. */
  readonly userId: string | undefined;
  /** What was sent (tokens left out). */
  readonly request: TJsonValue;
  readonly status: number;
  readonly response: TJsonValue;
}

export interface TWebApiCall {
  readonly sequence: number;
  readonly at: number;
  readonly method: string;
  readonly arguments: TJsonObject;
  readonly status: number;
  readonly response: TJsonValue;
  readonly ok: boolean;
  readonly error: string | undefined;
}
