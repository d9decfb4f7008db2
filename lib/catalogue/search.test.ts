import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { exercises } from "@/db/schema";
import { createTestClinic } from "@/lib/testing/fixtures";
import { archiveClinicExercise, createClinicExercise, updateClinicExercise, type ClinicExerciseInput } from "./clinic-exercises";
import type { ExerciseDefinition } from "./definition";
import { builtInExercises } from "./exercises";
import { correctedWords, exerciseFiltersSchema, getExercise, searchCandidateCap, searchExercises, type ExerciseFilters } from "./search";
import { regions } from "./types";

const all = { limit: 100 };
const slugsOf = (items: { slug: string }[]) => items.map((i) => i.slug);

async function search(filters: ExerciseFilters, options = all) {
  const { actor } = await createTestClinic();
  return searchExercises(actor, filters, options);
}

function ownExercise(overrides: Partial<ClinicExerciseInput> = {}): ClinicExerciseInput {
  return {
    name: "Towel scrunch with toes",
    summary: "Strengthens the small muscles of the foot.",
    aliases: [],
    regions: ["knee"],
    categories: ["strength"],
    level: 1,
    equipment: ["towel"],
    suits: ["knee-oa"],
    cautionFor: [],
    steps: ["Sit on a chair with a towel flat under one foot.", "Curl your toes to pull the towel towards you.", "Relax and repeat."],
    cues: ["Keep your heel down."],
    caution: null,
    defaultDose: { sets: 2, reps: 10, perDay: 1 },
    progression: null,
    regression: null,
    figureSlug: "seated-knee-extension",
    ...overrides,
  };
}

/** The built-ins a filter should return, straight from the catalogue data. */
function expected(test: (e: ExerciseDefinition) => boolean) {
  return builtInExercises.filter(test).map((e) => e.slug).sort();
}

describe("typo-tolerant search", () => {
  it.each([
    ["hamstrng", ["hamstring-stretch-towel"]],
    ["hamstring", ["hamstring-stretch-towel", "standing-hamstring-curl"]],
    ["knee to chest", ["single-knee-to-chest", "double-knee-to-chest"]],
    ["brige", ["glute-bridge", "single-leg-bridge"]],
    ["sphinx", ["prone-on-elbows"]],
    ["McKenzie", ["prone-press-up"]],
    ["hamstrng strech", ["hamstring-stretch-towel"]],
    ["clamshel", ["clamshell"]],
    ["SLR", ["straight-leg-raise"]],
    ["strech calf", ["calf-stretch-wall"]],
    ["sit to stnd", ["sit-to-stand"]],
    ["piriformus", ["piriformis-stretch"]],
  ])("%s finds %j among the first results", async (q, slugs) => {
    const { items } = await search({ q });
    const top = slugsOf(items).slice(0, Math.max(slugs.length, 2));
    for (const slug of slugs) expect(top).toContain(slug);
  });

  it("puts both knee-to-chest stretches first, ahead of exercises that only mention a knee or the chest", async () => {
    const { items } = await search({ q: "knee to chest" });
    expect(slugsOf(items).slice(0, 2).sort()).toEqual(["double-knee-to-chest", "single-knee-to-chest"]);
  });

  it("does not let a near miss crowd out real matches (towel is not dowel)", async () => {
    const { items } = await search({ q: "towel" });
    expect(items[0].slug).toBe("hamstring-stretch-towel");
    expect(slugsOf(items)).not.toContain("hip-hinge-dowel");
  });

  it("corrects mistyped words towards the catalogue's words", () => {
    expect(correctedWords("brige")).toEqual(["bridge"]);
    expect(correctedWords("hamstrng")).toEqual(["hamstring"]);
    expect(correctedWords("strech")).toEqual(["stretch"]);
    expect(correctedWords("knee")).toEqual(["knee"]);
    expect(correctedWords("hams")).toEqual(["hams"]);
    expect(correctedWords("to")).toEqual(["to"]);
    expect(correctedWords("xylophone")).toEqual([]);
  });

  it("finds a clinic's own exercise by a mistyped name, through trigram similarity", async () => {
    const { actor } = await createTestClinic();
    const { id } = await createClinicExercise(actor, ownExercise({ name: "Quokka shuffle" }));
    expect((await searchExercises(actor, { q: "quoka shufle" })).items[0]?.id).toBe(id);
  });

  it("finds nothing for words that are in no exercise", async () => {
    expect(await search({ q: "xylophone quartet" })).toEqual({ items: [], total: 0, capped: false });
  });

  it("treats query punctuation and LIKE wildcards as plain text", async () => {
    const result = await search({ q: "100% _ & | ! ( ' \\" });
    expect(result.total).toBe(0);
    await expect(search({ q: "knee:* & chest" })).resolves.toMatchObject({ total: expect.any(Number) });
  });

  it("ranks a match in the name above a match only in the steps", async () => {
    const { actor } = await createTestClinic();
    await createClinicExercise(actor, ownExercise({ name: "Warm-up circuit", steps: ["Do ten zorblat marches on the spot.", "Rest.", "Repeat."] }));
    await createClinicExercise(actor, ownExercise({ name: "Zorblat march" }));
    const { items, total } = await searchExercises(actor, { q: "zorblat" });
    expect(total).toBe(2);
    expect(items.map((i) => i.name)).toEqual(["Zorblat march", "Warm-up circuit"]);
  });

  it("still ranks name matches first when a word matches more exercises than are ranked", async () => {
    const { actor } = await createTestClinic();
    const rows = Array.from({ length: searchCandidateCap + 40 }, (_, i) => ({
      clinicId: actor.clinicId,
      slug: `filler-${i}`,
      name: `Filler exercise ${i}`,
      summary: "A filler.",
      regions: ["knee"],
      categories: ["strength"],
      level: 1,
      equipment: ["none"],
      steps: ["Think about the quuxle while you move."],
      defaultDose: { reps: 10 },
      searchText: "Think about the quuxle while you move.",
    }));
    await db.insert(exercises).values(rows);
    await createClinicExercise(actor, ownExercise({ name: "Quuxle lift" }));
    const { items, total, capped } = await searchExercises(actor, { q: "quuxle" });
    expect(items[0].name).toBe("Quuxle lift");
    expect(items).toHaveLength(24);
    expect(capped).toBe(true);
    expect(total).toBeGreaterThanOrEqual(searchCandidateCap);
    const other = await createTestClinic();
    expect(await searchExercises(other.actor, { q: "quuxle" })).toEqual({ items: [], total: 0, capped: false });
  });

  it("ranks a built-in whose name matches above ones that mention the word in their steps", async () => {
    const { items } = await search({ q: "wall" });
    expect(items[0].name).toMatch(/wall/i);
    expect(items.findIndex((i) => !/wall/i.test(i.name))).toBeGreaterThan(items.findIndex((i) => /wall/i.test(i.name)));
  });
});

