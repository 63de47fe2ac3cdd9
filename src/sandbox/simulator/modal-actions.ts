// What a person does in the modal on top of their stack: type into its inputs, submit it, close it,
// search one of its external menus.
import { applyViewSubmissionAnswer, readOptionsAnswer } from "../app-answers.ts";
import { findInteractiveElement, interactiveElementsOf } from "../block-kit-reading.ts";
import type { TDeliveryOptions } from "../deliver-to-app.ts";
import { numberField, type TJsonObject } from "../json.ts";
import {
  buildBlockSuggestionPayload,
  buildViewClosedPayload,
  buildViewSubmissionPayload,
  encodeInteraction,
} from "../slack-payloads.ts";
import {
  buildStateValues,
  clientSideInputErrors,
  SlackClientRefusal,
  type TUserInputs,
  ViewInputRefusedError,
} from "../view-state.ts";
import type { TPerson } from "./person.ts";
import type { TAppAnswer } from "./requests-to-app.ts";
import { describeElements } from "./surfaces-in-sight.ts";

export interface TOptionsRequestAnswer extends TAppAnswer {
  /** The options the person now sees in the menu (groups flattened). */
  readonly options: readonly TJsonObject[];
}

export interface TSubmitOptions extends TDeliveryOptions {
  /** Send even when the Slack client would refuse (required field empty…), as a forged client could. */
  readonly skipClientChecks?: boolean;
}

export interface TModalActions {
  /** Types or picks in a modal's inputs without sending anything, as a person filling a form does. */
  enterValues(viewId: string, values: TUserInputs): void;
  submitView(viewId: string, values?: TUserInputs, options?: TSubmitOptions): Promise<TAppAnswer>;
  /** Closes a modal with its close button; undefined when Slack tells the app nothing (no notify_on_close). */
  closeView(viewId: string, delivery?: TDeliveryOptions): Promise<TAppAnswer | undefined>;
  /** Types `value` into an external menu of a modal: the options request (block_suggestion). */
  requestOptions(
    actionId: string,
    blockId: string,
    value: string,
    viewId: string,
    delivery?: TDeliveryOptions,
  ): Promise<TOptionsRequestAnswer>;
}

const OPTIONS_QUERY_DEFAULT_MINIMUM_LENGTH = 3;

export function createModalActions(person: TPerson): TModalActions {
  const { workspace, user, sight, requests } = person;
  return {
    enterValues(viewId, values) {
      const view = sight.topModal(viewId);
      workspace.setViewState(view.id, buildStateValues(view.blocks, values, sight.stateContext, view.state));
    },

    async submitView(viewId, values = {}, submitOptions = {}) {
      const view = sight.topModal(viewId);
      if (view.definition.submit === undefined || view.definition.submit === null) {
        throw new SlackClientRefusal(`view ${viewId} has no submit button`);
      }
      const stateValues = buildStateValues(view.blocks, values, sight.stateContext, view.state);
      workspace.setViewState(view.id, stateValues);
      const clientErrors = clientSideInputErrors(view.blocks, stateValues);
      if (Object.keys(clientErrors).length > 0 && submitOptions.skipClientChecks !== true) {
        workspace.setViewErrors(view.id, clientErrors);
        throw new ViewInputRefusedError(clientErrors);
      }
      const submitted = workspace.viewById(view.id) ?? view;
      const payload = buildViewSubmissionPayload({
        app: workspace.app,
        user,
        triggerId: workspace.issueTrigger(user.id),
        view: submitted,
        stateValues,
      });
      return requests.send("view_submission", encodeInteraction(payload), submitOptions, (body) =>
        applyViewSubmissionAnswer(workspace, submitted, body),
      );
    },

    async closeView(viewId, delivery) {
      const view = sight.topModal(viewId);
      const clears = view.definition.clear_on_close === true;
      const close = () => (clears ? workspace.clearModals(user.id) : workspace.closeView(view.id));
      if (view.definition.notify_on_close !== true) {
        close();
        return undefined;
      }
      const payload = buildViewClosedPayload({ app: workspace.app, user, view, isCleared: clears });
      const answer = await requests.send("view_closed", encodeInteraction(payload), delivery, () => []);
      close();
      return answer;
    },

    async requestOptions(actionId, blockId, value, viewId, delivery) {
      const view = workspace.viewById(viewId);
      if (view === undefined || view.userId !== user.id || !view.isOpen) {
        throw new SlackClientRefusal(`view ${viewId} is not shown to ${user.id}`);
      }
      const element = findInteractiveElement(view.blocks, { actionId, blockId });
      if (
        element === undefined ||
        (element.type !== "external_select" && element.type !== "multi_external_select")
      ) {
        throw new SlackClientRefusal(
          `no external menu ${blockId}/${actionId}: ${describeElements(interactiveElementsOf(view.blocks))}`,
        );
      }
      const minimumLength =
        numberField(element.element, "min_query_length") ?? OPTIONS_QUERY_DEFAULT_MINIMUM_LENGTH;
      if (value.length < minimumLength) {
        throw new SlackClientRefusal(`Slack asks for options only after ${minimumLength} typed characters`);
      }
      const payload = buildBlockSuggestionPayload({
        app: workspace.app,
        user,
        actionId,
        blockId,
        value,
        container: { kind: "view", view },
      });
      let options: readonly TJsonObject[] = [];
      const answer = await requests.send("block_suggestion", encodeInteraction(payload), delivery, (body) => {
        const read = readOptionsAnswer(body);
        if (!read.ok) return read.problems;
        options = read.options;
        workspace.setSuggestedOptions({ userId: user.id, blockId, actionId }, read.options);
        return [];
      });
      return { ...answer, options };
    },
  };
}
