// The types of mrkdwn.js, a browser module the tests also import.
export type MrkdwnNode =
  | { type: "text"; text: string }
  | { type: "bold" | "italic" | "strike" | "quote"; children: MrkdwnNode[] }
  | { type: "code" | "pre"; text: string }
  | { type: "link"; url: string; children: MrkdwnNode[] }
  | { type: "user" | "channel"; id: string; label: string }
  | { type: "special"; text: string }
  | { type: "break" };

export function decodeEntities(text: string): string;
export function parseInline(text: string, linksAllowed?: boolean): MrkdwnNode[];
export function parseMrkdwn(text: string): MrkdwnNode[];
