// What a person typed or picked, in the shape Slack reports it: `view.state.values[block_id][action_id]`
// = `{ type, value | selected_option | selected_options | selected_user | … }`. The same shape is the
// body of a `block_actions` action. Client-side checks Slack makes before it lets a modal submit live
// here too (required fields, min/max length).
import {
  inputBlocksOf,
  interactiveElementsOf,
  optionsOf,
  type TInteractiveElement,
  textOf,
} from "./block-kit-reading.ts";
import {
  arrayField,
  booleanField,
  numberField,
  objectField,
  objectsIn,
  stringField,
  type TJsonObject,
  type TJsonValue,
} from "./json.ts";

export type TViewStateValues = Record<string, Record<string, TJsonObject>>;

export interface TChosenOption {
  readonly text: string;
  readonly value: string;
}

/**
 * What a person enters into one element: text (text inputs, date, time), an option value or a user /
 * conversation / channel id (single menus, radio buttons), a list of those (multi menus, checkboxes),
 * an explicit option for external menus whose options came from the app, or null to leave it empty.
 */
export type TUserInput = string | readonly string[] | TChosenOption | readonly TChosenOption[] | null;

/** Values by block_id, then action_id — the same nesting as Slack's `state.values`. */
export type TUserInputs = Readonly<Record<string, Readonly<Record<string, TUserInput>>>>;

type TValueKind = "text" | "option" | "options" | "identifier" | "identifiers" | "epoch";

interface TStateShape {
  readonly kind: TValueKind;
  readonly stateKey: string;
  readonly initialKey: string;
  /** Options come from the element itself (static) or from the app's options responses (external). */
  readonly optionSource?: "static" | "external";
  /** Which ids a person can pick, for identifier menus. */
  readonly identifierKind?: "user" | "conversation";
}

const STATE_SHAPES: Readonly<Record<string, TStateShape>> = {
  plain_text_input: { kind: "text", stateKey: "value", initialKey: "initial_value" },
  email_text_input: { kind: "text", stateKey: "value", initialKey: "initial_value" },
  url_text_input: { kind: "text", stateKey: "value", initialKey: "initial_value" },
  number_input: { kind: "text", stateKey: "value", initialKey: "initial_value" },
  datepicker: { kind: "text", stateKey: "selected_date", initialKey: "initial_date" },
  timepicker: { kind: "text", stateKey: "selected_time", initialKey: "initial_time" },
  datetimepicker: { kind: "epoch", stateKey: "selected_date_time", initialKey: "initial_date_time" },
  static_select: {
    kind: "option",
    stateKey: "selected_option",
    initialKey: "initial_option",
    optionSource: "static",
  },
  radio_buttons: {
    kind: "option",
    stateKey: "selected_option",
    initialKey: "initial_option",
    optionSource: "static",
  },
  external_select: {
    kind: "option",
    stateKey: "selected_option",
    initialKey: "initial_option",
    optionSource: "external",
  },
  multi_static_select: {
    kind: "options",
    stateKey: "selected_options",
    initialKey: "initial_options",
    optionSource: "static",
  },
  checkboxes: {
    kind: "options",
    stateKey: "selected_options",
    initialKey: "initial_options",
    optionSource: "static",
  },
  multi_external_select: {
    kind: "options",
    stateKey: "selected_options",
    initialKey: "initial_options",
    optionSource: "external",
  },
  users_select: {
    kind: "identifier",
    stateKey: "selected_user",
    initialKey: "initial_user",
    identifierKind: "user",
  },
  multi_users_select: {
    kind: "identifiers",
    stateKey: "selected_users",
    initialKey: "initial_users",
    identifierKind: "user",
  },
  conversations_select: {
    kind: "identifier",
    stateKey: "selected_conversation",
    initialKey: "initial_conversation",
    identifierKind: "conversation",
  },
  multi_conversations_select: {
    kind: "identifiers",
    stateKey: "selected_conversations",
    initialKey: "initial_conversations",
    identifierKind: "conversation",
  },
  channels_select: {
    kind: "identifier",
    stateKey: "selected_channel",
    initialKey: "initial_channel",
    identifierKind: "conversation",
  },
  multi_channels_select: {
    kind: "identifiers",
    stateKey: "selected_channels",
    initialKey: "initial_channels",
    identifierKind: "conversation",
  },
};

