// Who asks for a use case: a Slack user, the portal (a program holding the API key), or the bot
// itself (start-up bootstrap, the outbox worker).

export type TActor =
  | { readonly kind: "slack"; readonly slackUserId: string; readonly teamId?: string | undefined }
  | { readonly kind: "portal" }
  | { readonly kind: "system"; readonly name: string };

/** One request as it reaches a use case: who, and the id that ties its logs and audit rows together. */
export interface TRequestContext {
  readonly actor: TActor;
  readonly requestId: string;
}

export function actorIdOf(actor: TActor): string {
  switch (actor.kind) {
    case "slack":
      return actor.slackUserId;
    case "portal":
      return "portal";
    case "system":
      return `system:${actor.name}`;
  }
}

/** Slack itself, reporting a person deactivated (the user_change event, the daily reconciliation). */
export const SLACK_ACTOR: TActor = { kind: "system", name: "slack" };

/** The bot's scheduler of time-bound access (Acceso hasta): warns owners, disables expired accounts. */
export const ACCESS_EXPIRY_ACTOR: TActor = { kind: "system", name: "access-expiry" };
/** Whoever holds an invitation link, choosing the account's password on the bot's page. */
export const INVITATION_LINK_ACTOR: TActor = { kind: "system", name: "invitation_link" };
