// One company of the catalogue with its places, read before a change (a form to open, a removal to
// ask about): only for those who may make the change, the refusal audited as an attempt at it.
import type { TRequestContext } from "../../domain/actor.ts";
import type { TAuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { Permission } from "../../domain/roles.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { UUID_PATTERN } from "../users/portal-user-input.ts";
import {
  companyWithPlacesSelect,
  type TCompanyWithPlaces,
  toCompanyWithPlaces,
} from "./list-companies-with-places.ts";

export async function getCompanyWithPlaces(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; companyId: string; beforeChange: TAuditAction },
): Promise<TCompanyWithPlaces> {
  await requirePermission(dependencies, options.context, Permission.PLACES_WRITE, {
    action: options.beforeChange,
    target: { type: "company", id: options.companyId.slice(0, 64) },
  });
  // A malformed id would make PostgreSQL refuse the query: it cannot name a company anyway.
  const row = UUID_PATTERN.test(options.companyId)
    ? await dependencies.database.prisma.company.findUnique({
        where: { id: options.companyId },
        select: companyWithPlacesSelect,
      })
    : null;
  if (row === null)
    throw new DomainError(ErrorCode.COMPANY_NOT_FOUND, { parameters: { company: options.companyId } });
  return toCompanyWithPlaces(row);
}
