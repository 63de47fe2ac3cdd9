// Every id of the self-service feature (/micuenta, DMs, App Home, the password modal).

export const ACCOUNT_COMMAND = "/micuenta";

export const AccountActionId = {
  CHANGE_PASSWORD: "account.change_password",
} as const;

export const AccountViewId = {
  PASSWORD_FORM: "account.password_form",
  /** Shown instead of the form when the button's presser has no linked account (any more). */
  NOT_LINKED: "account.not_linked",
} as const;

export const PasswordFormBlockId = {
  CURRENT: "current_password",
  NEW: "new_password",
  CONFIRMATION: "confirmation",
} as const;

export const PASSWORD_FIELD_ACTION_ID = "value";

/** Which block shows the error of each field of the change-password use case. */
export const PASSWORD_FORM_BLOCK_BY_FIELD: Readonly<Record<string, string>> = {
  currentPassword: PasswordFormBlockId.CURRENT,
  newPassword: PasswordFormBlockId.NEW,
  confirmation: PasswordFormBlockId.CONFIRMATION,
};
