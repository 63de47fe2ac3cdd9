// The line above the catalogue saying what just changed ("Se eliminó el lugar …").
import type { TCompanyDetails } from "../../../../application/places/company-fields.ts";
import type { TIssuingPlaceDetails } from "../../../../application/places/issuing-place-fields.ts";
import type { TRemovedIssuingPlace } from "../../../../application/places/remove-issuing-place.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import { escapeMrkdwn } from "../../../ui/blocks.ts";
import { placesCopy } from "../copy.ts";

/** Beyond this many accounts the notice says "y N más" rather than naming them all. */
const USERNAMES_NAMED = 20;

export function companyNotice(
  change: "created" | "updated" | "removed",
  company: TCompanyDetails,
  locale: TLocale,
): string {
  const key =
    change === "created"
      ? "done.company_created"
      : change === "updated"
        ? "done.company_updated"
        : "done.company_removed";
  return placesCopy(locale)(key, {
    legalName: escapeMrkdwn(company.legalName),
    rfc: escapeMrkdwn(company.rfc),
  });
}

export function placeNotice(
  change: "created" | "updated",
  place: TIssuingPlaceDetails,
  locale: TLocale,
): string {
  return placesCopy(locale)(change === "created" ? "done.place_created" : "done.place_updated", {
    label: escapeMrkdwn(place.label),
  });
}

/** Names how many users lost the place and which accounts are left without any. */
export function placeRemovedNotice(removed: TRemovedIssuingPlace, locale: TLocale): string {
  const copy = placesCopy(locale);
  const label = escapeMrkdwn(removed.place.label);
  const lines = [
    removed.unassignedUsernames.length === 0
      ? copy("done.place_removed", { label })
      : copy("done.place_removed_from_users", { label, count: removed.unassignedUsernames.length }),
  ];
  const leftWithout = removed.usernamesLeftWithoutPlaces;
  if (leftWithout.length > 0) {
    const named = leftWithout.slice(0, USERNAMES_NAMED).map((username) => `*${escapeMrkdwn(username)}*`);
    const more = leftWithout.length - named.length;
    lines.push(
      copy("done.left_without_places", {
        usernames: more > 0 ? `${named.join(", ")} (+${more})` : named.join(", "),
      }),
    );
  }
  return lines.join("\n");
}
