// Whether anything a user typed can ping a channel or forge a link in what the bot says: every
// string Slack renders as mrkdwn (a message's top-level text, mrkdwn text objects, attachment
// texts) and every URL the bot sends, found in the fake Web API's timeline (chat.* and views.*
// arguments, response_url posts, the HTTP answers to Slack), and the HTML part of every email.
// The tokens looked for are ones the bot never writes itself (the section's setup sees to that:
// U0ADMIN01 is not the acting admin), so a hit can only have come from input.
import type { TJsonValue } from "../../../src/sandbox/json.ts";
import type { TTimelineEntry } from "../../../src/sandbox/slack-records.ts";

export interface TInjectionFinding {
  /** Which kind of injection. */
  readonly kind: string;
  /** Where: the Web API method, `response_url`, the answer to a request, an email. */
  readonly where: string;
  /** The rendered text around the hit (no secrets pass through here: only bot output). */
  readonly excerpt: string;
}

const SLACK_PATTERNS: readonly { readonly kind: string; readonly pattern: RegExp }[] = [
  {
    kind: "a channel-wide ping (<!channel>, <!here>, <!everyone>, <!subteam>)",
    pattern: /<!(channel|here|everyone|subteam)/i,
  },
  { kind: "a mention of U0ADMIN01", pattern: /<@U0ADMIN01/ },
  { kind: "a channel link", pattern: /<#C/ },
  { kind: "a link to evil.example", pattern: /<[^<>]*evil\.example/i },
  { kind: "a mailto link", pattern: /<mailto:/i },
];

const HTML_PATTERNS: readonly { readonly kind: string; readonly pattern: RegExp }[] = [
  ...SLACK_PATTERNS,
  { kind: "a script tag", pattern: /<script/i },
  { kind: "an img tag", pattern: /<img/i },
  { kind: "a link to evil.example", pattern: /href\s*=\s*["']?https?:\/\/evil\.example/i },
];

/** Keys whose strings Slack never renders: ids, values, metadata, and what a person typed back into inputs. */
const UNRENDERED_KEYS = new Set([
  "block_id",
  "action_id",
  "callback_id",
  "external_id",
  "private_metadata",
  "value",
  "initial_value",
  "hash",
  "channel",
  "ts",
  "thread_ts",
  "response_url",
  "trigger_id",
  "view_id",
  "user",
  "type",
  "errors",
]);
const RENDERED_KEYS = new Set(["text", "fallback", "pretext", "url", "footer"]);

function isObject(value: unknown): value is Readonly<Record<string, TJsonValue>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every string of `value` that Slack would render as mrkdwn, or that is a URL the bot links to. */
export function renderedStringsOf(value: TJsonValue | undefined): string[] {
  const found: string[] = [];
  const walk = (item: TJsonValue | undefined): void => {
    if (Array.isArray(item)) {
      for (const element of item) walk(element);
      return;
    }
    if (!isObject(item)) return;
    // plain_text objects show their text as typed: `<!channel>` there is just characters.
    if (item.type === "plain_text") return;
    for (const [key, child] of Object.entries(item)) {
      if (UNRENDERED_KEYS.has(key)) continue;
      if (typeof child === "string") {
        if (RENDERED_KEYS.has(key)) found.push(child);
      } else walk(child);
    }
  };
  walk(value);
  return found;
}

function findingsIn(
  texts: readonly string[],
  where: string,
  patterns: readonly { readonly kind: string; readonly pattern: RegExp }[],
): TInjectionFinding[] {
  const findings: TInjectionFinding[] = [];
  for (const text of texts) {
    for (const { kind, pattern } of patterns) {
      const match = pattern.exec(text);
      if (match === null) continue;
      const start = Math.max(0, match.index - 40);
      findings.push({ kind, where, excerpt: text.slice(start, match.index + 60) });
    }
  }
  return findings;
}

const MESSAGE_METHODS = new Set([
  "chat.postMessage",
  "chat.postEphemeral",
  "chat.update",
  "chat.scheduleMessage",
  "views.open",
  "views.push",
  "views.update",
  "views.publish",
]);

/** What the bot sent Slack in these timeline entries that could ping or link from input. */
export function injectionsInTimeline(entries: readonly TTimelineEntry[]): TInjectionFinding[] {
  const findings: TInjectionFinding[] = [];
  for (const entry of entries) {
    if (entry.kind === "api_call" && MESSAGE_METHODS.has(entry.name)) {
      const request = entry.request;
      findings.push(...findingsIn(renderedStringsOf(request), entry.name, SLACK_PATTERNS));
      // With these, Slack would also turn a bare "@channel" typed by a user into a ping.
      if (
        isObject(request) &&
        (request.link_names === true || request.link_names === "true" || request.parse === "full")
      ) {
        findings.push({ kind: "link_names / parse=full on a message", where: entry.name, excerpt: "" });
      }
    } else if (entry.kind === "response_url") {
      findings.push(...findingsIn(renderedStringsOf(entry.request), "response_url", SLACK_PATTERNS));
    } else if (entry.kind === "app_request") {
      findings.push(
        ...findingsIn(renderedStringsOf(entry.response), `answer to ${entry.name}`, SLACK_PATTERNS),
      );
    }
  }
  return findings;
}

/** The same search in an email's HTML part (its text part shows input verbatim, as plain text should). */
export function injectionsInEmailHtml(html: string, where: string): TInjectionFinding[] {
  return findingsIn([html], where, HTML_PATTERNS);
}
