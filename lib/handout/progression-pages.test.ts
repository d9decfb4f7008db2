// The handout's page bounds still hold when every exercise carries "Too easy? / Too hard?" (the
// longest a plan can print), on A4 and Letter, and each line is printed with its exercise.
import { describe, expect, test } from "vitest";
import { getBuiltInExercise } from "@/lib/catalogue/exercises";
import { progressionAdvice, progressionOf } from "@/lib/plans/progression";
import type { PlanSnapshot } from "@/lib/plans/snapshot";
import { fixtureItems, fixtureLink, fixtureSnapshot, templateSnapshot } from "./fixture";
import { flat, pdfInfo, pdfText } from "./pdf-tools";
import { renderHandout } from "./render";

const readable = (text: string) => flat(text).replace(/(\p{L})- (?=\p{L})/gu, "$1-");

function withLines(snapshot: PlanSnapshot): PlanSnapshot {
  const conditions = new Set(snapshot.conditions.map((condition) => condition.slug));
  return {
    ...snapshot,
    items: snapshot.items.map((item) => ({
      ...item,
      progression: progressionOf({ slug: item.slug, dose: item.dose, cautionFor: (item.slug && getBuiltInExercise(item.slug)?.cautionFor) || [], conditions }),
    })),
  };
}

const plans: { name: string; snapshot: () => PlanSnapshot; exercisePages: number; totalPages?: number }[] = [
  { name: "5 exercises (fixture)", snapshot: () => fixtureSnapshot({ items: fixtureItems().slice(0, 5) }), exercisePages: 3, totalPages: 7 },
  { name: "5 exercises (knee osteoarthritis template)", snapshot: () => templateSnapshot("builtin-knee-oa"), exercisePages: 3, totalPages: 7 },
  { name: "12 exercises (fixture)", snapshot: () => fixtureSnapshot(), exercisePages: 6 },
];

describe("the handout with “Too easy? / Too hard?” on every exercise", () => {
  for (const paper of ["A4", "LETTER"] as const) {
    for (const plan of plans) {
      test(`${paper}, ${plan.name}: exercises on at most ${plan.exercisePages} pages${plan.totalPages ? `, at most ${plan.totalPages} in all` : ""}, each line with its exercise`, async () => {
        const snapshot = withLines(plan.snapshot());
        const pdf = await renderHandout(snapshot, { link: fixtureLink, paper, largePrint: false });
        const { pages } = pdfInfo(pdf);
        const texts = Array.from({ length: pages }, (_, i) => readable(pdfText(pdf, i + 1)));
        const onPages = snapshot.items.map((item) => {
          const page = texts.findIndex((text) => text.includes(readable(item.steps[0])));
          expect(page, item.name).toBeGreaterThanOrEqual(0);
          expect(texts[page]).toContain(readable(`Too easy? ${item.progression!.tooEasy} Too hard? ${item.progression!.tooHard}`));
          return page;
        });
        expect(new Set(onPages).size).toBeLessThanOrEqual(plan.exercisePages);
        // When to move on is printed once, after the exercises.
        const advice = texts.findIndex((text) => text.includes(readable(progressionAdvice).slice(0, 50)));
        expect(advice).toBeGreaterThanOrEqual(Math.max(...onPages));
        if (plan.totalPages) expect(pages).toBeLessThanOrEqual(plan.totalPages);
      });
    }
  }
  test("large print, one exercise to a page: the lines and the note take no extra page", async () => {
    const plain = fixtureSnapshot({ items: fixtureItems().slice(0, 5) });
    const render = (snapshot: PlanSnapshot) => renderHandout(snapshot, { link: fixtureLink, paper: "A4", largePrint: true });
    const without = pdfInfo(await render(plain)).pages;
    const pdf = await render(withLines(plain));
    expect(pdfInfo(pdf).pages).toBe(without);
    const text = Array.from({ length: without }, (_, i) => readable(pdfText(pdf, i + 1))).join(" ");
    expect(text).toContain(readable(progressionAdvice).slice(0, 50));
    expect(text.match(/Too easy\? /g)?.length).toBe(5);
  });
});
