// An admin corrects a company's RFC or razón social. The audit row lists only what changed; an
// edit that changes nothing writes nothing.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { Permission } from "../../domain/roles.ts";
import { changedFields } from "../audit/changed-fields.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import {
  companyAuditSnapshot,
  companyDetailsSelect,
  findCompany,
  normalizeCompanyFields,
  requireFreeRfc,
  type TCompanyDetails,
  type TCompanyFields,
} from "./company-fields.ts";

export async function updateCompany(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; companyId: string; fields: TCompanyFields },
): Promise<TCompanyDetails> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.PLACES_WRITE, {
    action: AuditAction.COMPANY_UPDATED,
    target: { type: "company", id: options.companyId.slice(0, 64) },
  });
  const fields = normalizeCompanyFields(options.fields);
  return runAuditedChange(dependencies, context, authority, async (transaction, audit) => {
    const before = await findCompany(transaction, options.companyId);
    await requireFreeRfc(transaction, fields.rfc, before.id);
    const after = await transaction.company.update({
      where: { id: before.id },
      data: { rfc: fields.rfc, legalName: fields.legalName },
      select: companyDetailsSelect,
    });
    const changes = changedFields(companyAuditSnapshot(before), companyAuditSnapshot(after));
    if (Object.keys(changes).length === 0) return after;
    await audit({
      action: AuditAction.COMPANY_UPDATED,
      target: { type: "company", id: after.id, label: after.rfc },
      changes,
    });
    return after;
  });
}
