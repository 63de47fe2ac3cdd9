// Reading Block Kit the way a Slack client does: which interactive elements a surface shows (and under
// which block_id/action_id), which options a menu offers, and the text a person actually reads.
import {
  arrayField,
  booleanField,
  isJsonObject,
  objectField,
  objectsIn,
  stringField,
  type TJsonObject,
  type TJsonValue,
} from "./json.ts";

export interface TInteractiveElement {
  readonly blockId: string;
  readonly actionId: string;
  readonly type: string;
  readonly element: TJsonObject;
  /** Inside an `input` block: its value travels with the view submission. */
  readonly inInputBlock: boolean;
  /** Whether using the element sends `block_actions` at once (not so in an input block without dispatch_action). */
  readonly dispatchesAction: boolean;
}

export interface TInputBlock {
  readonly blockId: string;
  readonly label: string;
  readonly optional: boolean;
  readonly element: TJsonObject;
  readonly actionId: string;
}

/** Elements that can sit in `actions` blocks, section accessories or input blocks and have an action_id. */
const INTERACTIVE_ELEMENT_TYPES: ReadonlySet<string> = new Set([
  "button",
  "checkboxes",
  "datepicker",
  "datetimepicker",
  "email_text_input",
  "number_input",
  "overflow",
  "plain_text_input",
  "radio_buttons",
  "rich_text_input",
  "timepicker",
  "url_text_input",
  "static_select",
  "external_select",
  "users_select",
  "conversations_select",
  "channels_select",
  "multi_static_select",
  "multi_external_select",
  "multi_users_select",
  "multi_conversations_select",
  "multi_channels_select",
  "workflow_button",
]);

function elementsOfBlock(block: TJsonObject): TJsonObject[] {
  switch (stringField(block, "type")) {
    case "section": {
      const accessory = objectField(block, "accessory");
      return accessory === undefined ? [] : [accessory];
    }
    case "actions":
      return objectsIn(arrayField(block, "elements"));
    case "input": {
      const element = objectField(block, "element");
      return element === undefined ? [] : [element];
    }
    default:
      return [];
  }
}

export function interactiveElementsOf(blocks: readonly TJsonValue[]): TInteractiveElement[] {
  const found: TInteractiveElement[] = [];
  for (const block of objectsIn(blocks)) {
    const blockId = stringField(block, "block_id") ?? "";
    const inInputBlock = stringField(block, "type") === "input";
    for (const element of elementsOfBlock(block)) {
      const type = stringField(element, "type") ?? "";
      if (!INTERACTIVE_ELEMENT_TYPES.has(type)) continue;
      found.push({
        blockId,
        actionId: stringField(element, "action_id") ?? "",
        type,
        element,
        inInputBlock,
        dispatchesAction: !inInputBlock || booleanField(block, "dispatch_action") === true,
      });
    }
  }
  return found;
}

export function inputBlocksOf(blocks: readonly TJsonValue[]): TInputBlock[] {
  return objectsIn(blocks)
    .filter((block) => stringField(block, "type") === "input")
    .map((block) => {
      const element = objectField(block, "element") ?? {};
      return {
        blockId: stringField(block, "block_id") ?? "",
        label: textOf(block.label),
        optional: booleanField(block, "optional") === true,
        element,
        actionId: stringField(element, "action_id") ?? "",
      };
    });
}

export interface TElementQuery {
  readonly actionId: string;
  readonly blockId?: string;
  /** For buttons: the value the button carries, to tell apart rows that share an action_id. */
  readonly value?: string;
}

export function findInteractiveElement(
  blocks: readonly TJsonValue[],
  query: TElementQuery,
): TInteractiveElement | undefined {
  return interactiveElementsOf(blocks).find(
    (candidate) =>
      candidate.actionId === query.actionId &&
      (query.blockId === undefined || candidate.blockId === query.blockId) &&
      (query.value === undefined || stringField(candidate.element, "value") === query.value),
  );
}

/** Every option a static menu, radio group, checkbox group or overflow menu offers, groups flattened. */
export function optionsOf(element: TJsonObject): TJsonObject[] {
  const direct = objectsIn(arrayField(element, "options"));
  const grouped = objectsIn(arrayField(element, "option_groups")).flatMap((group) =>
    objectsIn(arrayField(group, "options")),
  );
  return [...direct, ...grouped];
}

/** The text of a text object (`{type, text}`) or of a plain string; "" for anything else. */
export function textOf(value: TJsonValue | undefined): string {
  if (typeof value === "string") return value;
  if (isJsonObject(value)) return stringField(value, "text") ?? "";
  return "";
}

function visibleTextOfElement(element: TJsonObject): string[] {
  const type = stringField(element, "type");
  if (type === "button" || type === "workflow_button") return [textOf(element.text)];
  if (type === "mrkdwn" || type === "plain_text") return [textOf(element)];
  if (type === "radio_buttons" || type === "checkboxes")
    return optionsOf(element).map((option) => textOf(option.text));
  return [];
}

function richTextOf(value: TJsonValue): string {
  if (!isJsonObject(value)) return "";
  const own = stringField(value, "text") ?? stringField(value, "url") ?? "";
  const nested = (arrayField(value, "elements") ?? []).map(richTextOf).join("");
  return own + nested;
}

/** The words a person sees on a surface, one line per block part, in order. */
export function visibleTextOf(blocks: readonly TJsonValue[]): string {
  const lines: string[] = [];
  for (const block of objectsIn(blocks)) {
    switch (stringField(block, "type")) {
      case "header":
      case "section": {
        if (block.text !== undefined) lines.push(textOf(block.text));
        for (const field of arrayField(block, "fields") ?? []) lines.push(textOf(field));
        const accessory = objectField(block, "accessory");
        if (accessory !== undefined) lines.push(...visibleTextOfElement(accessory));
        break;
      }
      case "context":
        for (const element of objectsIn(arrayField(block, "elements")))
          lines.push(...visibleTextOfElement(element));
        break;
      case "actions":
        for (const element of objectsIn(arrayField(block, "elements")))
          lines.push(...visibleTextOfElement(element));
        break;
      case "input":
        lines.push(textOf(block.label));
        if (block.hint !== undefined) lines.push(textOf(block.hint));
        break;
      case "rich_text":
        lines.push(richTextOf(block));
        break;
      case "image":
        if (block.title !== undefined) lines.push(textOf(block.title));
        break;
      default:
        break;
    }
  }
  return lines.filter((line) => line !== "").join("\n");
}

export interface TBlockIdentifierSource {
  blockId(): string;
  actionId(): string;
}

/** A copy of the blocks with the block_id/action_id Slack fills in when an app leaves them out. */
export function withSlackAssignedIdentifiers(
  blocks: readonly TJsonValue[],
  identifiers: TBlockIdentifierSource,
): TJsonValue[] {
  return blocks.map((value) => {
    if (!isJsonObject(value)) return value;
    const block: TJsonObject = structuredClone(value);
    if (stringField(block, "block_id") === undefined) block.block_id = identifiers.blockId();
    for (const element of elementsOfBlock(block)) {
      const type = stringField(element, "type") ?? "";
      if (INTERACTIVE_ELEMENT_TYPES.has(type) && stringField(element, "action_id") === undefined) {
        element.action_id = identifiers.actionId();
      }
    }
    return block;
  });
}
