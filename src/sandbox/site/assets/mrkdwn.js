// Slack's mrkdwn read into a tree the page renders as DOM nodes (never as HTML): *bold*, _italic_,
// ~strike~, `code`, ``` blocks, > quotes, <url|text> links, <@U…> and <#C…> mentions, <!here> and
// <!date…|fallback>, the &amp; &lt; &gt; entities and newlines. Pure: no DOM, tested on its own.

/**
 * @typedef {{ type: "text", text: string }
 *   | { type: "bold" | "italic" | "strike" | "quote", children: MrkdwnNode[] }
 *   | { type: "code" | "pre", text: string }
 *   | { type: "link", url: string, children: MrkdwnNode[] }
 *   | { type: "user" | "channel", id: string, label: string }
 *   | { type: "special", text: string }
 *   | { type: "break" }} MrkdwnNode
 */

/** Slack escapes exactly these three in text; anything else stays as written. @param {string} text */
export function decodeEntities(text) {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** @param {string} inside what is between < and > @returns {MrkdwnNode} */
function angleNode(inside) {
  const bar = inside.indexOf("|");
  const target = bar === -1 ? inside : inside.slice(0, bar);
  const label = bar === -1 ? "" : decodeEntities(inside.slice(bar + 1));
  if (target.startsWith("@")) return { type: "user", id: target.slice(1), label };
  if (target.startsWith("#")) return { type: "channel", id: target.slice(1), label };
  if (target.startsWith("!")) {
    const word = target.slice(1).split("^")[0] ?? "";
    if (label !== "") return { type: "special", text: label };
    return {
      type: "special",
      text: ["here", "channel", "everyone"].includes(word) ? `@${word}` : `<${word}>`,
    };
  }
  const url = decodeEntities(target);
  const shown = label === "" ? url : label;
  if (!SAFE_URL.test(url)) return { type: "text", text: shown };
  return {
    type: "link",
    url,
    children: label === "" ? [{ type: "text", text: url }] : parseInline(label, false),
  };
}

/** The text an angle token shows, for code spans and blocks where nothing is formatted. @param {string} inside */
function angleText(inside) {
  const node = angleNode(inside);
  if (node.type === "user") return node.label === "" ? `@${node.id}` : node.label;
  if (node.type === "channel") return node.label === "" ? `#${node.id}` : node.label;
  if (node.type === "link") return node.children.map((child) => ("text" in child ? child.text : "")).join("");
  return "text" in node ? node.text : "";
}

/** Code shows its text as written, links and mentions reduced to their text. @param {string} text */
function codeText(text) {
  return decodeEntities(text.replace(/<([^<>\n]+)>/g, (_whole, inside) => angleText(inside)));
}

const MARKERS = { "*": "bold", _: "italic", "~": "strike" };

/** A marker opens at `index`: at the start or after a non-word character, followed by a non-space. */
function opensAt(text, index) {
  const before = index === 0 ? " " : text[index - 1];
  const after = text[index + 1];
  return !/[\p{L}\p{N}]/u.test(before) && after !== undefined && !/\s/.test(after) && after !== text[index];
}

/** Where the marker opened at `start` closes on the same line: after a non-space, before a non-word character. */
function closingOf(text, marker, start) {
  for (let index = start + 1; index < text.length; index += 1) {
    const character = text[index];
    if (character === "\n") return -1;
    if (character === "<") {
      const end = text.indexOf(">", index);
      if (end !== -1) index = end;
      continue;
    }
    if (character !== marker) continue;
    const before = text[index - 1] ?? " ";
    const after = index + 1 < text.length ? text[index + 1] : " ";
    if (!/\s/.test(before) && !/[\p{L}\p{N}]/u.test(after ?? " ")) return index;
  }
  return -1;
}

/**
 * @param {string} text
 * @param {boolean} [linksAllowed] false inside a link's label
 * @returns {MrkdwnNode[]}
 */
export function parseInline(text, linksAllowed = true) {
  /** @type {MrkdwnNode[]} */
  const nodes = [];
  let buffer = "";
  const flush = () => {
    if (buffer !== "") nodes.push({ type: "text", text: decodeEntities(buffer) });
    buffer = "";
  };
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    if (character === "<" && linksAllowed) {
      const end = text.indexOf(">", index + 1);
      const inside = end === -1 ? "" : text.slice(index + 1, end);
      if (inside !== "" && !inside.includes("\n") && !inside.includes("<")) {
        flush();
        nodes.push(angleNode(inside));
        index = end + 1;
        continue;
      }
    }
    if (character === "`") {
      const end = text.indexOf("`", index + 1);
      if (end > index + 1 && !text.slice(index + 1, end).includes("\n")) {
        flush();
        nodes.push({ type: "code", text: codeText(text.slice(index + 1, end)) });
        index = end + 1;
        continue;
      }
    }
    if (character === "\n") {
      flush();
      nodes.push({ type: "break" });
      index += 1;
      continue;
    }
    const kind = MARKERS[character];
    if (kind !== undefined && opensAt(text, index)) {
      const end = closingOf(text, character, index);
      if (end !== -1) {
        flush();
        nodes.push({ type: kind, children: parseInline(text.slice(index + 1, end), linksAllowed) });
        index = end + 1;
        continue;
      }
    }
    buffer += character;
    index += 1;
  }
  flush();
  return nodes;
}

/** Lines starting with > (or &gt;, as Slack escapes it) are a quote. @param {string} text @returns {MrkdwnNode[]} */
function parseLines(text) {
  /** @type {MrkdwnNode[]} */
  const nodes = [];
  const lines = text.split("\n");
  let plain = [];
  let quoted = [];
  const flushPlain = () => {
    if (plain.length > 0) {
      if (nodes.length > 0 && nodes.at(-1)?.type === "quote") nodes.push({ type: "break" });
      nodes.push(...parseInline(plain.join("\n")));
    }
    plain = [];
  };
  const flushQuoted = () => {
    if (quoted.length > 0) nodes.push({ type: "quote", children: parseInline(quoted.join("\n")) });
    quoted = [];
  };
  for (const line of lines) {
    const quote = /^(>|&gt;) ?(.*)$/.exec(line);
    if (quote) {
      flushPlain();
      quoted.push(quote[2] ?? "");
    } else {
      flushQuoted();
      plain.push(line);
    }
  }
  flushPlain();
  flushQuoted();
  return nodes;
}

/** @param {string} text @returns {MrkdwnNode[]} */
export function parseMrkdwn(text) {
  /** @type {MrkdwnNode[]} */
  const nodes = [];
  const fence = /```([\s\S]*?)```/g;
  let last = 0;
  for (const match of text.matchAll(fence)) {
    const before = text.slice(last, match.index);
    if (before !== "") nodes.push(...parseLines(before.replace(/\n$/, "")));
    nodes.push({ type: "pre", text: codeText((match[1] ?? "").replace(/^\n/, "")) });
    last = (match.index ?? 0) + match[0].length;
  }
  const rest = text.slice(last);
  if (rest !== "") nodes.push(...parseLines(last > 0 ? rest.replace(/^\n/, "") : rest));
  return nodes;
}
