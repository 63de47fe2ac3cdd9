// What the use cases and the Slack surface tell the operator's metrics (GET /metrics). Optional: a
// use case run without metrics (a CLI, a unit test) tells no one.
export type TLoginOutcome = "accepted" | "refused" | "locked" | "disabled" | "expired";

export interface Metrics {
  /** A portal login was answered. */
  loginAnswered(outcome: TLoginOutcome): void;
  /** Wrong passwords locked an account (portal login or the Slack password change). */
  accountLocked(): void;
  /** One Slack request through Bolt: its kind (slash_command, block_actions …) and outcome. */
  slackRequestHandled(kind: string, outcome: string): void;
}
