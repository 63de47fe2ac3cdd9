// A conservative subset of the limits Slack enforces on Block Kit (the documented maximums from
// docs.slack.dev / @slack/types). Slack refuses a surface breaking any of them with `invalid_blocks`
// (messages) or `invalid_arguments` (views) and messages in this same `[ERROR] … [json-pointer:…]` form.
// Passing here does not prove Slack accepts a payload; failing here means Slack would refuse it.
import { optionsOf } from "./block-kit-reading.ts";
import {
  arrayField,
  isJsonObject,
  numberField,
  objectField,
  objectsIn,
  stringField,
  type TJsonObject,
  type TJsonValue,
} from "./json.ts";

export type TSurfaceKind = "message" | "modal" | "home";

const MAXIMUM_BLOCKS: Record<TSurfaceKind, number> = { message: 50, modal: 100, home: 100 };

interface TProblemSink {
  readonly problems: string[];
  report(pointer: string, problem: string): void;
}

function createSink(): TProblemSink {
  const problems: string[] = [];
  return {
    problems,
    report: (pointer, problem) => problems.push(`[ERROR] ${problem} [json-pointer:${pointer}]`),
  };
}

function checkLength(sink: TProblemSink, pointer: string, value: string | undefined, maximum: number): void {
  if (value !== undefined && value.length > maximum)
    sink.report(pointer, `must be less than ${maximum + 1} characters`);
}

function checkTextObject(
  sink: TProblemSink,
  pointer: string,
  value: TJsonValue | undefined,
  rules: { maximum: number; plainTextOnly?: boolean; required?: boolean },
): void {
  if (value === undefined) {
    if (rules.required === true) sink.report(pointer, "must provide an object");
    return;
  }
  if (!isJsonObject(value)) {
    sink.report(pointer, "must provide an object");
    return;
  }
  const type = stringField(value, "type");
  if (type !== "plain_text" && type !== "mrkdwn")
    sink.report(`${pointer}/type`, "must be plain_text or mrkdwn");
  if (rules.plainTextOnly === true && type === "mrkdwn") sink.report(`${pointer}/type`, "must be plain_text");
  const text = stringField(value, "text");
  if (text === undefined || text.length === 0) {
    sink.report(`${pointer}/text`, "must be more than 0 characters");
    return;
  }
  checkLength(sink, `${pointer}/text`, text, rules.maximum);
}

function checkOptions(sink: TProblemSink, pointer: string, element: TJsonObject, maximum: number): void {
  const options = arrayField(element, "options");
  if (options !== undefined && options.length > maximum) {
    sink.report(`${pointer}/options`, `must provide at most ${maximum} items`);
  }
  const groups = arrayField(element, "option_groups");
  if (groups !== undefined && groups.length > 100)
    sink.report(`${pointer}/option_groups`, "must provide at most 100 items");
  optionsOf(element).forEach((option, index) => {
    const optionPointer = `${pointer}/options/${index}`;
    checkTextObject(sink, `${optionPointer}/text`, option.text, { maximum: 75 });
    checkLength(sink, `${optionPointer}/value`, stringField(option, "value"), 150);
  });
}

function checkElement(sink: TProblemSink, pointer: string, element: TJsonObject): void {
  checkLength(sink, `${pointer}/action_id`, stringField(element, "action_id"), 255);
  switch (stringField(element, "type")) {
    case "button":
      checkTextObject(sink, `${pointer}/text`, element.text, {
        maximum: 75,
        plainTextOnly: true,
        required: true,
      });
      checkLength(sink, `${pointer}/value`, stringField(element, "value"), 2000);
      checkLength(sink, `${pointer}/url`, stringField(element, "url"), 3000);
      break;
    case "static_select":
    case "multi_static_select":
      checkOptions(sink, pointer, element, 100);
      if (
        arrayField(element, "options") === undefined &&
        arrayField(element, "option_groups") === undefined
      ) {
        sink.report(`${pointer}/options`, "must provide options or option_groups");
      }
      break;
    case "overflow":
      checkOptions(sink, pointer, element, 5);
      break;
    case "radio_buttons":
    case "checkboxes":
      checkOptions(sink, pointer, element, 10);
      break;
    case "plain_text_input": {
      const maximumLength = numberField(element, "max_length");
      if (maximumLength !== undefined && maximumLength > 3000) {
        sink.report(`${pointer}/max_length`, "must be less than or equal to 3000");
      }
      break;
    }
    default:
      break;
  }
}

function checkDuplicateActionIdentifiers(
  sink: TProblemSink,
  pointer: string,
  elements: readonly TJsonObject[],
): void {
  const seen = new Set<string>();
  elements.forEach((element, index) => {
    const actionId = stringField(element, "action_id");
    if (actionId === undefined) return;
    if (seen.has(actionId)) sink.report(`${pointer}/${index}/action_id`, "duplicate action_id");
    seen.add(actionId);
  });
}

