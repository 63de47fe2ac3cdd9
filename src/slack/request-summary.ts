// What a Slack request asked for, in the words of one log line: its kind and the one name that
// says which listener it reached (the command, the action id, the view's callback id, the event
// type). Never what was typed: a command's text or a form's values stay out of the logs.
interface TSlackBodyShape {
  readonly type?: unknown;
  readonly command?: unknown;
  readonly actions?: ReadonlyArray<{ readonly action_id?: unknown }>;
  readonly action_id?: unknown;
  readonly view?: { readonly callback_id?: unknown };
  readonly callback_id?: unknown;
  readonly event?: { readonly type?: unknown; readonly subtype?: unknown };
}

function name(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function slackRequestSummary(body: unknown): { kind: string; name: string | undefined } {
  const shape = (body ?? {}) as TSlackBodyShape;
  if (name(shape.command) !== undefined) return { kind: "slash_command", name: name(shape.command) };
  const kind = name(shape.type) ?? "unknown";
  switch (kind) {
    case "block_actions":
      return { kind, name: name(shape.actions?.[0]?.action_id) };
    case "block_suggestion":
      return { kind, name: name(shape.action_id) };
    case "view_submission":
    case "view_closed":
      return { kind, name: name(shape.view?.callback_id) };
    case "shortcut":
    case "message_action":
      return { kind, name: name(shape.callback_id) };
    case "event_callback":
      return { kind: "event", name: name(shape.event?.type) };
    default:
      return { kind, name: undefined };
  }
}