/** A person tried something the Slack client would not let them do (pick an option not offered, …). */
export class SlackClientRefusal extends Error {
  override readonly name = "SlackClientRefusal";
}

/** The Slack client kept the modal open and showed these messages beside the fields (block_id → message). */
export class ViewInputRefusedError extends SlackClientRefusal {
  constructor(readonly fieldErrors: Readonly<Record<string, string>>) {
    super(`Slack would not submit this view: ${JSON.stringify(fieldErrors)}`);
  }
}

export interface TStateContext {
  /** Whether a person could find this user in a users menu. */
  isKnownUser(userId: string): boolean;
  /** The options the app answered for an external menu the last time it was searched. */
  suggestedOptionsFor(blockId: string, actionId: string): readonly TJsonObject[];
}

export function isStatefulElementType(type: string): boolean {
  return STATE_SHAPES[type] !== undefined;
}

function shapeOf(element: TInteractiveElement): TStateShape {
  const shape = STATE_SHAPES[element.type];
  if (shape === undefined) {
    throw new SlackClientRefusal(
      `the sandbox cannot enter a value into a ${element.type} (${element.blockId}/${element.actionId})`,
    );
  }
  return shape;
}

function emptyValue(kind: TValueKind): TJsonValue {
  return kind === "options" || kind === "identifiers" ? [] : null;
}

/** The state entry an element holds before a person touches it: its `initial_*` value, else empty. */
export function initialStateValueOf(element: TInteractiveElement): TJsonObject | undefined {
  const shape = STATE_SHAPES[element.type];
  if (shape === undefined) return undefined;
  const initial = element.element[shape.initialKey];
  return { type: element.type, [shape.stateKey]: initial === undefined ? emptyValue(shape.kind) : initial };
}

function optionObject(option: TJsonObject): TJsonObject {
  const chosen: TJsonObject = { text: option.text ?? null, value: option.value ?? null };
  if (option.description !== undefined) chosen.description = option.description;
  return chosen;
}

function describe(element: TInteractiveElement): string {
  return `${element.blockId}/${element.actionId}`;
}

function findOffered(
  element: TInteractiveElement,
  shape: TStateShape,
  context: TStateContext,
  value: string,
) {
  const offered =
    shape.optionSource === "external"
      ? context.suggestedOptionsFor(element.blockId, element.actionId)
      : optionsOf(element.element);
  const option = offered.find((candidate) => stringField(candidate, "value") === value);
  if (option === undefined) {
    const where = shape.optionSource === "external" ? "the app's last options for" : "the options of";
    throw new SlackClientRefusal(`"${value}" is not among ${where} ${describe(element)}`);
  }
  return optionObject(option);
}

function chosenOption(
  element: TInteractiveElement,
  shape: TStateShape,
  context: TStateContext,
  input: string | TChosenOption,
): TJsonObject {
  if (typeof input === "string") return findOffered(element, shape, context, input);
  if (shape.optionSource !== "external") return findOffered(element, shape, context, input.value);
  // An explicit option for an external menu: as if the app had offered exactly it.
  return { text: { type: "plain_text", text: input.text, emoji: true }, value: input.value };
}

function checkIdentifier(
  element: TInteractiveElement,
  shape: TStateShape,
  context: TStateContext,
  id: string,
): string {
  if (shape.identifierKind === "user" && !context.isKnownUser(id)) {
    throw new SlackClientRefusal(`no user ${id} in the workspace to pick in ${describe(element)}`);
  }
  return id;
}

function isInputList(input: TUserInput): input is readonly string[] | readonly TChosenOption[] {
  return Array.isArray(input);
}

/** The state entry after a person entered `input` into the element. */
export function stateValueFromInput(
  element: TInteractiveElement,
  input: TUserInput,
  context: TStateContext,
): TJsonObject {
  const shape = shapeOf(element);
  const entry = (value: TJsonValue): TJsonObject => ({ type: element.type, [shape.stateKey]: value });
  if (input === null) return entry(emptyValue(shape.kind));
  if (isInputList(input)) {
    const items: readonly (string | TChosenOption)[] = input;
    if (shape.kind === "options")
      return entry(items.map((item) => chosenOption(element, shape, context, item)));
    if (shape.kind === "identifiers") {
      return entry(
        items.map((item) => {
          if (typeof item !== "string")
            throw new SlackClientRefusal(`${describe(element)} takes a list of ids`);
          return checkIdentifier(element, shape, context, item);
        }),
      );
    }
    throw new SlackClientRefusal(`${describe(element)} takes a single value, not a list`);
  }
  switch (shape.kind) {
    case "text":
    case "epoch":
      if (typeof input !== "string") throw new SlackClientRefusal(`${describe(element)} takes text`);
      return entry(shape.kind === "epoch" ? Number(input) : input);
    case "option":
      return entry(chosenOption(element, shape, context, input));
    case "identifier":
      if (typeof input !== "string") throw new SlackClientRefusal(`${describe(element)} takes one id`);
      return entry(checkIdentifier(element, shape, context, input));
    case "options":
    case "identifiers":
      throw new SlackClientRefusal(`${describe(element)} takes a list`);
  }
}

