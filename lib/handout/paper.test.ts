// How many pages the handout takes, and what goes on them, read back from real PDF bytes with
// poppler (pdfinfo, pdftotext) and qpdf: exercises packed without splitting, the condition
// education within two pages, and the clinic's contact details as links.
import { describe, expect, test } from "vitest";
import { builtInExercises } from "@/lib/catalogue/exercises";
import { conditionSlugs } from "@/lib/catalogue/types";
import { getFigure } from "@/lib/figures/library";
import type { PlanSnapshot, SnapshotItem } from "@/lib/plans/snapshot";
import { catalogueItems, educationSnapshot, fixtureItems, fixtureLink, fixtureSnapshot, templateSnapshot } from "./fixture";
import { flat, pdfInfo, pdfLinks, pdfText, pdfWords } from "./pdf-tools";
import { renderHandout } from "./render";
import { paperSizes } from "./theme";

type Paper = "A4" | "LETTER";

/** Text as a reader sees it: wrapped lines joined, and a word broken after its hyphen rejoined. */
function readable(text: string): string {
  return flat(text).replace(/(\p{L})- (?=\p{L})/gu, "$1-");
}

async function render(snapshot: PlanSnapshot, paper: Paper, largePrint = false) {
  const pdf = await renderHandout(snapshot, { link: fixtureLink, paper, largePrint });
  const { pages } = pdfInfo(pdf);
  const texts = Array.from({ length: pages }, (_, i) => readable(pdfText(pdf, i + 1)));
  return { pdf, pages, texts };
}

/**
 * The page each exercise is printed on: the page of its first step, which must also carry its
 * name, its dose line, every other step, its caution and its note (the exercise is not split).
 */
function exercisePages(texts: string[], items: SnapshotItem[]): number[] {
  return items.map((item) => {
    const page = texts.findIndex((text) => text.includes(readable(item.steps[0])));
    expect(page, `${item.name}: first step not found`).toBeGreaterThanOrEqual(0);
    const text = texts[page];
    expect(text, `${item.name}: name`).toContain(item.name);
    expect(text, `${item.name}: dose line`).toContain(item.doseLine);
    for (const step of item.steps) expect(text, `${item.name}: ${step}`).toContain(readable(step));
    if (item.caution) expect(text, `${item.name}: caution`).toContain(readable(item.caution));
    if (item.note) expect(text, `${item.name}: note`).toContain(readable(item.note));
    return page + 1;
  });
}

/** The 12 knee exercises with figures the delivery benchmark issues, at their default doses. */
function kneeTwelve(): PlanSnapshot {
  const knee = builtInExercises
    .filter((exercise) => exercise.regions.includes("knee") && getFigure(exercise.slug))
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .slice(0, 12);
  return fixtureSnapshot({ items: catalogueItems(knee.map((exercise) => ({ exerciseSlug: exercise.slug }))) });
}

const plans: { name: string; snapshot: () => PlanSnapshot; exercisePages: number; totalPages?: number }[] = [
  { name: "5 exercises (fixture)", snapshot: () => fixtureSnapshot({ items: fixtureItems().slice(0, 5) }), exercisePages: 3, totalPages: 7 },
  { name: "5 exercises (knee osteoarthritis template)", snapshot: () => templateSnapshot("builtin-knee-oa"), exercisePages: 3, totalPages: 7 },
  { name: "12 exercises (fixture)", snapshot: () => fixtureSnapshot(), exercisePages: 6 },
  { name: "12 knee exercises from the catalogue", snapshot: kneeTwelve, exercisePages: 6 },
];

describe("the handout saves paper", () => {
  for (const paper of ["A4", "LETTER"] as const) {
    for (const plan of plans) {
      test(`${paper}, ${plan.name}: exercises on at most ${plan.exercisePages} pages, none split${plan.totalPages ? `, at most ${plan.totalPages} pages in all` : ""}`, async () => {
        const snapshot = plan.snapshot();
        const { pages, texts } = await render(snapshot, paper);
        const onPages = exercisePages(texts, snapshot.items);
        expect(new Set(onPages).size).toBeLessThanOrEqual(plan.exercisePages);
        // In plan order, and packed: some page carries more than one exercise.
        expect([...onPages].sort((a, b) => a - b)).toEqual(onPages);
        expect(new Set(onPages).size).toBeLessThan(onPages.length);
        if (plan.totalPages) {
          expect(pages).toBeLessThanOrEqual(plan.totalPages);
          // Everything is still there: the education, the safety page and the weekly chart.
          const all = texts.join(" ");
          for (const condition of snapshot.conditions) expect(all).toContain(readable(condition.summary));
          expect(all).toContain(snapshot.safety.urgent.heading);
          expect(texts.at(-1)).toContain("Pain 0–10");
        }
      }, 60_000);
    }
  }

  for (const paper of ["A4", "LETTER"] as const) {
    test(`${paper}, large print: one exercise to a page`, async () => {
      const snapshot = templateSnapshot("builtin-knee-oa");
      const { texts } = await render(snapshot, paper, true);
      const onPages = exercisePages(texts, snapshot.items);
      expect(new Set(onPages).size).toBe(onPages.length);
      for (const [i, page] of onPages.entries()) {
        for (const [j, other] of snapshot.items.entries()) {
          if (j !== i) expect(texts[page - 1]).not.toContain(readable(other.steps[0]));
        }
      }
    }, 60_000);
  }
});

/**
 * Pages carrying any of the plan's education: its heading, or any paragraph or bullet of it
 * (except the few the safety page says too, such as "The pain stops you doing your normal daily
 * activities"). A bullet that opens with a sign the safety page lists ("Back pain at night that
 * does not ease when you rest or change position needs medical advice the same day: see the
 * safety section.") is found by its own ending instead, so the safety page does not count.
 */
