import type { TRole } from "../../../../domain/roles.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { rolesCopy } from "../copy.ts";

/** "Administrador" / "Soporte": the name a person reads for a role. */
export function roleName(role: TRole, locale: TLocale): string {
  return rolesCopy(locale)(`role.${role}`);
}
