// The outbox's Slack deliveries: each audit event to the audit channel, and the DMs to linked
// portal users. The client here never waits out a rate limit itself: the outbox worker retries
// after Slack's Retry-After, so a limit or an outage delays messages and loses none.
import { randomUUID } from "node:crypto";
import type { WebClient } from "@slack/web-api";
import { findAuditEvent } from "../../application/audit/find-audit-event.ts";
import type { TUseCaseDependencies } from "../../application/dependencies.ts";
import {
  OutboxKind,
  ZAdminNoticePayload,
  ZAuditChannelPostPayload,
  ZSlackDirectMessagePayload,
} from "../../application/outbox/outbox-messages.ts";
import { getPortalUser } from "../../application/users/get-portal-user.ts";
import { ErrorCode, isDomainError } from "../../domain/errors.ts";
import type { TLocale } from "../../i18n/locale.ts";
import {
  cancelled,
  delivered,
  parsePayload,
  type TOutboxHandlers,
} from "../../infrastructure/outbox/outbox-handler.ts";
import { accountNoticeMessage } from "../features/account/views/account-notice-message.ts";
import { auditEventText } from "../features/audit/views/audit-event-text.ts";
import { adminNoticeMessage } from "../features/users/views/admin-notice-message.ts";
import { context, section } from "../ui/blocks.ts";
import { createAccessRequestOutboxHandlers } from "./access-request-outbox-handlers.ts";
import { classifySlackError } from "./slack-delivery-errors.ts";

export function createSlackOutboxHandlers(options: {
  dependencies: TUseCaseDependencies;
  client: WebClient;
  locale: TLocale;
}): TOutboxHandlers {
  const { dependencies, client, locale } = options;
  return {
    ...createAccessRequestOutboxHandlers(options),
    [OutboxKind.AUDIT_CHANNEL_POST]: async (delivery) => {
      const payload = parsePayload(ZAuditChannelPostPayload, delivery);
      const event = await findAuditEvent(dependencies, BigInt(payload.auditEventId));
      if (event === undefined) return cancelled("audit event not found");
      const text = auditEventText(event, locale);
      try {
        await client.chat.postMessage({
          channel: payload.channelId,
          text,
          blocks: [
            section(text),
            context(`#${event.id.toString()} · ${event.occurredAt.toISOString()} · ${event.requestId}`),
          ],
          unfurl_links: false,
        });
      } catch (error) {
        throw classifySlackError(error);
      }
      return delivered;
    },
    [OutboxKind.SLACK_DIRECT_MESSAGE]: async (delivery) => {
      const payload = parsePayload(ZSlackDirectMessagePayload, delivery);
      let user: Awaited<ReturnType<typeof getPortalUser>>;
      try {
        user = await getPortalUser(dependencies, {
          context: { actor: { kind: "system", name: "slack-delivery" }, requestId: randomUUID() },
          user: { id: payload.userId },
        });
      } catch (error) {
        if (isDomainError(error) && error.code === ErrorCode.USER_NOT_FOUND)
          return cancelled("account deleted");
        throw error;
      }
      // The account may have been linked to someone else since: tell only its current owner.
      if (user.slackUserId !== payload.slackUserId)
        return cancelled("account no longer linked to this Slack user");
      // The date was cleared (or moved away and warned again) since: this warning no longer holds.
      if (payload.message === "access_expiring" && user.accessUntil === null)
        return cancelled("access date cleared");
      const message = accountNoticeMessage(
        payload.message,
        user,
        payload.locale,
        dependencies.settings.credentialDelivery,
      );
      try {
        await client.chat.postMessage({ channel: payload.slackUserId, ...message });
      } catch (error) {
        throw classifySlackError(error);
      }
      return delivered;
    },
    [OutboxKind.SLACK_ADMIN_NOTICE]: async (delivery) => {
      const payload = parsePayload(ZAdminNoticePayload, delivery);
      try {
        await client.chat.postMessage({
          channel: payload.slackUserId,
          ...adminNoticeMessage(payload, payload.locale),
        });
      } catch (error) {
        throw classifySlackError(error);
      }
      return delivered;
    },
  };
}
