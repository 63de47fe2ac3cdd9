// The places offered for choice when they are too many for one list (Slack's external select, which
// shows at most 100): those matching the typed text, by label. Whoever may read the catalogue or
// assign places to users may search it.
import type { TRequestContext } from "../../domain/actor.ts";
import { Permission, type TPermission } from "../../domain/roles.ts";
import { requirePermission } from "../authorization.ts";
import type { TUseCaseDependencies } from "../dependencies.ts";
import {
  issuingPlaceDetailsSelect,
  type TIssuingPlaceDetails,
  toIssuingPlaceDetails,
} from "./issuing-place-fields.ts";

export const PLACE_CHOICE_PERMISSIONS: readonly TPermission[] = [
  Permission.PLACES_READ,
  Permission.USERS_WRITE,
];
export const DEFAULT_PLACE_SEARCH_LIMIT = 100;

const spanishOrder = new Intl.Collator("es");

/** Lower case without accents, so that "queretaro" finds "Querétaro" and "nam" finds "ÑAM190128J61". */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Every word of the query must appear in the place's código postal, name, razón social or RFC. */
export function placeMatches(place: TIssuingPlaceDetails, query: string): boolean {
  const words = folded(query)
    .split(/\s+/)
    .filter((word) => word !== "");
  // Joined by line breaks, which no word holds, so that no word matches across two fields.
  const searchable = folded(
    [place.postalCode, place.name, place.companyLegalName, place.rfc, place.label].join("\n"),
  );
  return words.every((word) => searchable.includes(word));
}

export async function searchIssuingPlaces(
  dependencies: TUseCaseDependencies,
  options: { context: TRequestContext; query: string; limit?: number },
): Promise<TIssuingPlaceDetails[]> {
  await requirePermission(dependencies, options.context, PLACE_CHOICE_PERMISSIONS, {
    action: "place.search",
  });
  const limit = Math.max(
    1,
    Math.trunc(options.limit ?? DEFAULT_PLACE_SEARCH_LIMIT) || DEFAULT_PLACE_SEARCH_LIMIT,
  );
  // Matched and ordered here: accent-insensitive matching and Spanish order are the same on PGlite and
  // PostgreSQL only outside the database, and a catalogue of places is thousands of rows at most.
  const rows = await dependencies.database.prisma.issuingPlace.findMany({
    select: issuingPlaceDetailsSelect,
  });
  return rows
    .map(toIssuingPlaceDetails)
    .filter((place) => placeMatches(place, options.query))
    .sort((left, right) => spanishOrder.compare(left.label, right.label))
    .slice(0, limit);
}
