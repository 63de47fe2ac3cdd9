// Roles and what each may do (SPEC.md, "People and roles"). A portal user's rights over their own
// account do not come from a role: they come from the link between the account and the Slack user.

export const Role = { ADMIN: "ADMIN", SUPPORT: "SUPPORT" } as const;
export type TRole = (typeof Role)[keyof typeof Role];
export const ROLES: readonly TRole[] = [Role.ADMIN, Role.SUPPORT];

export const Permission = {
  USERS_READ: "users.read",
  USERS_WRITE: "users.write",
  PLACES_READ: "places.read",
  PLACES_WRITE: "places.write",
  ROLES_WRITE: "roles.write",
  AUDIT_READ: "audit.read",
} as const;
export type TPermission = (typeof Permission)[keyof typeof Permission];

const PERMISSIONS_BY_ROLE: Readonly<Record<TRole, ReadonlySet<TPermission>>> = {
  ADMIN: new Set(Object.values(Permission)),
  SUPPORT: new Set([Permission.USERS_READ, Permission.PLACES_READ, Permission.AUDIT_READ]),
};

export function rolesAllow(roles: Iterable<TRole>, permission: TPermission): boolean {
  for (const role of roles) if (PERMISSIONS_BY_ROLE[role].has(permission)) return true;
  return false;
}

export function isRole(value: string): value is TRole {
  return value === Role.ADMIN || value === Role.SUPPORT;
}

/** The role an audit row records: the strongest the actor holds, or what they are when they hold none. */
export function auditRoleOf(
  roles: readonly TRole[],
  fallback: "PORTAL_USER" | "PORTAL" | "SYSTEM" | "NONE",
): string {
  if (roles.includes(Role.ADMIN)) return Role.ADMIN;
  if (roles.includes(Role.SUPPORT)) return Role.SUPPORT;
  return fallback;
}
