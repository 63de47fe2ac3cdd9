// Every id the /usuarios feature puts in a view and listens for, in one place.

export const USERS_COMMAND = "/usuarios";

export const UsersActionId = {
  NEW_USER: "users.new",
  EDIT: "users.edit",
  ASK_DELETE: "users.delete.ask",
  CONFIRM_DELETE: "users.delete.yes",
  ASK_RESET: "users.reset.ask",
  CONFIRM_RESET: "users.reset.yes",
  CANCEL: "users.cancel",
  DISABLE: "users.disable",
  ENABLE: "users.enable",
  UNLOCK: "users.unlock",
  PAGE: "users.page",
} as const;

export const UsersViewId = {
  USER_FORM: "users.form",
} as const;

/** The form's blocks; each block holds one element whose action id is FIELD_ACTION_ID. */
export const UserFormBlockId = {
  USERNAME: "username",
  FULL_NAME: "full_name",
  EMAIL: "email",
  SLACK_USER: "slack_user",
  PLACES: "places",
  ACCESS_UNTIL: "access_until",
} as const;

export const FIELD_ACTION_ID = "value";
/** The places select's action id: the options (block_suggestion) listener answers for it. */
export const PLACES_ACTION_ID = "users.places";

/** Which form block shows the error of each use-case field. */
export const USER_FORM_BLOCK_BY_FIELD: Readonly<Record<string, string>> = {
  username: UserFormBlockId.USERNAME,
  fullName: UserFormBlockId.FULL_NAME,
  email: UserFormBlockId.EMAIL,
  slackUserId: UserFormBlockId.SLACK_USER,
  placeIds: UserFormBlockId.PLACES,
  accessUntil: UserFormBlockId.ACCESS_UNTIL,
};
