// Every id the roles feature (`/usuarios roles`) puts in a view and listens for, in one place.

export const RolesActionId = {
  GRANT: "roles.grant",
  ASK_REVOKE: "roles.revoke.ask",
  CONFIRM_REVOKE: "roles.revoke.yes",
  CANCEL: "roles.cancel",
} as const;

export const RolesViewId = {
  GRANT_FORM: "roles.grant_form",
} as const;

export const RolesBlockId = {
  TOOLBAR: "roles.toolbar",
  /** Prefix of each holder's row: `roles.row.<ROLE>.<slack user id>`. */
  ROW: "roles.row",
  CONFIRM_REVOKE: "roles.confirm.revoke",
} as const;

/** The grant form's blocks; each block holds one element whose action id is FIELD_ACTION_ID. */
export const GrantRoleBlockId = {
  SLACK_USER: "slack_user",
  ROLE: "role",
} as const;

export const FIELD_ACTION_ID = "value";

/** Which form block shows the error of each use-case field; errors naming no field (ROLE_ALREADY_GRANTED) go on the user. */
export const GRANT_ROLE_BLOCK_BY_FIELD: Readonly<Record<string, string>> = {
  slackUserId: GrantRoleBlockId.SLACK_USER,
  role: GrantRoleBlockId.ROLE,
};
