// An admin registers a company (RFC, razón social) under which issuing places are then added.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { normalizeRfc } from "../../domain/company-rules.ts";
import { Permission } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import {
  companyAuditSnapshot,
  companyDetailsSelect,
  normalizeCompanyFields,
  requireFreeRfc,
  type TCompanyDetails,
  type TCompanyFields,
} from "./company-fields.ts";

export async function createCompany(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; fields: TCompanyFields },
): Promise<TCompanyDetails> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.PLACES_WRITE, {
    action: AuditAction.COMPANY_CREATED,
    target: { type: "company", label: normalizeRfc(options.fields.rfc).slice(0, 254) },
  });
  const fields = normalizeCompanyFields(options.fields);
  return runAuditedChange(dependencies, context, authority, async (transaction, audit) => {
    await requireFreeRfc(transaction, fields.rfc);
    const company = await transaction.company.create({
      data: { rfc: fields.rfc, legalName: fields.legalName },
      select: companyDetailsSelect,
    });
    await audit({
      action: AuditAction.COMPANY_CREATED,
      target: { type: "company", id: company.id, label: company.rfc },
      changes: { after: companyAuditSnapshot(company) },
    });
    return company;
  });
}
