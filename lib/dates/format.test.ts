import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatLongDate, formatLongDateTime } from "./format";

describe("dates as a clinic reads them", () => {
  const instant = new Date("2026-07-04T23:30:00Z");

  it("reads UK dates in London by default (summer time included)", () => {
    expect(formatDate(instant)).toBe("5 Jul 2026");
    expect(formatDateTime(instant)).toBe("5 Jul 2026, 00:30");
    expect(formatLongDate(instant)).toBe("5 July 2026");
    expect(formatLongDateTime(instant)).toMatch(/^5 July 2026(,| at) 00:30$/);
    expect(formatDate(null)).toBe("");
  });

  it("takes the clinic's time zone and locale", () => {
    expect(formatDateTime(instant, { timeZone: "America/New_York", locale: "en-US" })).toBe("Jul 4, 2026, 07:30 PM");
    expect(formatDate(instant, { timeZone: "Australia/Sydney", locale: "en-AU" })).toMatch(/^5 July? 2026$/);
    expect(formatDate(new Date("2026-07-04T12:00:00Z"), { timeZone: "Pacific/Kiritimati", locale: "en-GB" })).toBe("5 Jul 2026");
  });

  it("keeps a calendar date on its day in every time zone", () => {
    for (const timeZone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London"]) expect(formatDate("2026-03-04", { timeZone, locale: "en-GB" })).toBe("4 Mar 2026");
  });
});
