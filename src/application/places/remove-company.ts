// An admin removes a company. A company that still has issuing places is refused with how many:
// its places are removed first, one by one, each with its own confirmation when users hold it.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { Permission } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { companyAuditSnapshot, findCompany, type TCompanyDetails } from "./company-fields.ts";

export async function removeCompany(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; companyId: string },
): Promise<TCompanyDetails> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.PLACES_WRITE, {
    action: AuditAction.COMPANY_REMOVED,
    target: { type: "company", id: options.companyId.slice(0, 64) },
  });
  return runAuditedChange(dependencies, context, authority, async (transaction, audit) => {
    const company = await findCompany(transaction, options.companyId);
    const count = await transaction.issuingPlace.count({ where: { companyId: company.id } });
    if (count > 0) throw new DomainError(ErrorCode.COMPANY_HAS_PLACES, { parameters: { count } });
    await transaction.company.delete({ where: { id: company.id } });
    await audit({
      action: AuditAction.COMPANY_REMOVED,
      target: { type: "company", id: company.id, label: company.rfc },
      changes: { before: companyAuditSnapshot(company) },
    });
    return company;
  });
}
