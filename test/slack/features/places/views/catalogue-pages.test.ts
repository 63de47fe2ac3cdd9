import { describe, expect, it } from "vitest";
import {
  pageShowing,
  paginateCatalogue,
} from "../../../../../src/slack/features/places/views/catalogue-pages.ts";
import { company } from "../catalogue-fixtures.ts";

const costs = { company: 3, place: 2, budget: 45 };

describe("catalogue pages", () => {
  it("is one empty page for an empty catalogue", () => {
    expect(paginateCatalogue([], costs)).toEqual([[]]);
  });

  it("keeps whole companies on a page while they fit, and starts a new page when the next does not", () => {
    // 3 + 2×5 = 13 blocks each: three fit in 45, the fourth goes to page 2.
    const companies = [1, 2, 3, 4].map((index) => company(index, { places: 5 }));
    const pages = paginateCatalogue(companies, costs);
    expect(pages.map((page) => page.map((slice) => slice.company.id))).toEqual([
      [companies[0]?.id, companies[1]?.id, companies[2]?.id],
      [companies[3]?.id],
    ]);
    expect(pages.flat().every((slice) => !slice.continued)).toBe(true);
  });

  it("continues a company larger than a page on the next pages, its places each shown once", () => {
    const small = company(1, { places: 2 });
    const large = company(2, { places: 50 });
    const pages = paginateCatalogue([small, large], costs);
    // 21 places fill a fresh page (3 + 21×2 = 45).
    expect(
      pages.map((page) => page.map((slice) => [slice.company.id, slice.places.length, slice.continued])),
    ).toEqual([
      [[small.id, 2, false]],
      [[large.id, 21, false]],
      [[large.id, 21, true]],
      [[large.id, 8, true]],
    ]);
    const shown = pages.flat().flatMap((slice) => slice.places.map((place) => place.id));
    expect(new Set(shown).size).toBe(52);
  });

  it("finds the page showing a company or one of its places", () => {
    const large = company(2, { places: 50 });
    const pages = paginateCatalogue([company(1, { places: 2 }), large], costs);
    expect(pageShowing(pages, { companyId: large.id })).toBe(2);
    expect(pageShowing(pages, { companyId: large.id, placeId: large.places[45]?.id })).toBe(4);
    expect(pageShowing(pages, { companyId: "missing" })).toBeUndefined();
  });
});
