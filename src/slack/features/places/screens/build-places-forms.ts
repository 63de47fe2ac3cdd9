// Everything the company and place forms need, read before the ack: the caller's right to change
// the catalogue, and the company or place being edited.

import { requirePermission } from "../../../../application/authorization.ts";
import { getCataloguePlace } from "../../../../application/places/get-catalogue-place.ts";
import { getCompanyWithPlaces } from "../../../../application/places/get-company-with-places.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import { AuditAction } from "../../../../domain/audit-actions.ts";
import { Permission } from "../../../../domain/roles.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";
import type { ModalView } from "../../../ui/blocks.ts";
import type { TCatalogueState } from "../catalogue-state.ts";
import { companyFormModal } from "../views/company-form-modal.ts";
import { placeFormModal } from "../views/place-form-modal.ts";

interface TFormOrigin {
  readonly requestContext: TRequestContext;
  /** The catalogue message to refresh after saving. */
  readonly responseUrl: string | undefined;
  readonly state: TCatalogueState;
}

function originMetadata(origin: TFormOrigin) {
  return {
    ...(origin.responseUrl === undefined ? {} : { responseUrl: origin.responseUrl }),
    state: { page: origin.state.page },
  };
}

/** "Nueva empresa" when no company is given, else "Editar empresa" filled with it. */
export async function buildCompanyForm(
  dependencies: TSlackFeatureDependencies,
  options: TFormOrigin & { companyId: string | undefined },
): Promise<ModalView> {
  const { locale, useCases } = dependencies;
  if (options.companyId === undefined) {
    await requirePermission(useCases, options.requestContext, Permission.PLACES_WRITE, {
      action: AuditAction.COMPANY_CREATED,
    });
    return companyFormModal({ metadata: originMetadata(options), locale });
  }
  const company = await getCompanyWithPlaces(useCases, {
    context: options.requestContext,
    companyId: options.companyId,
    beforeChange: AuditAction.COMPANY_UPDATED,
  });
  return companyFormModal({
    company,
    metadata: { companyId: company.id, ...originMetadata(options) },
    locale,
  });
}

/** "Agregar lugar" to a company, or "Editar lugar" filled with the place. */
export async function buildPlaceForm(
  dependencies: TSlackFeatureDependencies,
  options: TFormOrigin & ({ companyId: string } | { placeId: string }),
): Promise<ModalView> {
  const { locale, useCases } = dependencies;
  if ("placeId" in options) {
    const { company, place } = await getCataloguePlace(useCases, {
      context: options.requestContext,
      placeId: options.placeId,
      beforeChange: AuditAction.PLACE_UPDATED,
    });
    return placeFormModal({
      company,
      place,
      metadata: { companyId: company.id, placeId: place.id, ...originMetadata(options) },
      locale,
    });
  }
  const company = await getCompanyWithPlaces(useCases, {
    context: options.requestContext,
    companyId: options.companyId,
    beforeChange: AuditAction.PLACE_CREATED,
  });
  return placeFormModal({ company, metadata: { companyId: company.id, ...originMetadata(options) }, locale });
}
