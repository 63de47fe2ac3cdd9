// Every id the access-requests feature puts in a view and listens for, in one place.

export const AccessRequestsActionId = {
  /** Solicitar acceso: in "Mi cuenta" (DM, /micuenta, App Home) for someone with no account. */
  REQUEST: "access_requests.request",
  APPROVE: "access_requests.approve",
  REJECT: "access_requests.reject",
} as const;

export const AccessRequestsViewId = {
  REQUEST_FORM: "access_requests.form",
  /** The create form of /usuarios, filled from a request: its submission approves the request. */
  APPROVAL_FORM: "access_requests.approval_form",
  REJECTION_FORM: "access_requests.rejection_form",
  /** A modal that only says something (the request was sent, or cannot be sent). */
  NOTICE: "access_requests.notice",
} as const;

export const AccessRequestFormBlockId = {
  FULL_NAME: "full_name",
  EMAIL: "email",
  PLACES: "places",
  REASON: "reason",
} as const;

export const RejectionFormBlockId = { NOTE: "note" } as const;

export const FIELD_ACTION_ID = "value";
/** Not the create form's places action id: that one's options listener is for admins. */
export const REQUEST_PLACES_ACTION_ID = "access_requests.places";

/** Which block of the request form shows the error of each use-case field. */
export const REQUEST_FORM_BLOCK_BY_FIELD: Readonly<Record<string, string>> = {
  fullName: AccessRequestFormBlockId.FULL_NAME,
  email: AccessRequestFormBlockId.EMAIL,
  placeIds: AccessRequestFormBlockId.PLACES,
  reason: AccessRequestFormBlockId.REASON,
};

export const REJECTION_FORM_BLOCK_BY_FIELD: Readonly<Record<string, string>> = {
  note: RejectionFormBlockId.NOTE,
};