describe("filters", () => {
  it("without a query lists every built-in, by region then name", async () => {
    const { items, total } = await search({});
    expect(total).toBe(builtInExercises.length);
    const keys = items.map((i) => [regions.indexOf(i.regions[0] as (typeof regions)[number]), i.name] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
  });

  it.each<[string, ExerciseFilters, (e: ExerciseDefinition) => boolean]>([
    ["region", { region: "knee" }, (e) => e.regions.includes("knee")],
    ["category", { category: "stretch" }, (e) => e.categories.includes("stretch")],
    ["condition", { condition: "stenosis" }, (e) => e.suits.includes("stenosis")],
    ["equipment", { equipment: "band" }, (e) => e.equipment.includes("band")],
    ["level", { level: 3 }, (e) => e.level === 3],
    [
      "region + category + level",
      { region: "knee", category: "strength", level: 2 },
      (e) => e.regions.includes("knee") && e.categories.includes("strength") && e.level === 2,
    ],
    [
      "condition + equipment",
      { condition: "nslbp", equipment: "mat" },
      (e) => e.suits.includes("nslbp") && e.equipment.includes("mat"),
    ],
  ])("%s returns exactly the matching exercises", async (_name, filters, test) => {
    const want = expected(test);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(builtInExercises.length);
    const { items, total } = await search(filters);
    expect(total).toBe(want.length);
    expect(slugsOf(items).sort()).toEqual(want);
  });

  it("combines a query with filters", async () => {
    const { items } = await search({ q: "stretch", region: "knee" });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.regions).toContain("knee");
    expect(slugsOf(items)).toContain("quadriceps-stretch");
    const stretchesElsewhere = builtInExercises.filter((e) => /stretch/i.test(e.name) && !e.regions.includes("knee"));
    expect(stretchesElsewhere.length).toBeGreaterThan(0);
    for (const e of stretchesElsewhere) expect(slugsOf(items)).not.toContain(e.slug);
  });

  it("pages through results with a stable total", async () => {
    const { actor } = await createTestClinic();
    const first = await searchExercises(actor, {}, { limit: 10, offset: 0 });
    const second = await searchExercises(actor, {}, { limit: 10, offset: 10 });
    const beyond = await searchExercises(actor, {}, { limit: 10, offset: 500 });
    expect(first.items).toHaveLength(10);
    expect(second.items).toHaveLength(10);
    expect(first.total).toBe(builtInExercises.length);
    expect(beyond).toEqual({ items: [], total: builtInExercises.length, capped: false });
    expect(new Set([...slugsOf(first.items), ...slugsOf(second.items)]).size).toBe(20);
  });

  it("parses URL search params, coercing the level and refusing unknown values", () => {
    expect(exerciseFiltersSchema.parse({ q: "  bridge ", level: "2", region: "knee" })).toEqual({ q: "bridge", level: 2, region: "knee" });
    expect(exerciseFiltersSchema.safeParse({ region: "elbow" }).success).toBe(false);
    expect(exerciseFiltersSchema.safeParse({ level: "4" }).success).toBe(false);
  });

  it("returns each exercise with its dose, figure and tags", async () => {
    const { items } = await search({ q: "glute bridge" });
    const bridge = items.find((i) => i.slug === "glute-bridge")!;
    expect(bridge).toMatchObject({ name: "Glute bridge", clinicOwn: false, regions: expect.arrayContaining(["back"]) });
    expect(bridge.defaultDose.reps ?? bridge.defaultDose.holdSeconds).toBeGreaterThan(0);
    expect(bridge.figure?.start).toBeTruthy();
  });
});

