import { describe, expect, it } from "vitest";
import {
  accessUntilDateProblem,
  accessUntilFormatProblem,
  addDays,
  calendarDateIn,
  hasAccessEnded,
  isCalendarDate,
} from "../../src/domain/access-period.ts";

describe("Acceso hasta: the calendar rules", () => {
  it("takes real calendar days written YYYY-MM-DD, nothing else", () => {
    for (const good of ["2026-12-31", "2028-02-29", "2027-01-01"]) expect(isCalendarDate(good)).toBe(true);
    for (const bad of [
      "2027-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-1-5",
      "2026/12/01",
      "",
      "２０２６-１２-０１",
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
    expect(accessUntilFormatProblem(null)).toBeUndefined();
    expect(accessUntilFormatProblem("31/12/2026")).toEqual({
      field: "accessUntil",
      code: "ACCESS_UNTIL_INVALID",
    });
  });

  it("reads today in Mexico City, not in UTC", () => {
    // 05:59 UTC is still 23:59 of the day before in Mexico City (UTC-6, no daylight saving since 2022).
    expect(calendarDateIn(new Date("2026-12-10T05:59:00Z"), "America/Mexico_City")).toBe("2026-12-09");
    expect(calendarDateIn(new Date("2026-12-10T06:00:00Z"), "America/Mexico_City")).toBe("2026-12-10");
  });

  it("ends the access after its last day, and moves dates across months and years", () => {
    expect(hasAccessEnded("2026-12-09", "2026-12-09")).toBe(false);
    expect(hasAccessEnded("2026-12-09", "2026-12-10")).toBe(true);
    expect(hasAccessEnded(null, "2099-01-01")).toBe(false);
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("refuses setting today, a past day or a day more than 10 years ahead", () => {
    expect(accessUntilDateProblem("2026-12-02", "2026-12-01")).toBeUndefined();
    expect(accessUntilDateProblem("2036-12-01", "2026-12-01")).toBeUndefined();
    expect(accessUntilDateProblem("2026-12-01", "2026-12-01")?.code).toBe("ACCESS_UNTIL_NOT_FUTURE");
    expect(accessUntilDateProblem("2020-01-01", "2026-12-01")?.code).toBe("ACCESS_UNTIL_NOT_FUTURE");
    expect(accessUntilDateProblem("2036-12-02", "2026-12-01")?.code).toBe("ACCESS_UNTIL_TOO_FAR");
  });
});
