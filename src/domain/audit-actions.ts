// The audit trail's action codes (SPEC.md, "Audit"). The audit channel says each in words.

export const AuditAction = {
  USER_CREATED: "user.created",
  USER_UPDATED: "user.updated",
  USER_DELETED: "user.deleted",
  USER_DISABLED: "user.disabled",
  USER_ENABLED: "user.enabled",
  /** The scheduler disabled an account whose Acceso hasta had passed (actor system:access-expiry). */
  USER_EXPIRED: "user.expired",
  USER_PASSWORD_RESET: "user.password_reset",
  USER_PASSWORD_CHANGED: "user.password_changed",
  USER_PASSWORD_CHANGE_FAILED: "user.password_change_failed",
  /** The owner chose the password through the invitation link (CREDENTIAL_DELIVERY=link). */
  USER_PASSWORD_SET: "user.password_set",
  USER_LOCKED: "user.locked",
  USER_UNLOCKED: "user.unlocked",
  USER_LOGIN_SUCCEEDED: "user.login_succeeded",
  USER_LOGIN_FAILED: "user.login_failed",
  COMPANY_CREATED: "company.created",
  COMPANY_UPDATED: "company.updated",
  COMPANY_REMOVED: "company.removed",
  PLACE_CREATED: "place.created",
  PLACE_UPDATED: "place.updated",
  PLACE_REMOVED: "place.removed",
  ROLE_GRANTED: "role.granted",
  ROLE_REVOKED: "role.revoked",
  ACCESS_DENIED: "access.denied",
  DELIVERY_FAILED: "delivery.failed",
  /** A welcome or reset email refused for good: a delivery failure about an account. */
  USER_CREDENTIALS_EMAIL_FAILED: "user.credentials_email_failed",
  /** Access requests (Solicitar acceso): asked by a Slack person, decided by an admin or expired. */
  ACCESS_REQUEST_CREATED: "access_request.created",
  ACCESS_REQUEST_APPROVED: "access_request.approved",
  ACCESS_REQUEST_REJECTED: "access_request.rejected",
  ACCESS_REQUEST_EXPIRED: "access_request.expired",
} as const;
export type TAuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export type TAuditResult = "success" | "denied" | "failed";

/** A changed field: its value before and after. Secrets never appear; a password change is `{ password: "changed" }`. */
export type TAuditChanges = Readonly<Record<string, unknown>>;
