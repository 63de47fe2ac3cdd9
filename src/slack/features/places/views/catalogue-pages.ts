// Splits the catalogue into pages that fit one Slack message (at most 50 blocks): whole companies a
// page while they fit; a company too large for one page continues on the next, its heading repeated.
import type {
  TCataloguePlace,
  TCompanyWithPlaces,
} from "../../../../application/places/list-companies-with-places.ts";

export interface TCatalogueSlice {
  readonly company: TCompanyWithPlaces;
  /** The company's places shown on this page. */
  readonly places: readonly TCataloguePlace[];
  /** Whether the company's places began on an earlier page. */
  readonly continued: boolean;
}

export type TCataloguePage = readonly TCatalogueSlice[];

export interface TBlockCosts {
  /** Blocks a company's heading takes (divider, its line, its buttons). */
  readonly company: number;
  /** Blocks one place takes (its line, its buttons). */
  readonly place: number;
  /** Blocks a page may spend on companies and places. */
  readonly budget: number;
}

/** Always at least one page: an empty catalogue is one empty page. */
export function paginateCatalogue(
  companies: readonly TCompanyWithPlaces[],
  costs: TBlockCosts,
): TCataloguePage[] {
  const placesPerFreshPage = Math.max(1, Math.floor((costs.budget - costs.company) / costs.place));
  const pages: TCatalogueSlice[][] = [];
  let current: TCatalogueSlice[] = [];
  let used = 0;
  const startPage = () => {
    if (current.length > 0) pages.push(current);
    current = [];
    used = 0;
  };
  for (const company of companies) {
    const whole = costs.company + company.places.length * costs.place;
    if (used + whole > costs.budget) startPage();
    if (used + whole <= costs.budget) {
      current.push({ company, places: company.places, continued: false });
      used += whole;
      continue;
    }
    // Larger than a page: it fills fresh pages, each repeating its heading.
    for (let start = 0; start < company.places.length; start += placesPerFreshPage) {
      if (start > 0) startPage();
      const places = company.places.slice(start, start + placesPerFreshPage);
      current.push({ company, places, continued: start > 0 });
      used = costs.company + places.length * costs.place;
    }
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

/** The 1-based page showing a place (or else the first showing a company); undefined when neither is shown. */
export function pageShowing(
  pages: readonly TCataloguePage[],
  target: { readonly companyId: string; readonly placeId?: string | undefined },
): number | undefined {
  const index = pages.findIndex((page) =>
    page.some(
      (slice) =>
        slice.company.id === target.companyId &&
        (target.placeId === undefined || slice.places.some((place) => place.id === target.placeId)),
    ),
  );
  return index === -1 ? undefined : index + 1;
}
