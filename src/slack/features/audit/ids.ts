// Every id the /auditoria feature puts in a view and listens for, in one place.

export const AUDIT_COMMAND = "/auditoria";

export const AuditActionId = {
  PAGE_PREVIOUS: "audit.page.previous",
  PAGE_NEXT: "audit.page.next",
} as const;

export const AuditBlockId = {
  PAGING: "audit.paging",
} as const;
