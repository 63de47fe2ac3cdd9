// The requests "Slack" sends in the load: built with the sandbox's own payload builders (the same
// the end-to-end tests use), with a fresh trigger_id from the fake workspace and a response_url
// that points at the observing proxy, then signed with the sandbox's signSlackRequest and sent.
import { findInteractiveElement, type TInteractiveElement } from "../../src/sandbox/block-kit-reading.ts";
import type { TFakeSlackWebApi } from "../../src/sandbox/fake-slack-web-api.ts";
import { parseJson, type TJsonValue } from "../../src/sandbox/json.ts";
import {
  buildAction,
  buildBlockActionsPayload,
  buildSlashCommandFields,
  buildViewSubmissionPayload,
  DIRECT_MESSAGE_CHANNEL_NAME,
  encodeForm,
  encodeInteraction,
  type TEncodedRequest,
} from "../../src/sandbox/slack-payloads.ts";
import type { TSlackMessage, TSlackUser, TSlackView } from "../../src/sandbox/slack-records.ts";
import { signSlackRequest } from "../../src/sandbox/slack-signature.ts";
import { buildStateValues, type TStateContext, type TUserInputs } from "../../src/sandbox/view-state.ts";
import type { TObservingProxy } from "./observing-proxy.ts";

export interface TPreparedRequest {
  readonly request: TEncodedRequest;
  readonly triggerId: string;
  /** The response_url handed out with the request, when it has one. */
  readonly responseUrlId: string | undefined;
}

export interface TButtonChoice {
  readonly actionId: string;
  /** Sent instead of the button's own value (e.g. another page of the list). */
  readonly value?: string;
}

export interface TSlackRequests {
  slashCommand(user: TSlackUser, command: string, text: string): TPreparedRequest;
  buttonClick(user: TSlackUser, message: TSlackMessage, button: TButtonChoice): TPreparedRequest;
  viewSubmission(user: TSlackUser, view: TSlackView, inputs: TUserInputs): TPreparedRequest;
}

export function createSlackRequests(slack: TFakeSlackWebApi, proxy: TObservingProxy): TSlackRequests {
  const workspace = slack.workspace;
  const stateContext: TStateContext = {
    isKnownUser: (userId) => workspace.user(userId) !== undefined,
    suggestedOptionsFor: () => [],
  };

  function directMessageChannel(user: TSlackUser) {
    return { id: workspace.directMessageChannelOf(user.id), name: DIRECT_MESSAGE_CHANNEL_NAME };
  }

  return {
    slashCommand(user, command, text) {
      const channel = directMessageChannel(user);
      const responseUrl = workspace.issueResponseUrl({
        userId: user.id,
        channelId: channel.id,
        source: { kind: "command" },
      });
      const triggerId = workspace.issueTrigger(user.id);
      const fields = buildSlashCommandFields({
        app: workspace.app,
        user,
        channel,
        command,
        text,
        triggerId,
        responseUrl: proxy.responseUrl(responseUrl.id),
      });
      return { request: encodeForm(fields), triggerId, responseUrlId: responseUrl.id };
    },

    buttonClick(user, message, button) {
      const found = findInteractiveElement(message.blocks, { actionId: button.actionId });
      if (found === undefined) throw new Error(`the message shows no button ${button.actionId}`);
      const element: TInteractiveElement =
        button.value === undefined ? found : { ...found, element: { ...found.element, value: button.value } };
      const responseUrl = workspace.issueResponseUrl({
        userId: user.id,
        channelId: message.channel,
        source: { kind: "message", ts: message.ts },
      });
      const triggerId = workspace.issueTrigger(user.id);
      const payload = buildBlockActionsPayload({
        app: workspace.app,
        user,
        triggerId,
        container: {
          kind: "message",
          message,
          channel: directMessageChannel(user),
          responseUrl: proxy.responseUrl(responseUrl.id),
        },
        actions: [buildAction(element, undefined, workspace.identifiers.messageTimestamp(Date.now()))],
        stateValues: {},
      });
      return { request: encodeInteraction(payload), triggerId, responseUrlId: responseUrl.id };
    },

    viewSubmission(user, view, inputs) {
      const triggerId = workspace.issueTrigger(user.id);
      const payload = buildViewSubmissionPayload({
        app: workspace.app,
        user,
        triggerId,
        view,
        stateValues: buildStateValues(view.blocks, inputs, stateContext),
      });
      return { request: encodeInteraction(payload), triggerId, responseUrlId: undefined };
    },
  };
}

export interface TAppAnswer {
  readonly status: number;
  /** Parsed JSON when the answer says it is JSON, else its text ("" when empty). */
  readonly body: TJsonValue;
}

/** Slack gives up after 3 s; the load waits this long by default to learn how late an answer is. */
export const DEFAULT_ANSWER_TIMEOUT_MILLISECONDS = 15_000;

/**
 * One request signed and sent with the headers Slack sends (as the sandbox's deliverToApp does),
 * waiting up to `timeoutMilliseconds`; no answer (a timeout, a refused connection) is `undefined`.
 */
export async function deliver(
  appUrl: string,
  signingSecret: string,
  prepared: TPreparedRequest,
  timeoutMilliseconds: number = DEFAULT_ANSWER_TIMEOUT_MILLISECONDS,
): Promise<TAppAnswer | undefined> {
  const { body, contentType } = prepared.request;
  try {
    const response = await fetch(appUrl, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        ...signSlackRequest({ signingSecret, body }),
      },
      body,
      signal: AbortSignal.timeout(timeoutMilliseconds),
    });
    const text = await response.text();
    let parsed: TJsonValue = text;
    if (text !== "" && response.headers.get("content-type")?.includes("json") === true) {
      try {
        parsed = parseJson(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed };
  } catch {
    return undefined;
  }
}
