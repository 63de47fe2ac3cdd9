// The outbox's Slack deliveries of access requests: each request posted for approval (the requests
// channel or an admin's DM; where it landed is kept), every posted copy updated once it is decided,
// and the requester told the outcome by DM. Each renders the request as it is when delivered, so a
// post that goes out after the decision already says who decided.
import type { WebClient } from "@slack/web-api";
import {
  getAccessRequest,
  listAccessRequestMessages,
  recordAccessRequestMessage,
} from "../../application/access-requests/access-request-messages.ts";
import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import {
  OutboxKind,
  ZAccessRequestOutcomePayload,
  ZAccessRequestPostPayload,
  ZAccessRequestUpdatePayload,
} from "../../application/outbox/outbox-messages.ts";
import type { TLocale } from "../../i18n/locale.ts";
import {
  cancelled,
  delivered,
  parsePayload,
  type TOutboxHandlers,
} from "../../infrastructure/outbox/outbox-handler.ts";
import {
  accessRequestMessage,
  requesterOutcomeMessage,
} from "../features/access-requests/views/access-request-message.ts";
import { classifySlackError } from "./slack-delivery-errors.ts";

export function createAccessRequestOutboxHandlers(options: {
  dependencies: TUseCaseDependencies;
  client: WebClient;
  locale: TLocale;
}): TOutboxHandlers {
  const { dependencies, client, locale } = options;
  return {
    [OutboxKind.ACCESS_REQUEST_POST]: async (delivery) => {
      const payload = parsePayload(ZAccessRequestPostPayload, delivery);
      const request = await getAccessRequest(dependencies, payload.accessRequestId);
      if (request === undefined) return cancelled("access request not found");
      let posted: { channel?: string; ts?: string };
      try {
        posted = await client.chat.postMessage({
          channel: payload.destination,
          ...accessRequestMessage(request, locale),
          unfurl_links: false,
        });
      } catch (error) {
        throw classifySlackError(error);
      }
      if (posted.channel !== undefined && posted.ts !== undefined)
        await recordAccessRequestMessage(dependencies, {
          accessRequestId: request.id,
          channelId: posted.channel,
          ts: posted.ts,
        });
      return delivered;
    },
    [OutboxKind.ACCESS_REQUEST_UPDATE]: async (delivery) => {
      const payload = parsePayload(ZAccessRequestUpdatePayload, delivery);
      const request = await getAccessRequest(dependencies, payload.accessRequestId);
      if (request === undefined) return cancelled("access request not found");
      const message = accessRequestMessage(request, locale);
      // Every copy again on a retry: an update says the same thing twice without harm.
      for (const posted of await listAccessRequestMessages(dependencies, request.id)) {
        try {
          await client.chat.update({ channel: posted.channelId, ts: posted.ts, ...message });
        } catch (error) {
          throw classifySlackError(error);
        }
      }
      return delivered;
    },
    [OutboxKind.ACCESS_REQUEST_OUTCOME]: async (delivery) => {
      const payload = parsePayload(ZAccessRequestOutcomePayload, delivery);
      const request = await getAccessRequest(dependencies, payload.accessRequestId);
      if (request === undefined) return cancelled("access request not found");
      const message = requesterOutcomeMessage(request, payload.locale);
      if (message === undefined) return cancelled("access request still open");
      try {
        await client.chat.postMessage({ channel: request.slackUserId, ...message });
      } catch (error) {
        throw classifySlackError(error);
      }
      return delivered;
    },
  };
}