function educationPages(texts: string[], snapshot: PlanSnapshot): number[] {
  const sections = [...snapshot.conditions.flatMap((condition) => condition.education), ...snapshot.generalEducation];
  const safety = JSON.stringify(snapshot.safety);
  const safetyText = readable(Object.values(snapshot.safety).flatMap((part) => [part.heading, part.intro, ...("items" in part ? part.items : part.notes)]).join(" "));
  const snippets = [
    ...snapshot.conditions.map((condition) => condition.summary),
    ...sections.flatMap((section) => [...section.paragraphs, ...(section.bullets ?? [])]),
  ]
    .filter((text) => !safety.includes(text))
    .map((text) => {
      const start = readable(text).slice(0, 48);
      return safetyText.includes(start) ? readable(text).slice(-48) : start;
    });
  return texts.flatMap((text, i) =>
    text.includes("Understanding your") || snippets.some((snippet) => text.includes(snippet)) ? [i + 1] : [],
  );
}

describe("the handout's condition education", () => {
  test("a plan for one condition prints all of that condition's advice and the general topics", async () => {
    const snapshot = educationSnapshot(["pfp"]);
    const { texts } = await render(snapshot, "A4");
    const all = texts.join(" ");
    const [pfp] = snapshot.conditions;
    expect(all).toContain("Understanding your condition");
    expect(all).toContain(pfp.name);
    for (const section of pfp.education) {
      for (const text of [...section.paragraphs, ...(section.bullets ?? [])]) expect(all).toContain(readable(text));
    }
    // Causes, the sciatic nerve, treatments, everyday life and when to see a doctor.
    for (const pattern of [/cause/i, /linked|nerve/i, /treat/i, /everyday/i, /doctor/i]) {
      const section = snapshot.generalEducation.find((s) => pattern.test(s.heading) && !/sciatica/i.test(s.heading));
      expect(section, String(pattern)).toBeDefined();
      expect(all).toContain(readable(section!.paragraphs[0]));
      for (const text of section!.bullets ?? []) expect(all).toContain(readable(text));
    }
    const pages = educationPages(texts, snapshot);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(2);
  }, 60_000);

  for (const [paper, largePrint] of [
    ["A4", false],
    ["LETTER", false],
    ["A4", true],
  ] as const) {
    test(`${paper}${largePrint ? " large print" : ""}: all nine conditions still fit two pages, every condition named with its summary`, async () => {
      const snapshot = educationSnapshot([...conditionSlugs]);
      const { texts } = await render(snapshot, paper, largePrint);
      const pages = educationPages(texts, snapshot);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.length).toBeLessThanOrEqual(2);
      expect(pages.at(-1)! - pages[0]).toBeLessThanOrEqual(1);
      const all = texts.join(" ");
      for (const condition of snapshot.conditions) {
        expect(all).toContain(condition.name);
        expect(all).toContain(readable(condition.summary));
      }
      // When to see a doctor is never left out.
      const doctor = snapshot.generalEducation.find((section) => /doctor/i.test(section.heading))!;
      expect(all).toContain(readable(doctor.paragraphs[0]));
      // What is left out is on the patient's page, and the handout says so.
      expect(all).toContain("There is more about your condition, and about back and knee pain, on your online plan");
      // The safety page and the chart come after it, whole.
      expect(pages.at(-1)).toBeLessThan(texts.findIndex((text) => text.includes(snapshot.safety.urgent.heading)) + 1);
    }, 60_000);
  }
});

describe("the handout's links", () => {
  test("phone, email and website are links a PDF reader opens, over the words they stand for", async () => {
    const { pdf, pages } = await render(fixtureSnapshot(), "A4");
    const links = pdfLinks(pdf);
    const firstPage = links.filter((link) => link.page === 1).map((link) => link.uri);
    expect(firstPage).toEqual(
      expect.arrayContaining(["tel:01614960123", "mailto:hello@riverside-physio.example", "https://riverside-physio.example/"]),
    );
    // The footer's phone number dials on every page.
    for (let page = 1; page <= pages; page++) {
      expect(links.some((link) => link.page === page && link.uri === "tel:01614960123"), `page ${page}`).toBe(true);
    }
    // Each of the header's links covers its own words: the clickable area is where the text is.
    const words = pdfWords(pdf, 1);
    const height = paperSizes.A4.height;
    for (const [uri, text] of [
      ["tel:01614960123", "0123"],
      ["mailto:hello@riverside-physio.example", "hello@riverside-physio.example"],
      ["https://riverside-physio.example/", "riverside-physio.example"],
    ]) {
      const link = links.find((l) => l.page === 1 && l.uri === uri)!;
      const word = words.find((w) => w.text === text && w.yMin < 200);
      expect(word, text).toBeDefined();
      const [x1, y1, x2, y2] = link.rect;
      const centreX = (word!.xMin + word!.xMax) / 2;
      const centreY = height - (word!.yMin + word!.yMax) / 2;
      expect(centreX).toBeGreaterThan(x1);
      expect(centreX).toBeLessThan(x2);
      expect(centreY).toBeGreaterThan(y1);
      expect(centreY).toBeLessThan(y2);
    }
  }, 60_000);

  test("contact details that make no sound link are printed, not linked", async () => {
    const base = fixtureSnapshot();
    const snapshot = fixtureSnapshot({
      clinic: { ...base.clinic, phone: "ask at reception", email: "front desk", website: "javascript:alert(1)" },
    });
    const { pdf, texts } = await render(snapshot, "A4");
    expect(pdfLinks(pdf)).toEqual([]);
    expect(texts[0]).toContain("ask at reception");
    expect(texts[0]).toContain("javascript:alert(1)");
  }, 60_000);
});
