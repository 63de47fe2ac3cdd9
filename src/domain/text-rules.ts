// What text may be kept as given. PostgreSQL refuses NUL in text and JSON; a lone UTF-16 surrogate
// cannot be encoded as UTF-8 and would be stored replaced (so a hash taken before storing would no
// longer match); control characters and bidi overrides mean nothing in a name and can make one
// read as another. Every text that comes in — a modal field, a command, an API body — is checked
// with these rules before anything else, and refused on its field.
import { ErrorCode, type TFieldError } from "./errors.ts";

/**
 * `line`: a name, a search, an address — one line, no control characters, no bidi overrides.
 * `multiline`: free text (a reason) — line breaks and tabs allowed, nothing else of the above.
 * `secret`: a password — any Unicode a person can type, but no NUL or control characters.
 */
export type TTextKind = "line" | "multiline" | "secret";

export type TUnsafeTextReason = "not_well_formed" | "nul" | "control" | "line_break" | "bidi_override";

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const LINE_BREAKS = new Set([LINE_FEED, CARRIAGE_RETURN, 0x85, 0x2028, 0x2029]);

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls but NEL (a line break). */
function isControl(codePoint: number): boolean {
  if (codePoint === TAB || codePoint === LINE_FEED || codePoint === CARRIAGE_RETURN || codePoint === 0x85)
    return false;
  return (codePoint >= 0x01 && codePoint <= 0x1f) || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/** Embeddings, overrides and isolates: they reorder what a reader sees. */
function isBidiOverride(codePoint: number): boolean {
  return (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

/** Why the text cannot be kept as given, or undefined when it can. */
export function unsafeTextReason(text: string, kind: TTextKind = "line"): TUnsafeTextReason | undefined {
  if (!text.isWellFormed()) return "not_well_formed";
  if (text.includes("\u0000")) return "nul";
  let reason: TUnsafeTextReason | undefined;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (isControl(codePoint)) return "control";
    if (LINE_BREAKS.has(codePoint) && kind !== "multiline") reason ??= "line_break";
    else if (codePoint === TAB && kind === "line") reason ??= "line_break";
    else if (isBidiOverride(codePoint) && kind !== "secret") reason ??= "bidi_override";
  }
  return reason;
}

/** Whether the text can be stored at all: well-formed, no NUL (what PostgreSQL and JSON need). */
export function isStorableText(text: string): boolean {
  return text.isWellFormed() && !text.includes("\u0000");
}

/** The field error for text that cannot be kept, or undefined. */
export function textProblem(field: string, text: string, kind: TTextKind = "line"): TFieldError | undefined {
  return unsafeTextReason(text, kind) === undefined
    ? undefined
    : { field, code: ErrorCode.TEXT_CHARACTERS_INVALID };
}

/**
 * The text as the database will hold it: lone surrogates and NUL become U+FFFD. Only for what is
 * recorded about a refused input (an audit row naming what was tried), never for a value kept.
 */
export function storableText(text: string): string {
  return text.toWellFormed().replaceAll("\u0000", "\uFFFD");
}
