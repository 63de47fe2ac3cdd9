// An admin removes an issuing place. When users hold it the removal needs the admin's agreement to
// that many losing it (Sí on a question naming how many): the place is taken from its holders only
// when they are no more than the admin agreed to; otherwise PLACE_IN_USE carries the numbers of now,
// for the question to be asked again. Once removed no user holds it (the assignments cascade); the
// audit row keeps the place and who lost it.
import type { TRequestContext } from "../../domain/actor.ts";
import { AuditAction } from "../../domain/audit-actions.ts";
import { DomainError, ErrorCode } from "../../domain/errors.ts";
import { Permission } from "../../domain/roles.ts";
import { runAuditedChange } from "../audited-change.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import {
  findIssuingPlace,
  issuingPlaceAuditSnapshot,
  issuingPlaceAuditTarget,
  type TIssuingPlaceDetails,
} from "./issuing-place-fields.ts";

export interface TRemovedIssuingPlace {
  readonly place: TIssuingPlaceDetails;
  /** The accounts that held the place, in alphabetical order. */
  readonly unassignedUsernames: readonly string[];
  /** Of those, the accounts that held no other place and now hold none. */
  readonly usernamesLeftWithoutPlaces: readonly string[];
}

export async function removeIssuingPlace(
  dependencies: TUseCaseDependencies,
  options: {
    context: TRequestContext;
    placeId: string;
    /** How many holders the admin was told would lose the place; absent: none. */
    agreedHolders?: number;
  },
): Promise<TRemovedIssuingPlace> {
  const { context } = options;
  const authority = await requirePermission(dependencies, context, Permission.PLACES_WRITE, {
    action: AuditAction.PLACE_REMOVED,
    target: { type: "issuing_place", id: options.placeId.slice(0, 64) },
  });
  return runAuditedChange(dependencies, context, authority, async (transaction, audit) => {
    const place = await findIssuingPlace(transaction, options.placeId);
    // Locks the place so that no assignment is added between counting its holders and removing it.
    // A second Sí waits here for the first; once it has committed, the place is gone: say so.
    const locked = await transaction.$queryRaw<
      { id: string }[]
    >`SELECT id FROM issuing_places WHERE id = ${place.id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new DomainError(ErrorCode.PLACE_NOT_FOUND);
    const holders = await transaction.portalUserPlace.findMany({
      where: { placeId: place.id },
      select: { user: { select: { username: true, _count: { select: { places: true } } } } },
    });
    const unassignedUsernames = holders.map(({ user }) => user.username).sort();
    const usernamesLeftWithoutPlaces = holders
      .filter(({ user }) => user._count.places === 1)
      .map(({ user }) => user.username)
      .sort();
    if (holders.length > (options.agreedHolders ?? 0)) {
      throw new DomainError(ErrorCode.PLACE_IN_USE, {
        parameters: { count: holders.length, leftWithoutPlaces: usernamesLeftWithoutPlaces.length },
      });
    }
    await transaction.issuingPlace.delete({ where: { id: place.id } });
    await audit({
      action: AuditAction.PLACE_REMOVED,
      target: issuingPlaceAuditTarget(place),
      changes: {
        before: issuingPlaceAuditSnapshot(place),
        unassignedUsernames,
        ...(usernamesLeftWithoutPlaces.length === 0 ? {} : { usernamesLeftWithoutPlaces }),
      },
    });
    return { place, unassignedUsernames, usernamesLeftWithoutPlaces };
  });
}
