import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { doseSchema, type Dose } from "@/lib/catalogue/dose";
import { getBuiltInExercise } from "@/lib/catalogue/exercises";
import { builtInVariants } from "@/lib/catalogue/variants";
import { swapDose } from "./swap-variant";

const dose = (slug: string) => getBuiltInExercise(slug)!.defaultDose;

describe("swapDose", () => {
  it("gives the variant's own default when the clinician changed nothing", () => {
    const from = dose("quad-set");
    expect(swapDose({ current: from, from, to: dose("straight-leg-raise") })).toEqual(dose("straight-leg-raise"));
  });

  it("keeps the sets and reps the clinician set when the variant also counts sets and reps", () => {
    const from = dose("glute-bridge");
    const current: Dose = { ...from, sets: 4, reps: 12 };
    const next = swapDose({ current, from, to: dose("single-leg-bridge") });
    expect(next).toMatchObject({ sets: 4, reps: 12, side: "each", restSeconds: dose("single-leg-bridge").restSeconds });
    // the bridge's 3 s hold was the old default, and the single-leg bridge has none: it does not travel
    expect(next.holdSeconds).toBeUndefined();
  });

  it("drops what does not fit: a band load on an exercise without a band, a hold on a duration", () => {
    const from = dose("standing-hip-abduction");
    const next = swapDose({ current: { ...from, load: "red band" }, from, to: dose("side-lying-hip-abduction") });
    expect(next.load).toBeUndefined();
    const walk = swapDose({ current: { ...dose("single-leg-stance"), holdSeconds: 45 }, from: dose("single-leg-stance"), to: dose("walking-programme") });
    expect(walk).toEqual(dose("walking-programme"));
  });

  it("always keeps a range limit and a tempo the clinician set", () => {
    const from = dose("sit-to-stand");
    const next = swapDose({ current: { ...from, rangeLimit: "to 60°", tempo: "3-1-3" }, from, to: dose("split-squat") });
    expect(next).toMatchObject({ rangeLimit: "to 60°", tempo: "3-1-3" });
  });

  it("keeps the schedule the clinician changed, and follows the variant's schedule otherwise", () => {
    const from = dose("quad-set"); // daily, three times a day
    expect(swapDose({ current: from, from, to: dose("straight-leg-raise") }).daysPerWeek).toBe(dose("straight-leg-raise").daysPerWeek);
    const changed = swapDose({ current: { ...from, daysPerWeek: 4 }, from, to: dose("straight-leg-raise") });
    expect(changed.daysPerWeek).toBe(4);
    // times a day is not part of the straight leg raise's default, so the quad set's changed count does not fit
    expect(swapDose({ current: { ...from, perDay: 2 }, from, to: dose("straight-leg-raise") }).perDay).toBeUndefined();
  });

  it("ignores a half-typed number (the builder's NaN)", () => {
    const from = dose("mini-squat");
    expect(swapDose({ current: { ...from, reps: Number.NaN }, from, to: dose("split-squat") }).reps).toBe(dose("split-squat").reps);
  });

  it("always gives a valid dose for every catalogue step, whatever the clinician changed (property)", () => {
    const pairs = Object.entries(builtInVariants).flatMap(([slug, v]) => [...v.easier, ...v.harder].map((to) => [slug, to] as const));
    expect(pairs.length).toBeGreaterThan(40);
    const edits = fc.record(
      {
        sets: fc.integer({ min: 1, max: 10 }),
        reps: fc.integer({ min: 1, max: 100 }),
        holdSeconds: fc.integer({ min: 1, max: 600 }),
        daysPerWeek: fc.integer({ min: 1, max: 7 }),
        side: fc.constantFrom("each", "both", "left", "right", "alternate", "affected" as const),
        load: fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.trim() || "x"),
        rangeLimit: fc.constantFrom("to 60°", "about a quarter squat"),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...pairs), edits, ([fromSlug, toSlug], edit) => {
        const from = dose(fromSlug);
        const current = doseSchema.parse({ ...from, ...edit });
        const next = swapDose({ current, from, to: dose(toSlug) });
        expect(doseSchema.safeParse(next).success).toBe(true);
        // nothing the variant does not use arrives, apart from the range limit and tempo
        for (const key of Object.keys(next) as (keyof Dose)[]) {
          if (key === "rangeLimit" || key === "tempo") continue;
          expect(dose(toSlug)[key], `${fromSlug} → ${toSlug}: ${key}`).toBeDefined();
        }
      }),
    );
  });
});
