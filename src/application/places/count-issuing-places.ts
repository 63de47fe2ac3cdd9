// How many issuing places there are: above Slack's 100 options a form offers them through a
// searchable external select (search-issuing-places.ts) instead of one static list.
import type { TRequestContext } from "../../domain/actor.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import { PLACE_CHOICE_PERMISSIONS } from "./search-issuing-places.ts";

/** Slack's limit of options in one static select. */
export const STATIC_SELECT_MAXIMUM_OPTIONS = 100;

export async function countIssuingPlaces(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext },
): Promise<number> {
  await requirePermission(dependencies, options.context, PLACE_CHOICE_PERMISSIONS, { action: "place.count" });
  return dependencies.database.prisma.issuingPlace.count();
}
