// The trigger_ids and response_urls Slack hands the app with each request: a trigger_id opens one
// modal within three seconds; a response_url takes five posts within thirty minutes.
import type { TSlackIdentifiers } from "../slack-identifiers.ts";
import type { TOutcome } from "./outcome.ts";

/** Slack: "trigger_id … expires in 3 seconds". */
export const TRIGGER_LIFETIME_MILLISECONDS = 3_000;
/** Slack: a response_url may be used up to 5 times within 30 minutes. */
export const RESPONSE_URL_MAXIMUM_USES = 5;
export const RESPONSE_URL_LIFETIME_MILLISECONDS = 30 * 60 * 1000;

export type TResponseUrlSource =
  /** Handed out with a slash command: "original" is the latest message sent in answer to it. */
  | { readonly kind: "command" }
  /** Handed out with an action on a message: "original" is that message. */
  | { readonly kind: "message"; readonly ts: string };

export interface TResponseUrlRecord {
  readonly id: string;
  readonly userId: string;
  readonly channelId: string;
  readonly issuedAt: number;
  readonly source: TResponseUrlSource;
  uses: number;
  /** The message that replace_original/delete_original act on, once there is one. */
  originalTs: string | undefined;
}

export interface TTriggersAndResponseUrls {
  issueTrigger(userId: string): string;
  /** Uses a trigger_id the way views.open/views.push do: once, and within three seconds. */
  exchangeTrigger(triggerId: string): TOutcome<{ userId: string }>;

  /** Where response_urls point: the origin and path prefix the request handler is served at. */
  setResponseUrlBase(base: string): void;
  issueResponseUrl(options: { userId: string; channelId: string; source: TResponseUrlSource }): {
    readonly id: string;
    readonly url: string;
  };
  responseUrl(id: string): TResponseUrlRecord | undefined;
}

interface TTriggerRecord {
  readonly userId: string;
  readonly issuedAt: number;
  exchanged: boolean;
}

export function createTriggersAndResponseUrls(options: {
  readonly identifiers: TSlackIdentifiers;
  readonly clock: () => number;
}): TTriggersAndResponseUrls {
  const { identifiers, clock } = options;
  const triggers = new Map<string, TTriggerRecord>();
  const responseUrls = new Map<string, TResponseUrlRecord>();
  let responseUrlBase = "http://127.0.0.1/";

  return {
    issueTrigger(userId) {
      const triggerId = identifiers.triggerId();
      triggers.set(triggerId, { userId, issuedAt: clock(), exchanged: false });
      return triggerId;
    },
    exchangeTrigger(triggerId) {
      const trigger = triggers.get(triggerId);
      if (trigger === undefined) return { ok: false, error: "invalid_trigger_id" };
      if (trigger.exchanged) return { ok: false, error: "exchanged_trigger_id" };
      if (clock() - trigger.issuedAt > TRIGGER_LIFETIME_MILLISECONDS)
        return { ok: false, error: "expired_trigger_id" };
      trigger.exchanged = true;
      return { ok: true, value: { userId: trigger.userId } };
    },

    setResponseUrlBase(base) {
      responseUrlBase = base.endsWith("/") ? base : `${base}/`;
    },
    issueResponseUrl({ userId, channelId, source }) {
      const id = identifiers.responseUrlId();
      responseUrls.set(id, {
        id,
        userId,
        channelId,
        issuedAt: clock(),
        source,
        uses: 0,
        originalTs: source.kind === "message" ? source.ts : undefined,
      });
      return { id, url: `${responseUrlBase}response/${id}` };
    },
    responseUrl: (id) => responseUrls.get(id),
  };
}
