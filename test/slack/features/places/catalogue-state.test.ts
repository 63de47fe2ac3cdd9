import { describe, expect, it } from "vitest";
import {
  decodeCatalogueState,
  decodeCompanyValue,
  decodePlaceValue,
  encodeValue,
} from "../../../../src/slack/features/places/catalogue-state.ts";
import { uuidOf } from "./catalogue-fixtures.ts";

describe("catalogue button values", () => {
  it("round-trip the page and what a button acts on", () => {
    const companyId = uuidOf("c", 1);
    const placeId = uuidOf("p", 1);
    expect(decodeCatalogueState(encodeValue({ page: 4 }))).toEqual({ page: 4 });
    expect(decodeCompanyValue(encodeValue({ page: 2, companyId }))).toEqual({ page: 2, companyId });
    expect(decodePlaceValue(encodeValue({ page: 2, placeId, agreedHolders: 3 }))).toEqual({
      page: 2,
      placeId,
      agreedHolders: 3,
    });
  });

  it("refuses values no view wrote: the first page, or nothing to act on", () => {
    expect(decodeCatalogueState("garbage")).toEqual({ page: 1 });
    expect(decodeCatalogueState(undefined)).toEqual({ page: 1 });
    expect(decodeCatalogueState(JSON.stringify({ page: -3 }))).toEqual({ page: 1 });
    expect(decodeCompanyValue(JSON.stringify({ page: 1, companyId: "'; DROP TABLE" }))).toBeUndefined();
    expect(
      decodePlaceValue(JSON.stringify({ page: 1, placeId: uuidOf("p", 1), agreedHolders: -1 })),
    ).toBeUndefined();
  });

  it("reads a button posted before the keys had names (one letter each) as its named value", () => {
    const companyId = uuidOf("c", 1);
    const placeId = uuidOf("p", 1);
    expect(decodeCatalogueState(JSON.stringify({ p: 3 }))).toEqual({ page: 3 });
    expect(decodeCompanyValue(JSON.stringify({ p: 2, c: companyId }))).toEqual({ page: 2, companyId });
    expect(decodePlaceValue(JSON.stringify({ p: 2, l: placeId, n: 1 }))).toEqual({
      page: 2,
      placeId,
      agreedHolders: 1,
    });
  });
});