describe("clinic isolation", () => {
  it("keeps one clinic's own exercise invisible to another, by search, by filters and by id", async () => {
    const a = await createTestClinic();
    const b = await createTestClinic();
    const name = "Quokka shuffle on a wobble cushion";
    const { id } = await createClinicExercise(a.actor, ownExercise({ name, regions: ["hip"], categories: ["balance"], level: 3, equipment: ["cushion"], suits: ["piriformis"] }));

    const seenByA = await searchExercises(a.actor, { q: name });
    expect(seenByA.items[0]).toMatchObject({ id, name, clinicOwn: true });
    expect((await searchExercises(a.actor, { region: "hip", category: "balance", level: 3 }, all)).items.map((i) => i.id)).toContain(id);

    for (const q of [name, "Quokka", "quoka shufle", "wobble cushion"]) {
      const { items } = await searchExercises(b.actor, { q }, all);
      expect(items.map((i) => i.id)).not.toContain(id);
      expect(items.every((i) => !i.clinicOwn)).toBe(true);
    }
    const filteredForB = await searchExercises(b.actor, { region: "hip", category: "balance", level: 3, equipment: "cushion", condition: "piriformis" }, all);
    expect(filteredForB).toEqual({ items: [], total: 0, capped: false });
    expect((await searchExercises(b.actor, {}, all)).total).toBe(builtInExercises.length);

    expect(await getExercise(b.actor, { exerciseId: id })).toBeNull();
    expect(await getExercise(a.actor, { exerciseId: id })).toMatchObject({ id, name, steps: expect.any(Array) });
  });

  it("does not let another clinic edit or archive an exercise, nor anyone edit a built-in", async () => {
    const a = await createTestClinic();
    const b = await createTestClinic();
    const { id } = await createClinicExercise(a.actor, ownExercise());
    expect(await updateClinicExercise(b.actor, { exerciseId: id, ...ownExercise({ name: "Taken over" }) })).toBeNull();
    expect(await archiveClinicExercise(b.actor, { exerciseId: id })).toBeNull();
    expect(await getExercise(a.actor, { exerciseId: id })).toMatchObject({ name: "Towel scrunch with toes", archived: false });

    const bridge = (await searchExercises(a.actor, { q: "glute bridge" })).items.find((i) => i.slug === "glute-bridge")!;
    expect(await updateClinicExercise(a.actor, { exerciseId: bridge.id, ...ownExercise({ name: "My bridge" }) })).toBeNull();
    expect(await archiveClinicExercise(a.actor, { exerciseId: bridge.id })).toBeNull();
    expect(await getExercise(b.actor, { exerciseId: bridge.id })).toMatchObject({ name: "Glute bridge", archived: false });
  });

  it("leaves archived exercises out of search but still opens them for their clinic", async () => {
    const { actor } = await createTestClinic();
    const { id } = await createClinicExercise(actor, ownExercise({ name: "Archivable heel walk" }));
    expect((await searchExercises(actor, { q: "Archivable heel walk" })).items[0]?.id).toBe(id);
    expect(await archiveClinicExercise(actor, { exerciseId: id })).toEqual({ id });
    expect((await searchExercises(actor, { q: "Archivable heel walk" })).items.map((i) => i.id)).not.toContain(id);
    expect((await searchExercises(actor, {}, all)).items.map((i) => i.id)).not.toContain(id);
    expect(await getExercise(actor, { exerciseId: id })).toMatchObject({ id, archived: true });
  });

  it("answers null for an id that is not a uuid or does not exist", async () => {
    const { actor } = await createTestClinic();
    expect(await getExercise(actor, { exerciseId: "not-a-uuid" })).toBeNull();
    expect(await getExercise(actor, { exerciseId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});
