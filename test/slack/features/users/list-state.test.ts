import { describe, expect, it } from "vitest";
import {
  decodeListState,
  decodeRowValue,
  encodeValue,
} from "../../../../src/slack/features/users/list-state.ts";

const userId = "0b6a4f4e-6a39-4c43-9d43-2b5f3c0e9a11";

describe("/usuarios button values", () => {
  it("round-trip the search, the page and the account a button acts on", () => {
    expect(decodeListState(encodeValue({ query: "mar", page: 2 }))).toEqual({ query: "mar", page: 2 });
    expect(decodeRowValue(encodeValue({ page: 1, userId }))).toEqual({ page: 1, userId });
  });

  it("refuses values no view wrote: the first page, or no account to act on", () => {
    expect(decodeListState("garbage")).toEqual({ page: 1 });
    expect(decodeListState(undefined)).toEqual({ page: 1 });
    expect(decodeRowValue(JSON.stringify({ page: 1, userId: "'; DROP TABLE" }))).toBeUndefined();
  });

  it("reads a button posted before the keys had names (one letter each), as the admin's DM still holds", () => {
    expect(decodeListState(JSON.stringify({ q: "ana.ruiz", p: 1 }))).toEqual({ query: "ana.ruiz", page: 1 });
    expect(decodeRowValue(JSON.stringify({ q: "mar", p: 2, u: userId, confirmation: userId }))).toEqual({
      query: "mar",
      page: 2,
      userId,
      confirmation: userId,
    });
  });
});