/**
 * The `state.values` Slack sends for a surface: every stateful element, holding what the person entered
 * (`inputs`), else what they entered earlier (`previous`), else its initial value. Entering into an
 * element the surface does not show is refused, as no person could.
 */
export function buildStateValues(
  blocks: readonly TJsonValue[],
  inputs: TUserInputs,
  context: TStateContext,
  previous: TViewStateValues = {},
): TViewStateValues {
  const elements = interactiveElementsOf(blocks).filter((element) => isStatefulElementType(element.type));
  for (const [blockId, byAction] of Object.entries(inputs)) {
    for (const actionId of Object.keys(byAction)) {
      if (!elements.some((element) => element.blockId === blockId && element.actionId === actionId)) {
        throw new SlackClientRefusal(`the surface shows no input ${blockId}/${actionId}`);
      }
    }
  }
  const values: TViewStateValues = {};
  for (const element of elements) {
    const input = inputs[element.blockId]?.[element.actionId];
    const entry =
      input !== undefined
        ? stateValueFromInput(element, input, context)
        : (previous[element.blockId]?.[element.actionId] ?? initialStateValueOf(element));
    if (entry === undefined) continue;
    values[element.blockId] = { ...values[element.blockId], [element.actionId]: entry };
  }
  return values;
}

function isEmptyEntry(entry: TJsonObject | undefined): boolean {
  if (entry === undefined) return true;
  const value = Object.entries(entry).find(([key]) => key !== "type")?.[1];
  return (
    value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The messages the Slack client shows beside input blocks before it agrees to send a submission
 * (block_id → message); empty when the submission would be sent. The wording is the sandbox's own.
 */
export function clientSideInputErrors(
  blocks: readonly TJsonValue[],
  values: TViewStateValues,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const input of inputBlocksOf(blocks)) {
    const entry = values[input.blockId]?.[input.actionId];
    if (isEmptyEntry(entry)) {
      if (!input.optional) errors[input.blockId] = "Please complete this required field.";
      continue;
    }
    const text = stringField(entry, "value");
    if (text === undefined) continue;
    const type = stringField(input.element, "type");
    const minimumLength = numberField(input.element, "min_length");
    const maximumLength = numberField(input.element, "max_length");
    if (minimumLength !== undefined && text.length < minimumLength) {
      errors[input.blockId] = `Please enter at least ${minimumLength} characters.`;
    } else if (maximumLength !== undefined && text.length > maximumLength) {
      errors[input.blockId] = `Please enter no more than ${maximumLength} characters.`;
    } else if (type === "email_text_input" && !EMAIL_PATTERN.test(text)) {
      errors[input.blockId] = "Please enter a valid email address.";
    } else if (type === "number_input" && !numberInputAccepts(input.element, text)) {
      errors[input.blockId] = "Please enter a valid number.";
    }
  }
  return errors;
}

function numberInputAccepts(element: TJsonObject, text: string): boolean {
  const decimalAllowed = booleanField(element, "is_decimal_allowed") === true;
  if (!(decimalAllowed ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/).test(text)) return false;
  const value = Number(text);
  const minimum = stringField(element, "min_value");
  const maximum = stringField(element, "max_value");
  return (
    (minimum === undefined || value >= Number(minimum)) && (maximum === undefined || value <= Number(maximum))
  );
}

/** The text of the option (or each option) an entry holds, for reading back what a person picked. */
export function selectedOptionTexts(entry: TJsonObject | undefined): string[] {
  const single = objectField(entry, "selected_option");
  const many = objectsIn(arrayField(entry, "selected_options"));
  return [...(single === undefined ? [] : [single]), ...many].map((option) => textOf(option.text));
}
