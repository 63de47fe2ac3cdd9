// The people and places of the sandbox's Slack workspace: who a visitor can be in a demo and whom
// the end-to-end tests act as. Each role the bot knows has one person: an admin, a support agent,
// an accountant who holds a portal account, and a stranger to the portal. The bot learns who is
// admin and support from `sandboxSlackVariables`, as a real install learns it from its environment.
import type { TSlackChannel, TSlackUser } from "./slack-records.ts";
import type { TSlackWorkspaceOptions } from "./slack-workspace.ts";

/** The sandbox's workspace id, carried by every request its people send. */
export const SANDBOX_TEAM_ID = "T0SANDBOX1";

/** The bot as the workspace knows it: its token and its own Slack user. */
export const SANDBOX_BOT = { token: "xoxb-sandbox-bot-token-0001", userId: "U0BOTUSER1" } as const;

/** Where the bot posts its audit trail. */
export const AUDIT_CHANNEL: TSlackChannel = { id: "C0AUDIT01", name: "auditoria-premiumone" };

/** A person of the workspace; their email is `<name>@empresa.example`. */
export function castPerson(id: string, name: string, realName: string): TSlackUser {
  return { id, name, realName, email: `${name}@empresa.example`, teamId: SANDBOX_TEAM_ID };
}

/** Who a visitor can be, one a role. */
export const PEOPLE = {
  /** Named in ADMIN_SLACK_USER_IDS: creates, edits and deletes portal users. */
  admin: castPerson("U0ADMIN01", "admin", "Adriana Admin"),
  /** Named in SUPPORT_SLACK_USER_IDS: looks accounts up and resets passwords. */
  support: castPerson("U0SUPPORT1", "soporte", "Sofía Soporte"),
  /** No role: reaches only their own portal account, once an admin links one to them. */
  accountant: castPerson("U0CONTA001", "conta", "Carla Contadora"),
  /** No role and no account: what anyone else in the workspace sees. */
  nobody: castPerson("U0NOBODY01", "nadie", "Nicolás Nadie"),
} as const;

/** No role and no account, like the stranger: the demo data leaves an access request of theirs open. */
export const DEMO_REQUESTER = castPerson("U0PIDE0DEM", "pedro", "Pedro Pide");

/** The workspace the cast lives in, for `createSlackWorkspace` or the fake Web API. */
export function castWorkspace(morePeople: readonly TSlackUser[] = []): TSlackWorkspaceOptions {
  return {
    botToken: SANDBOX_BOT.token,
    botUserId: SANDBOX_BOT.userId,
    teamId: SANDBOX_TEAM_ID,
    users: [...Object.values(PEOPLE), DEMO_REQUESTER, ...morePeople],
    channels: [AUDIT_CHANNEL],
  };
}
