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
    expect(decodeCatalogueState(encodeValue({ p: 4 }))).toEqual({ p: 4 });
    expect(decodeCompanyValue(encodeValue({ p: 2, c: companyId }))).toEqual({ p: 2, c: companyId });
    expect(decodePlaceValue(encodeValue({ p: 2, l: placeId, n: 3 }))).toEqual({ p: 2, l: placeId, n: 3 });
  });

  it("refuses values no view wrote: the first page, or nothing to act on", () => {
    expect(decodeCatalogueState("garbage")).toEqual({ p: 1 });
    expect(decodeCatalogueState(undefined)).toEqual({ p: 1 });
    expect(decodeCatalogueState(JSON.stringify({ p: -3 }))).toEqual({ p: 1 });
    expect(decodeCompanyValue(JSON.stringify({ p: 1, c: "'; DROP TABLE" }))).toBeUndefined();
    expect(decodePlaceValue(JSON.stringify({ p: 1, l: uuidOf("p", 1), n: -1 }))).toBeUndefined();
  });
});
