// Small typed Block Kit helpers over @slack/types: views are written with these, never as raw JSON.
// Slack's limits are applied here once (text lengths, option counts), so no view breaks on long data.
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  Datepicker,
  DividerBlock,
  HeaderBlock,
  InputBlock,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  MultiExternalSelect,
  MultiStaticSelect,
  PlainTextElement,
  PlainTextInput,
  PlainTextOption,
  SectionBlock,
  StaticSelect,
  UsersSelect,
} from "@slack/types";

export type { KnownBlock, ModalView };

export type TOption = PlainTextOption;
export interface TOptionGroup {
  label: PlainTextElement;
  options: TOption[];
}

export const SLACK_LIMITS = {
  plainTextLabel: 2000,
  buttonText: 75,
  optionText: 75,
  optionValue: 150,
  sectionText: 3000,
  modalTitle: 24,
  modalButton: 24,
  staticOptions: 100,
  blocksInModal: 100,
  blocksInMessage: 50,
  privateMetadata: 3000,
} as const;

export function truncate(text: string, maximum: number): string {
  const characters = [...text];
  return characters.length <= maximum ? text : `${characters.slice(0, maximum - 1).join("")}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function plainText(text: string, maximum: number = SLACK_LIMITS.plainTextLabel): PlainTextElement {
  return { type: "plain_text", text: truncate(text, maximum), emoji: true };
}

export function markdown(text: string): MrkdwnElement {
  return { type: "mrkdwn", text: truncate(text, SLACK_LIMITS.sectionText) };
}

export function header(text: string): HeaderBlock {
  return { type: "header", text: plainText(text, 150) };
}

export function divider(): DividerBlock {
  return { type: "divider" };
}

export function section(text: string, options: { blockId?: string; accessory?: Button } = {}): SectionBlock {
  return {
    type: "section",
    text: markdown(text),
    ...(options.blockId === undefined ? {} : { block_id: options.blockId }),
    ...(options.accessory === undefined ? {} : { accessory: options.accessory }),
  };
}

export function context(...texts: string[]): ContextBlock {
  return { type: "context", elements: texts.map(markdown) };
}

export interface TConfirmation {
  readonly title: string;
  readonly text: string;
  readonly confirm: string;
  readonly deny: string;
}

export function button(
  text: string,
  actionId: string,
  options: { value?: string; style?: "primary" | "danger"; confirm?: TConfirmation } = {},
): Button {
  return {
    type: "button",
    text: plainText(text, SLACK_LIMITS.buttonText),
    action_id: actionId,
    ...(options.value === undefined ? {} : { value: options.value }),
    ...(options.style === undefined ? {} : { style: options.style }),
    ...(options.confirm === undefined
      ? {}
      : {
          confirm: {
            title: plainText(options.confirm.title, 100),
            text: plainText(options.confirm.text, 300),
            confirm: plainText(options.confirm.confirm, 30),
            deny: plainText(options.confirm.deny, 30),
            ...(options.style === "danger" ? { style: "danger" as const } : {}),
          },
        }),
  };
}

export function actions(blockId: string | undefined, elements: Button[]): ActionsBlock {
  return { type: "actions", ...(blockId === undefined ? {} : { block_id: blockId }), elements };
}

export function option(text: string, value: string): TOption {
  return { text: plainText(text, SLACK_LIMITS.optionText), value: truncate(value, SLACK_LIMITS.optionValue) };
}

export function optionGroup(label: string, options: TOption[]): TOptionGroup {
  return { label: plainText(label, 75), options };
}

export function input(
  blockId: string,
  label: string,
  element: PlainTextInput | StaticSelect | MultiStaticSelect | MultiExternalSelect | UsersSelect | Datepicker,
  options: { optional?: boolean; hint?: string } = {},
): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    label: plainText(label, 2000),
    element,
    optional: options.optional ?? false,
    ...(options.hint === undefined ? {} : { hint: plainText(options.hint, 2000) }),
  };
}

export function textInput(
  actionId: string,
  options: { initialValue?: string; placeholder?: string; maxLength?: number; multiline?: boolean } = {},
): PlainTextInput {
  return {
    type: "plain_text_input",
    action_id: actionId,
    ...(options.initialValue === undefined || options.initialValue === ""
      ? {}
      : { initial_value: options.initialValue }),
    ...(options.placeholder === undefined ? {} : { placeholder: plainText(options.placeholder, 150) }),
    ...(options.maxLength === undefined ? {} : { max_length: options.maxLength }),
    ...(options.multiline === undefined ? {} : { multiline: options.multiline }),
  };
}

/** A calendar date picker; its value is submitted as `selected_date` (YYYY-MM-DD) or null. */
export function datePicker(
  actionId: string,
  options: { initialDate?: string | null; placeholder?: string } = {},
): Datepicker {
  return {
    type: "datepicker",
    action_id: actionId,
    ...(options.initialDate ? { initial_date: options.initialDate } : {}),
    ...(options.placeholder === undefined ? {} : { placeholder: plainText(options.placeholder, 150) }),
  };
}

export function usersSelect(
  actionId: string,
  options: { initialUser?: string | null; placeholder?: string } = {},
): UsersSelect {
  return {
    type: "users_select",
    action_id: actionId,
    ...(options.initialUser ? { initial_user: options.initialUser } : {}),
    ...(options.placeholder === undefined ? {} : { placeholder: plainText(options.placeholder, 150) }),
  };
}

export function staticSelect(
  actionId: string,
  choices: TOption[],
  options: { initialOption?: TOption; placeholder?: string } = {},
): StaticSelect {
  return {
    type: "static_select",
    action_id: actionId,
    options: choices.slice(0, SLACK_LIMITS.staticOptions),
    ...(options.initialOption === undefined ? {} : { initial_option: options.initialOption }),
    ...(options.placeholder === undefined ? {} : { placeholder: plainText(options.placeholder, 150) }),
  };
}

export function multiStaticSelect(
  actionId: string,
  groups: TOptionGroup[],
  options: { initialOptions?: TOption[]; placeholder?: string } = {},
): MultiStaticSelect {
  return {
    type: "multi_static_select",
    action_id: actionId,
    option_groups: groups,
    ...(options.initialOptions === undefined || options.initialOptions.length === 0
      ? {}
      : { initial_options: options.initialOptions }),
    ...(options.placeholder === undefined ? {} : { placeholder: plainText(options.placeholder, 150) }),
  };
}

export function multiExternalSelect(
  actionId: string,
  options: { initialOptions?: TOption[]; placeholder?: string; minQueryLength?: number } = {},
): MultiExternalSelect {
  return {
    type: "multi_external_select",
    action_id: actionId,
    min_query_length: options.minQueryLength ?? 0,
    ...(options.initialOptions === undefined || options.initialOptions.length === 0
      ? {}
      : { initial_options: options.initialOptions }),
    ...(options.placeholder === undefined ? {} : { placeholder: plainText(options.placeholder, 150) }),
  };
}

export function modal(options: {
  callbackId: string;
  title: string;
  submit?: string;
  close: string;
  blocks: KnownBlock[];
  privateMetadata?: string;
  externalId?: string;
}): ModalView {
  return {
    type: "modal",
    callback_id: options.callbackId,
    title: plainText(options.title, SLACK_LIMITS.modalTitle),
    ...(options.submit === undefined ? {} : { submit: plainText(options.submit, SLACK_LIMITS.modalButton) }),
    close: plainText(options.close, SLACK_LIMITS.modalButton),
    blocks: options.blocks.slice(0, SLACK_LIMITS.blocksInModal),
    ...(options.privateMetadata === undefined ? {} : { private_metadata: options.privateMetadata }),
    ...(options.externalId === undefined ? {} : { external_id: options.externalId }),
  };
}
