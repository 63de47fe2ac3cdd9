// What the person's client lets them act on: a message still there and not someone else's ephemeral
// one, the modal on top of their stack, their Home tab. Anything else is refused as Slack's client
// would never send it (SlackClientRefusal).
import type { TInteractiveElement } from "../block-kit-reading.ts";
import type { TJsonValue } from "../json.ts";
import {
  DIRECT_MESSAGE_CHANNEL_NAME,
  type TActionContainer,
  type TPayloadChannel,
} from "../slack-payloads.ts";
import type { TSlackMessage, TSlackUser, TSlackView } from "../slack-records.ts";
import type { TSlackWorkspace } from "../slack-workspace.ts";
import {
  buildStateValues,
  SlackClientRefusal,
  type TStateContext,
  type TViewStateValues,
} from "../view-state.ts";

export type TSurface = TSlackMessage | TSlackView;

export interface TSurfacesInSight {
  /** Who the person is and which menus offered what, as view-state needs them. */
  readonly stateContext: TStateContext;
  payloadChannel(id: string): TPayloadChannel;
  /** The surface as the person sees it now, as a payload's container, with its blocks. */
  currentSurface(surface: TSurface): { container: TActionContainer; blocks: readonly TJsonValue[] };
  /** The state a block_actions payload carries from the surface's inputs. */
  stateOf(container: TActionContainer, blocks: readonly TJsonValue[]): TViewStateValues;
  topModal(viewId: string): TSlackView;
}

function isMessage(surface: TSurface): surface is TSlackMessage {
  return "ts" in surface;
}

export function describeElements(elements: readonly TInteractiveElement[]): string {
  if (elements.length === 0) return "it shows no interactive element";
  return `it shows ${elements
    .map(
      (element) =>
        `${element.type} ${element.blockId}/${element.actionId}${typeof element.element.value === "string" ? ` (value ${element.element.value})` : ""}`,
    )
    .join(", ")}`;
}

export function createSurfacesInSight(workspace: TSlackWorkspace, user: TSlackUser): TSurfacesInSight {
  const stateContext: TStateContext = {
    isKnownUser: (userId) => workspace.user(userId) !== undefined,
    suggestedOptionsFor: (blockId, actionId) =>
      workspace.suggestedOptionsFor({ userId: user.id, blockId, actionId }),
  };

  function payloadChannel(id: string): TPayloadChannel {
    const conversation = workspace.conversation(id);
    if (conversation === undefined) throw new Error(`no conversation ${id} in the sandbox workspace`);
    return {
      id: conversation.id,
      name: conversation.kind === "im" ? DIRECT_MESSAGE_CHANNEL_NAME : conversation.name,
    };
  }

  return {
    stateContext,
    payloadChannel,
    currentSurface(surface) {
      if (isMessage(surface)) {
        const message = workspace.message(surface.channel, surface.ts);
        if (message === undefined) throw new SlackClientRefusal(`message ${surface.ts} is no longer there`);
        if (message.visibleOnlyTo !== undefined && message.visibleOnlyTo !== user.id) {
          throw new SlackClientRefusal(`message ${surface.ts} is ephemeral to someone else`);
        }
        const responseUrl = workspace.issueResponseUrl({
          userId: user.id,
          channelId: message.channel,
          source: { kind: "message", ts: message.ts },
        });
        return {
          container: {
            kind: "message",
            message,
            channel: payloadChannel(message.channel),
            responseUrl: responseUrl.url,
          },
          blocks: message.blocks,
        };
      }
      const view = workspace.viewById(surface.id);
      if (view === undefined || view.userId !== user.id)
        throw new SlackClientRefusal(`view ${surface.id} is not shown to ${user.id}`);
      if (view.type === "modal") {
        const stack = workspace.openViewsOf(user.id);
        if (stack[stack.length - 1]?.id !== view.id)
          throw new SlackClientRefusal(`view ${view.id} is not the modal on top`);
      }
      return { container: { kind: "view", view }, blocks: view.blocks };
    },
    stateOf(container, blocks) {
      return buildStateValues(
        blocks,
        {},
        stateContext,
        container.kind === "view" ? container.view.state : {},
      );
    },
    topModal(viewId) {
      const stack = workspace.openViewsOf(user.id);
      const top = stack[stack.length - 1];
      if (top === undefined || top.id !== viewId) {
        throw new SlackClientRefusal(
          `view ${viewId} is not the modal ${user.id} has on top (${top?.id ?? "none open"})`,
        );
      }
      return top;
    },
  };
}
