// An admin corrects a place's código postal or name. The users holding it keep it. The audit row
// lists only what changed; an edit that changes nothing writes nothing.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { Permission } from "../../domain/roles.ts";
import { changedFields } from "../audit/changed-fields.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import {
  findIssuingPlace,
  issuingPlaceAuditSnapshot,
  issuingPlaceAuditTarget,
  issuingPlaceDetailsSelect,
  normalizeIssuingPlaceFields,
  requireFreePlace,
  type TIssuingPlaceDetails,
  type TIssuingPlaceFields,
  toIssuingPlaceDetails,
} from "./issuing-place-fields.ts";

export async function updateIssuingPlace(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; placeId: string; fields: TIssuingPlaceFields },
): Promise<TIssuingPlaceDetails> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.PLACES_WRITE, {
    action: AuditAction.PLACE_UPDATED,
    target: { type: "issuing_place", id: options.placeId.slice(0, 64) },
  });
  const fields = normalizeIssuingPlaceFields(options.fields);
  return runAuditedChange(dependencies, context, authority, async (transaction, audit) => {
    const before = await findIssuingPlace(transaction, options.placeId);
    await requireFreePlace(transaction, { companyId: before.companyId, ...fields }, before.id);
    const row = await transaction.issuingPlace.update({
      where: { id: before.id },
      data: { postalCode: fields.postalCode, name: fields.name },
      select: issuingPlaceDetailsSelect,
    });
    const after = toIssuingPlaceDetails(row);
    const changes = changedFields(issuingPlaceAuditSnapshot(before), issuingPlaceAuditSnapshot(after));
    if (Object.keys(changes).length === 0) return after;
    await audit({ action: AuditAction.PLACE_UPDATED, target: issuingPlaceAuditTarget(after), changes });
    return after;
  });
}
