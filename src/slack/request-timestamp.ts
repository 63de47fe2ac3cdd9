// Slack signs `v0:<timestamp>:<body>` and a request is only good within five minutes of its
// timestamp. Bolt refuses old ones and accepts any from the future; a captured request replayed
// with a forged future timestamp cannot pass the signature, but one signed ahead of time (a leaked
// secret, a skewed signer) could be replayed for as long as it stays "in the future". Both ways, then.
export const SLACK_TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** Whether the x-slack-request-timestamp header is a time within five minutes of now, either way. */
export function isWithinSigningWindow(
  header: string | string[] | undefined,
  nowMilliseconds: number,
): boolean {
  const text = Array.isArray(header) ? header[0] : header;
  if (text === undefined || !/^\d{1,12}$/.test(text)) return false;
  const skewSeconds = Math.abs(Math.floor(nowMilliseconds / 1000) - Number(text));
  return skewSeconds <= SLACK_TIMESTAMP_TOLERANCE_SECONDS;
}
