import { describe, expect, it } from "vitest";
import { doseSchema, formatDose } from "./dose";

describe("formatDose", () => {
  it("reads like the handout line", () => {
    expect(
      formatDose({ sets: 3, reps: 10, holdSeconds: 5, perDay: 2, daysPerWeek: 5, side: "each" }),
    ).toBe("3 sets of 10 · hold 5 s · twice a day · 5 days a week · each side");
  });
  it("says a static hold as a hold repeated", () => {
    expect(formatDose({ sets: 3, holdSeconds: 30, daysPerWeek: 7 })).toBe("hold 30 s · 3 times · every day");
  });
  it("says a duration in minutes", () => {
    expect(formatDose({ durationMinutes: 20, daysPerWeek: 5 })).toBe("20 min · 5 days a week");
  });
});

describe("doseSchema", () => {
  it("refuses a dose with nothing to do", () => {
    expect(doseSchema.safeParse({ sets: 3 }).success).toBe(false);
  });
  it("refuses sets out of range with a message", () => {
    const r = doseSchema.safeParse({ sets: 11, reps: 10 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Sets must be between 1 and 10");
  });
});
