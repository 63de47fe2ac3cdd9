// What a person does with an element of a message, modal or Home tab that Slack tells the app about
// at once (block_actions): click a button, pick in a menu, a radio group, a date picker, an overflow.
import { findInteractiveElement, interactiveElementsOf, optionsOf } from "../block-kit-reading.ts";
import type { TDeliveryOptions } from "../deliver-to-app.ts";
import { stringField, type TJsonObject } from "../json.ts";
import {
  buildAction,
  buildBlockActionsPayload,
  encodeInteraction,
  type TActionContainer,
} from "../slack-payloads.ts";
import {
  SlackClientRefusal,
  stateValueFromInput,
  type TUserInput,
  type TViewStateValues,
} from "../view-state.ts";
import type { TPerson } from "./person.ts";
import type { TAppAnswer } from "./requests-to-app.ts";
import { describeElements, type TSurface } from "./surfaces-in-sight.ts";

export interface TElementTarget {
  readonly actionId: string;
  readonly blockId?: string;
  /** The message or view (modal or Home tab) the element is in, as the person sees it now. */
  readonly in: TSurface;
}

export interface TButtonTarget extends TElementTarget {
  /** The value the button carries: tells apart rows sharing an action_id, and must match. */
  readonly value?: string;
}

export interface TSelection extends TElementTarget {
  /** An option value (or values, for multi menus and checkboxes), a user/conversation id, a date… */
  readonly value: TUserInput;
}

export interface TElementActions {
  clickButton(target: TButtonTarget, delivery?: TDeliveryOptions): Promise<TAppAnswer>;
  /** Picks in a menu, radio group, checkboxes, date picker… that sends block_actions at once. */
  selectOption(selection: TSelection, delivery?: TDeliveryOptions): Promise<TAppAnswer>;
}

export function createElementActions(person: TPerson): TElementActions {
  const { workspace, user, sight } = person;

  async function sendAction(
    container: TActionContainer,
    stateValues: TViewStateValues,
    action: TJsonObject,
    delivery: TDeliveryOptions | undefined,
  ): Promise<TAppAnswer> {
    const payload = buildBlockActionsPayload({
      app: workspace.app,
      user,
      triggerId: workspace.issueTrigger(user.id),
      container,
      actions: [action],
      stateValues,
    });
    return person.requests.send("block_actions", encodeInteraction(payload), delivery, () => []);
  }

  return {
    async clickButton(target, delivery) {
      const { container, blocks } = sight.currentSurface(target.in);
      const element = findInteractiveElement(blocks, {
        actionId: target.actionId,
        ...(target.blockId === undefined ? {} : { blockId: target.blockId }),
        ...(target.value === undefined ? {} : { value: target.value }),
      });
      if (element === undefined || (element.type !== "button" && element.type !== "workflow_button")) {
        throw new SlackClientRefusal(
          `no button ${target.blockId ?? "*"}/${target.actionId}${target.value === undefined ? "" : ` with value ${target.value}`} to click: ${describeElements(interactiveElementsOf(blocks))}`,
        );
      }
      const action = buildAction(element, undefined, workspace.identifiers.messageTimestamp(workspace.now()));
      return sendAction(container, sight.stateOf(container, blocks), action, delivery);
    },

    async selectOption(selection, delivery) {
      const { container, blocks } = sight.currentSurface(selection.in);
      const element = findInteractiveElement(blocks, {
        actionId: selection.actionId,
        ...(selection.blockId === undefined ? {} : { blockId: selection.blockId }),
      });
      if (element === undefined || element.type === "button") {
        throw new SlackClientRefusal(
          `no menu or input ${selection.blockId ?? "*"}/${selection.actionId}: ${describeElements(interactiveElementsOf(blocks))}`,
        );
      }
      if (!element.dispatchesAction) {
        throw new SlackClientRefusal(
          `${element.blockId}/${element.actionId} is in an input block without dispatch_action: Slack sends nothing until the view is submitted (use enterValues or submitView)`,
        );
      }
      const actionTs = workspace.identifiers.messageTimestamp(workspace.now());
      if (element.type === "overflow") {
        const option = optionsOf(element.element).find(
          (candidate) => stringField(candidate, "value") === selection.value,
        );
        if (option === undefined)
          throw new SlackClientRefusal(
            `the overflow menu ${element.actionId} offers no ${String(selection.value)}`,
          );
        const action = buildAction(element, { type: "overflow", selected_option: option }, actionTs);
        return sendAction(container, sight.stateOf(container, blocks), action, delivery);
      }
      const entry = stateValueFromInput(element, selection.value, sight.stateContext);
      const stateValues = sight.stateOf(container, blocks);
      stateValues[element.blockId] = { ...stateValues[element.blockId], [element.actionId]: entry };
      if (container.kind === "view") workspace.setViewState(container.view.id, stateValues);
      return sendAction(container, stateValues, buildAction(element, entry, actionTs), delivery);
    },
  };
}
