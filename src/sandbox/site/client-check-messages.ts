// The checks Slack's own client makes before it sends a modal (view-state.ts words them in English,
// as the tests read them) said in the page's language, as Slack's client speaks the person's. Any
// other message beside a field is the bot's and is shown as the bot wrote it.
import type { TLocale } from "../../i18n/locale.ts";
import { sandboxPageCopy } from "./copy.ts";

const CLIENT_CHECKS: readonly {
  readonly pattern: RegExp;
  readonly key:
    | "check.required"
    | "check.minimum_length"
    | "check.maximum_length"
    | "check.email"
    | "check.number";
}[] = [
  { pattern: /^Please complete this required field\.$/, key: "check.required" },
  { pattern: /^Please enter at least (\d+) characters\.$/, key: "check.minimum_length" },
  { pattern: /^Please enter no more than (\d+) characters\.$/, key: "check.maximum_length" },
  { pattern: /^Please enter a valid email address\.$/, key: "check.email" },
  { pattern: /^Please enter a valid number\.$/, key: "check.number" },
];

export function inPageLanguage(message: string, locale: TLocale): string {
  for (const check of CLIENT_CHECKS) {
    const match = check.pattern.exec(message);
    if (match !== null) return sandboxPageCopy(locale)(check.key, { count: match[1] ?? "" });
  }
  return message;
}

/** Every message of a view's errors (block_id → message) in the page's language. */
export function errorsInPageLanguage(
  errors: Readonly<Record<string, string>>,
  locale: TLocale,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([blockId, message]) => [blockId, inPageLanguage(message, locale)]),
  );
}
