// What a workspace operation Slack can refuse gives back: its value, or Slack's error code.
export type TOutcome<TValue> =
  | { readonly ok: true; readonly value: TValue }
  | { readonly ok: false; readonly error: string };