function checkBlock(sink: TProblemSink, pointer: string, block: TJsonObject): void {
  checkLength(sink, `${pointer}/block_id`, stringField(block, "block_id"), 255);
  switch (stringField(block, "type")) {
    case "section": {
      const fields = arrayField(block, "fields");
      if (block.text === undefined && fields === undefined)
        sink.report(pointer, "must provide text or fields");
      if (block.text !== undefined) checkTextObject(sink, `${pointer}/text`, block.text, { maximum: 3000 });
      if (fields !== undefined && fields.length > 10)
        sink.report(`${pointer}/fields`, "must provide at most 10 items");
      (fields ?? []).forEach((field, index) => {
        checkTextObject(sink, `${pointer}/fields/${index}`, field, { maximum: 2000 });
      });
      const accessory = objectField(block, "accessory");
      if (accessory !== undefined) checkElement(sink, `${pointer}/accessory`, accessory);
      break;
    }
    case "header":
      checkTextObject(sink, `${pointer}/text`, block.text, {
        maximum: 150,
        plainTextOnly: true,
        required: true,
      });
      break;
    case "actions": {
      const elements = objectsIn(arrayField(block, "elements"));
      if (elements.length === 0) sink.report(`${pointer}/elements`, "must provide at least 1 items");
      if (elements.length > 25) sink.report(`${pointer}/elements`, "must provide at most 25 items");
      elements.forEach((element, index) => {
        checkElement(sink, `${pointer}/elements/${index}`, element);
      });
      checkDuplicateActionIdentifiers(sink, `${pointer}/elements`, elements);
      break;
    }
    case "context": {
      const elements = objectsIn(arrayField(block, "elements"));
      if (elements.length === 0) sink.report(`${pointer}/elements`, "must provide at least 1 items");
      if (elements.length > 10) sink.report(`${pointer}/elements`, "must provide at most 10 items");
      break;
    }
    case "input": {
      checkTextObject(sink, `${pointer}/label`, block.label, {
        maximum: 2000,
        plainTextOnly: true,
        required: true,
      });
      if (block.hint !== undefined) checkTextObject(sink, `${pointer}/hint`, block.hint, { maximum: 2000 });
      const element = objectField(block, "element");
      if (element === undefined) sink.report(`${pointer}/element`, "must provide an object");
      else checkElement(sink, `${pointer}/element`, element);
      break;
    }
    case undefined:
      sink.report(`${pointer}/type`, "must provide a string");
      break;
    default:
      break;
  }
}

function checkBlocks(
  sink: TProblemSink,
  pointer: string,
  blocks: readonly TJsonValue[],
  surface: TSurfaceKind,
): void {
  const maximum = MAXIMUM_BLOCKS[surface];
  if (blocks.length > maximum) sink.report(pointer, `must provide at most ${maximum} items`);
  const seenBlockIds = new Set<string>();
  blocks.forEach((value, index) => {
    const blockPointer = `${pointer}/${index}`;
    if (!isJsonObject(value)) {
      sink.report(blockPointer, "must provide an object");
      return;
    }
    const blockId = stringField(value, "block_id");
    if (blockId !== undefined) {
      if (seenBlockIds.has(blockId)) sink.report(`${blockPointer}/block_id`, "duplicate block_id");
      seenBlockIds.add(blockId);
    }
    checkBlock(sink, blockPointer, value);
  });
}

/** Problems Slack would report for these message blocks; empty when none of the checked limits is broken. */
export function problemsInMessageBlocks(blocks: readonly TJsonValue[]): string[] {
  const sink = createSink();
  checkBlocks(sink, "/blocks", blocks, "message");
  return sink.problems;
}

/** Problems Slack would report for a view (`modal` or `home`) passed to views.* or in a response_action. */
export function problemsInView(view: TJsonObject): string[] {
  const sink = createSink();
  const type = stringField(view, "type");
  if (type !== "modal" && type !== "home") {
    sink.report("/view/type", "must be modal or home");
    return sink.problems;
  }
  const blocks = arrayField(view, "blocks");
  if (blocks === undefined) sink.report("/view/blocks", "must provide an array");
  else checkBlocks(sink, "/view/blocks", blocks, type);
  checkLength(sink, "/view/private_metadata", stringField(view, "private_metadata"), 3000);
  checkLength(sink, "/view/callback_id", stringField(view, "callback_id"), 255);
  checkLength(sink, "/view/external_id", stringField(view, "external_id"), 255);
  if (type === "modal") {
    checkTextObject(sink, "/view/title", view.title, { maximum: 24, plainTextOnly: true, required: true });
    if (view.submit !== undefined)
      checkTextObject(sink, "/view/submit", view.submit, { maximum: 24, plainTextOnly: true });
    if (view.close !== undefined)
      checkTextObject(sink, "/view/close", view.close, { maximum: 24, plainTextOnly: true });
    const hasInput = objectsIn(blocks).some((block) => stringField(block, "type") === "input");
    if (hasInput && view.submit === undefined) {
      sink.report("/view/submit", "must provide submit when there is an input block");
    }
  }
  return sink.problems;
}
