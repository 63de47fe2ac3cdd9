// What a person does outside any message or modal: run a slash command, write to the app, open its
// Home tab; and what Slack sends on its own: url_verification of the app's request URL, and the
// user_change event when the person's account is deactivated or reactivated.
import { showCommandAnswer } from "../app-answers.ts";
import type { TDeliveryOptions } from "../deliver-to-app.ts";
import {
  buildAppHomeOpenedEvent,
  buildDirectMessageEvent,
  buildSlashCommandFields,
  buildUrlVerification,
  buildUserChangeEvent,
  encodeEvent,
  encodeForm,
  slackViewObject,
} from "../slack-payloads.ts";
import type { TPerson } from "./person.ts";
import type { TAppAnswer } from "./requests-to-app.ts";

export interface TCommandsAndEvents {
  runSlashCommand(command: string, text?: string, delivery?: TDeliveryOptions): Promise<TAppAnswer>;
  sendDirectMessage(text: string, delivery?: TDeliveryOptions): Promise<TAppAnswer>;
  openAppHome(delivery?: TDeliveryOptions): Promise<TAppAnswer>;
  sendUrlVerification(challenge: string, delivery?: TDeliveryOptions): Promise<TAppAnswer>;
  /**
   * A Slack admin deactivates (true) or reactivates (false) this person: the workspace records it
   * (users.info says so) and Slack sends the app `user_change`.
   */
  setDeactivated(deactivated: boolean, delivery?: TDeliveryOptions): Promise<TAppAnswer>;
}

export function createCommandsAndEvents(person: TPerson): TCommandsAndEvents {
  const { workspace, user, requests, directMessageChannelId } = person;
  return {
    async runSlashCommand(command, text = "", delivery) {
      const channel = person.sight.payloadChannel(person.channelId);
      const responseUrl = workspace.issueResponseUrl({
        userId: user.id,
        channelId: channel.id,
        source: { kind: "command" },
      });
      const fields = buildSlashCommandFields({
        app: workspace.app,
        user,
        channel,
        command,
        text,
        triggerId: workspace.issueTrigger(user.id),
        responseUrl: responseUrl.url,
      });
      return requests.send("slash_command", encodeForm(fields), delivery, (body) =>
        showCommandAnswer(
          workspace,
          { userId: user.id, channelId: channel.id, responseUrlId: responseUrl.id },
          body,
        ),
      );
    },

    async sendDirectMessage(text, delivery) {
      const message = workspace.postMessage({
        channel: directMessageChannelId,
        author: user.id,
        fromApp: false,
        text,
        blocks: [],
        origin: "person",
      });
      const event = buildDirectMessageEvent({
        user,
        channelId: directMessageChannelId,
        text,
        ts: message.ts,
        clientMessageId: workspace.identifiers.clientMessageId(),
      });
      return requests.send("event_callback:message.im", requests.eventRequest(event), delivery, () => []);
    },

    async openAppHome(delivery) {
      const home = workspace.homeOf(user.id);
      const event = buildAppHomeOpenedEvent({
        user,
        channelId: directMessageChannelId,
        tab: "home",
        view: home === undefined ? undefined : slackViewObject(home, workspace.app),
        eventTs: workspace.identifiers.messageTimestamp(workspace.now()),
      });
      return requests.send(
        "event_callback:app_home_opened",
        requests.eventRequest(event),
        delivery,
        () => [],
      );
    },

    async setDeactivated(deactivated, delivery) {
      workspace.setDeactivated(user.id, deactivated);
      const event = buildUserChangeEvent({
        user,
        deleted: deactivated,
        eventTs: workspace.identifiers.messageTimestamp(workspace.now()),
      });
      return requests.send("event_callback:user_change", requests.eventRequest(event), delivery, () => []);
    },

    async sendUrlVerification(challenge, delivery) {
      return requests.send(
        "url_verification",
        encodeEvent(buildUrlVerification({ app: workspace.app, challenge })),
        delivery,
        () => [],
      );
    },
  };
}
