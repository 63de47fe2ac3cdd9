// The portal's bearer key: only the exact key opens the API.
import { describe, expect, it } from "vitest";
import { createApiKeyCheck } from "../../../src/http/portal-api/api-key.ts";

const KEY = "portal-key-0123456789-abcdefghijklmnop";

describe("API key check", () => {
  const check = createApiKeyCheck(KEY);

  it("accepts the key as a bearer token, the scheme in any case", () => {
    expect(check(`Bearer ${KEY}`)).toBe(true);
    expect(check(`bearer ${KEY}`)).toBe(true);
  });

  it("refuses a missing, wrong, partial or longer key, and other schemes", () => {
    for (const header of [
      undefined,
      "",
      "Bearer",
      "Bearer ",
      `Bearer ${KEY.slice(0, -1)}`,
      `Bearer ${KEY}x`,
      `Bearer ${KEY.toUpperCase()}`,
      `Basic ${Buffer.from(`portal:${KEY}`).toString("base64")}`,
      KEY,
      `Bearer ${KEY} ${KEY}`,
    ]) {
      expect(check(header), String(header)).toBe(false);
    }
  });
});
