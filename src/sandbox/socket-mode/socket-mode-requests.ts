// How a person's Slack client reaches an app in Socket Mode: the request HTTP mode would POST, sent
// as an envelope over the app's WebSocket and judged as Slack judges it (an ack within three
// seconds, else an error shown instead), its payload applied when Slack reads it, and written to
// the workspace's timeline like the HTTP path's requests. The simulator's steps run on it unchanged.
import type { TDeliveryOptions } from "../deliver-to-app.ts";
import type { TRequestsToApp } from "../simulator/requests-to-app.ts";
import { buildEventCallback, encodeEvent } from "../slack-payloads.ts";
import type { TSlackUser } from "../slack-records.ts";
import type { TSlackWorkspace } from "../slack-workspace.ts";
import { envelopeContentOf } from "./socket-mode-messages.ts";
import type { TSocketModeServer } from "./socket-mode-server.ts";

/** Socket Mode has no HTTP status: an ack is told as 200, none within three seconds as 0. */
const ACKNOWLEDGED_STATUS = 200;
const NOT_ACKNOWLEDGED_STATUS = 0;

function refuseSigningOptions(delivery: TDeliveryOptions | undefined): void {
  const signature = delivery?.signature ?? "valid";
  if (signature !== "valid" || delivery?.timestamp !== undefined)
    throw new Error("Socket Mode envelopes are not signed: a forged or stale signature means HTTP mode");
}

export function createSocketModeRequestsToApp(options: {
  readonly workspace: TSlackWorkspace;
  readonly user: TSlackUser;
  readonly server: Pick<TSocketModeServer, "deliver">;
}): TRequestsToApp {
  const { workspace, user, server } = options;
  return {
    async send(name, request, delivery, applyAnswer) {
      refuseSigningOptions(delivery);
      const sequence = workspace.lastSequence();
      const content = envelopeContentOf(request);
      const answer = await server.deliver(
        content,
        delivery?.retry === undefined ? {} : { retry: delivery.retry },
      );
      const body = answer.payload ?? "";
      let refusedBySlack: readonly string[] = ["operation_timeout"];
      // Slack reads the payload of some acks only; the others just say "received".
      if (answer.acknowledged) refusedBySlack = applyAnswer(content.acceptsResponsePayload ? body : "");
      const status = answer.acknowledged ? ACKNOWLEDGED_STATUS : NOT_ACKNOWLEDGED_STATUS;
      workspace.record({
        kind: "app_request",
        name,
        userId: user.id,
        request: content.payload,
        status,
        response: body,
      });
      return {
        status,
        body,
        headers: {},
        elapsedMilliseconds: answer.elapsedMilliseconds,
        acknowledged: answer.acknowledged,
        refusedBySlack,
        sequence,
      };
    },
    eventRequest(event) {
      return encodeEvent(
        buildEventCallback({
          app: workspace.app,
          event,
          eventId: workspace.identifiers.eventId(),
          eventTime: Math.floor(workspace.now() / 1000),
        }),
      );
    },
  };
}
