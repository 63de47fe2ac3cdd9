// Identifiers shaped like Slack's (view ids `V…`, message timestamps `1700000000.000100`, trigger ids
// `<n>.<n>.<hex>`), unique within one sandbox. Web Crypto only, so a browser can run this file too.

const UPPERCASE_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const MIXED_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function randomCharacters(alphabet: string, length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}

function randomHex(byteCount: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(byteCount));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export interface TSlackIdentifiers {
  /** A message `ts`: seconds, a dot, six digits; strictly increasing so that it orders messages. */
  messageTimestamp(nowMilliseconds: number): string;
  viewId(): string;
  viewHash(nowMilliseconds: number): string;
  triggerId(): string;
  /** What Slack puts in a block without `block_id` (short random text). */
  blockId(): string;
  /** What Slack puts in an interactive element without `action_id`. */
  actionId(): string;
  eventId(): string;
  responseUrlId(): string;
  clientMessageId(): string;
}

export function createSlackIdentifiers(): TSlackIdentifiers {
  let lastTimestampMicroseconds = 0;
  let triggerCounter = 0;
  return {
    messageTimestamp(nowMilliseconds) {
      lastTimestampMicroseconds = Math.max(lastTimestampMicroseconds + 1, Math.floor(nowMilliseconds * 1000));
      const seconds = Math.floor(lastTimestampMicroseconds / 1_000_000);
      const fraction = String(lastTimestampMicroseconds % 1_000_000).padStart(6, "0");
      return `${seconds}.${fraction}`;
    },
    viewId: () => `V${randomCharacters(UPPERCASE_ALPHANUMERIC, 10)}`,
    viewHash: (nowMilliseconds) =>
      `${Math.floor(nowMilliseconds / 1000)}.${randomCharacters(MIXED_ALPHANUMERIC, 8)}`,
    triggerId() {
      triggerCounter += 1;
      return `${1_000_000_000 + triggerCounter}.${100_000_000 + triggerCounter}.${randomHex(16)}`;
    },
    blockId: () => randomCharacters(MIXED_ALPHANUMERIC, 5),
    actionId: () => randomCharacters(MIXED_ALPHANUMERIC, 5),
    eventId: () => `Ev${randomCharacters(UPPERCASE_ALPHANUMERIC, 10)}`,
    responseUrlId: () => randomHex(12),
    clientMessageId: () => crypto.randomUUID(),
  };
}
