// An admin adds an issuing place ("Agregar lugar", beside a company): código postal and name.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { Permission } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { findCompany } from "./company-fields.ts";
import {
  issuingPlaceAuditSnapshot,
  issuingPlaceAuditTarget,
  issuingPlaceDetailsSelect,
  normalizeIssuingPlaceFields,
  requireFreePlace,
  type TIssuingPlaceDetails,
  type TIssuingPlaceFields,
  toIssuingPlaceDetails,
} from "./issuing-place-fields.ts";

export async function createIssuingPlace(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; companyId: string; fields: TIssuingPlaceFields },
): Promise<TIssuingPlaceDetails> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.PLACES_WRITE, {
    action: AuditAction.PLACE_CREATED,
    target: {
      type: "issuing_place",
      label: `${options.fields.postalCode} — ${options.fields.name}`.slice(0, 254),
    },
  });
  const fields = normalizeIssuingPlaceFields(options.fields);
  return runAuditedChange(dependencies, context, authority, async (transaction, audit) => {
    const company = await findCompany(transaction, options.companyId);
    await requireFreePlace(transaction, { companyId: company.id, ...fields });
    const row = await transaction.issuingPlace.create({
      data: { companyId: company.id, postalCode: fields.postalCode, name: fields.name },
      select: issuingPlaceDetailsSelect,
    });
    const place = toIssuingPlaceDetails(row);
    await audit({
      action: AuditAction.PLACE_CREATED,
      target: issuingPlaceAuditTarget(place),
      changes: { after: issuingPlaceAuditSnapshot(place) },
    });
    return place;
  });
}
