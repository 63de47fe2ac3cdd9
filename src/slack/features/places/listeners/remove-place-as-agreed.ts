// Sí on "¿Eliminar el lugar…?": the admin was told how many users hold the place. It is removed
// without touching anyone when nobody holds it now, and taken from its holders only when they are no
// more than the admin agreed to; otherwise PLACE_IN_USE comes back so that the question is asked again
// with the numbers of now.
import {
  removeIssuingPlace,
  type TRemovedIssuingPlace,
} from "../../../../application/places/remove-issuing-place.ts";
import type { TRequestContext } from "../../../../domain/actor.ts";
import { ErrorCode, isDomainError } from "../../../../domain/errors.ts";
import type { TSlackFeatureDependencies } from "../../../feature-dependencies.ts";

export async function removePlaceAsAgreed(
  dependencies: TSlackFeatureDependencies,
  options: { requestContext: TRequestContext; placeId: string; agreedHolders: number },
): Promise<TRemovedIssuingPlace> {
  const context = options.requestContext;
  try {
    return await removeIssuingPlace(dependencies.useCases, { context, placeId: options.placeId });
  } catch (error) {
    const holders =
      isDomainError(error) && error.code === ErrorCode.PLACE_IN_USE
        ? Number(error.parameters.count)
        : undefined;
    if (holders === undefined || !(holders <= options.agreedHolders)) throw error;
    return removeIssuingPlace(dependencies.useCases, {
      context,
      placeId: options.placeId,
      confirmAssignedUsers: true,
    });
  }
}
