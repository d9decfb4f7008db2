import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDose } from "@/lib/catalogue/dose";
import { getBuiltInExercise } from "@/lib/catalogue/exercises";
import { conditionSlugs, type ConditionSlug } from "@/lib/catalogue/types";
import { builtInTemplateSchema, builtInTemplates } from "./builtin-templates";

// The contract list, read from the markdown table (the catalogue data is written elsewhere).
function contractSlugs(): string[] {
  const md = readFileSync(path.resolve(import.meta.dirname, "../../docs/CATALOGUE-SLUGS.md"), "utf8");
  const slugs: string[] = [];
  for (const line of md.split("\n")) {
    const m = /^\|\s*(\d+)\s*\|\s*([a-z0-9-]+)\s*\|/.exec(line);
    if (m) slugs.push(m[2]);
  }
  return slugs;
}
const contract = contractSlugs();

// Brief §2 "suits" column ("all" = every condition).
const suits: Record<string, ConditionSlug[] | "all"> = {
  "prone-lying": ["sciatica", "nslbp"],
  "prone-on-elbows": ["sciatica", "nslbp"],
  "prone-press-up": ["sciatica", "ddd"],
  "standing-back-extension": ["desk", "sciatica"],
  "single-knee-to-chest": ["nslbp", "stenosis", "ddd"],
  "double-knee-to-chest": ["stenosis"],
  "knee-rolls": ["nslbp", "ddd"],
  "posterior-pelvic-tilt": ["nslbp", "stenosis", "desk"],
  "cat-camel": ["nslbp", "ddd", "desk"],
  "childs-pose": ["stenosis", "nslbp"],
  "seated-forward-flexion": ["stenosis"],
  "abdominal-brace": ["nslbp"],
  "bird-dog": ["nslbp", "ddd"],
  "dead-bug": ["nslbp"],
  "glute-bridge": ["nslbp", "stenosis", "knee-oa", "pfp"],
  "single-leg-bridge": ["nslbp", "pfp", "knee-injury"],
  "side-plank": ["nslbp", "pfp"],
  "front-plank": ["nslbp"],
  "modified-curl-up": ["nslbp"],
  "prone-arm-leg-lift": ["nslbp"],
  "hip-hinge-dowel": ["nslbp", "desk"],
  "sciatic-nerve-slider": ["sciatica", "piriformis"],
  "seated-slump-slider": ["sciatica"],
  "sciatic-nerve-tensioner": ["sciatica"],
  "piriformis-stretch": ["piriformis", "nslbp"],
  "figure-four-stretch-lying": ["piriformis", "nslbp"],
  "seated-figure-four-stretch": ["desk", "piriformis"],
  "hamstring-stretch-towel": ["nslbp", "knee-oa", "pfp"],
  "half-kneeling-hip-flexor-stretch": ["desk", "nslbp", "pfp"],
  "thoracic-extension-chair": ["desk"],
  clamshell: ["pfp", "knee-oa", "piriformis", "nslbp"],
  "side-lying-hip-abduction": ["pfp", "knee-oa", "piriformis"],
  "standing-hip-abduction": ["knee-oa", "pfp"],
  "standing-hip-extension-band": ["knee-oa", "nslbp"],
  "lateral-band-walk": ["pfp", "knee-injury"],
  "hip-hitch": ["pfp"],
  "quad-set": ["knee-injury", "knee-oa", "pfp"],
  "straight-leg-raise": ["knee-oa", "knee-injury", "pfp"],
  "inner-range-quads": ["knee-oa", "knee-injury", "pfp"],
  "terminal-knee-extension-band": ["knee-injury", "pfp"],
  "seated-knee-extension": ["knee-oa", "pfp"],
  "heel-slides": ["knee-injury", "knee-oa"],
  "heel-prop-knee-extension": ["knee-injury", "knee-oa"],
  "sit-to-stand": ["knee-oa", "pfp", "nslbp", "stenosis"],
  "mini-squat": ["knee-oa", "pfp"],
  "wall-sit": ["pfp", "knee-oa"],
  "forward-step-up": ["knee-oa", "pfp", "knee-injury"],
  "lateral-step-up": ["pfp", "knee-injury"],
  "eccentric-step-down": ["pfp", "knee-injury"],
  "split-squat": ["knee-injury", "pfp"],
  "leg-press": ["knee-oa", "pfp", "knee-injury"],
  "standing-hamstring-curl": ["knee-oa", "knee-injury"],
  "calf-raise": ["knee-oa", "knee-injury"],
  "calf-stretch-wall": ["knee-oa", "pfp"],
  "quadriceps-stretch": ["pfp", "knee-oa"],
  "single-leg-stance": ["knee-oa", "knee-injury", "stenosis"],
  "tandem-stance": ["knee-oa", "stenosis"],
  "wobble-board": ["knee-injury"],
  "walking-programme": "all",
  "stationary-cycling": ["knee-oa", "pfp", "stenosis", "knee-injury"],
  swimming: ["knee-oa", "nslbp", "stenosis"],
  "tai-chi": ["knee-oa", "nslbp"],
  "gentle-yoga": ["nslbp"],
};

// Brief §1 "approach" adds what the suits column does not list: trunk control in
// sciatica, and degenerative disc disease is managed as non-specific low back pain.
function fitsCondition(exercise: string, condition: ConditionSlug): boolean {
  const s = suits[exercise];
  if (s === "all") return true;
  if (s.includes(condition)) return true;
  if (condition === "sciatica" && exercise === "abdominal-brace") return true;
  if (condition === "ddd" && s.includes("nslbp")) return true;
  return false;
}

// Brief §2 cautions that name a condition (or, for prone lying and the knee-only
// cautions, plainly concern it). No protocol for that condition may use them.
const cautionedFor: Record<string, ConditionSlug[]> = {
  "prone-lying": ["stenosis"],
  "prone-on-elbows": ["stenosis"],
  "prone-press-up": ["stenosis"],
  "standing-back-extension": ["stenosis"],
  "prone-arm-leg-lift": ["stenosis"],
  "single-knee-to-chest": ["sciatica"],
  "hamstring-stretch-towel": ["sciatica"],
  "gentle-yoga": ["sciatica"],
  "piriformis-stretch": ["piriformis"],
  "childs-pose": ["knee-oa", "pfp", "knee-injury", "sciatica"],
  "seated-forward-flexion": ["sciatica"],
  "double-knee-to-chest": ["sciatica"],
  "inner-range-quads": ["knee-injury"],
  "standing-hamstring-curl": ["knee-injury"],
  "seated-knee-extension": ["pfp", "knee-injury"],
  "mini-squat": ["pfp"],
  "leg-press": ["pfp"],
  "stationary-cycling": ["pfp"],
  swimming: ["knee-injury"],
};

describe("the slug contract as read by this test", () => {
  it("has the 63 built-in exercises, each once, and the suits table matches it", () => {
    expect(contract).toHaveLength(63);
    expect(new Set(contract).size).toBe(63);
    expect(Object.keys(suits).sort()).toEqual([...contract].sort());
  });
});

describe("builtInTemplates", () => {
  it("parse", () => {
    for (const t of builtInTemplates) expect(builtInTemplateSchema.parse(t)).toEqual(t);
  });

  it("are nine, one per condition, with unique slugs", () => {
    expect(builtInTemplates).toHaveLength(9);
    expect(builtInTemplates.map((t) => t.conditions)).toEqual(conditionSlugs.map((c) => [c]));
    expect(new Set(builtInTemplates.map((t) => t.slug)).size).toBe(9);
    expect(new Set(builtInTemplates.map((t) => t.name)).size).toBe(9);
  });

  it.each(builtInTemplates.map((t) => [t.slug, t] as const))("%s uses only contract exercises, each once", (_s, t) => {
    const slugs = t.items.map((i) => i.exerciseSlug);
    for (const s of slugs) expect(contract, `${t.slug}: ${s}`).toContain(s);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    expect(slugs.length).toBeLessThanOrEqual(6);
  });

  it.each(builtInTemplates.map((t) => [t.slug, t] as const))("%s suits its condition", (_s, t) => {
    for (const c of t.conditions) {
      for (const i of t.items) expect(fitsCondition(i.exerciseSlug, c), `${t.slug}: ${i.exerciseSlug}`).toBe(true);
    }
  });

  it.each(builtInTemplates.map((t) => [t.slug, t] as const))("%s has no exercise cautioned for its condition", (_s, t) => {
    for (const c of t.conditions) {
      for (const i of t.items) {
        expect(cautionedFor[i.exerciseSlug] ?? [], `${t.slug}: ${i.exerciseSlug}`).not.toContain(c);
      }
    }
  });

  it("keep extension out of the stenosis protocol", () => {
    const stenosis = builtInTemplates.find((t) => t.conditions.includes("stenosis"))!;
    const slugs = stenosis.items.map((i) => i.exerciseSlug);
    for (const banned of ["prone-press-up", "prone-on-elbows", "standing-back-extension", "prone-arm-leg-lift", "prone-lying"]) {
      expect(slugs).not.toContain(banned);
    }
    expect(slugs).toEqual(expect.arrayContaining(["double-knee-to-chest", "stationary-cycling"]));
  });

  it("combine hip and knee work for kneecap pain", () => {
    const pfp = builtInTemplates.find((t) => t.conditions.includes("pfp"))!;
    const slugs = pfp.items.map((i) => i.exerciseSlug);
    expect(slugs.some((s) => ["clamshell", "side-lying-hip-abduction", "lateral-band-walk", "hip-hitch"].includes(s))).toBe(true);
    expect(slugs.some((s) => ["wall-sit", "lateral-step-up", "forward-step-up", "quad-set"].includes(s))).toBe(true);
  });

  it("start knee rehabilitation with extension and quadriceps activation", () => {
    const knee = builtInTemplates.find((t) => t.conditions.includes("knee-injury"))!;
    const slugs = knee.items.map((i) => i.exerciseSlug);
    expect(slugs.slice(0, 2)).toEqual(["heel-prop-knee-extension", "quad-set"]);
  });

  it.each(builtInTemplates.map((t) => [t.slug, t] as const))("%s has no exercise whose catalogue caution names its condition", (_s, t) => {
    for (const i of t.items) {
      const e = getBuiltInExercise(i.exerciseSlug);
      expect(e, i.exerciseSlug).toBeDefined();
      for (const c of t.conditions) expect(e!.cautionFor, `${t.slug}: ${i.exerciseSlug}`).not.toContain(c);
    }
  });

  it.each(builtInTemplates.map((t) => [t.slug, t] as const))("%s schedules nothing its notes say to start later", (_s, t) => {
    // Every item of a template is on the patient's weekly chart from day one, so no note may defer it.
    for (const i of t.items) {
      expect(i.note ?? "", `${t.slug}: ${i.exerciseSlug}`).not.toMatch(/\b(start|begin|add)\b[^.]*\b(once|when|after)\b/i);
    }
  });

  const template = (c: ConditionSlug) => builtInTemplates.find((t) => t.conditions.includes(c))!;
  const slugsOf = (c: ConditionSlug) => template(c).items.map((i) => i.exerciseSlug);

  it("sciatica: prone lying, then the sphinx, then press-ups; trunk control; staying active; the nerve slider left for later", () => {
    const slugs = slugsOf("sciatica");
    const order = ["prone-lying", "prone-on-elbows", "prone-press-up"].map((s) => slugs.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[1]).toBe(order[0] + 1);
    expect(order[2]).toBe(order[1] + 1);
    expect(slugs).toContain("abdominal-brace");
    expect(slugs).toContain("walking-programme");
    // the slider is for when leg symptoms have settled: not on the acute protocol's daily chart
    const slider = template("sciatica").items.find((i) => i.exerciseSlug === "sciatic-nerve-slider");
    const daily = (slider?.dose ?? getBuiltInExercise("sciatic-nerve-slider")!.defaultDose).daysPerWeek === 7;
    expect(slider === undefined || !daily).toBe(true);
    expect(template("sciatica").description).toMatch(/nerve slider[^.]*settled/);
  });

  it("stenosis: walking with rests", () => {
    const walk = template("stenosis").items.find((i) => i.exerciseSlug === "walking-programme");
    expect(walk).toBeDefined();
    expect(walk!.note).toMatch(/rest/);
    expect(walk!.note).toMatch(/trolley/);
  });

  it("kneecap pain: every bending exercise whose caution limits the kneecap range carries that range in its note", () => {
    for (const i of template("pfp").items) {
      if (!/kneecap[^.;]*quarter squat/.test(getBuiltInExercise(i.exerciseSlug)!.caution)) continue;
      expect(i.note, i.exerciseSlug).toMatch(/quarter squat/);
    }
    expect(template("pfp").items.some((i) => /kneecap[^.;]*quarter squat/.test(getBuiltInExercise(i.exerciseSlug)!.caution))).toBe(true);
  });

  it("knee injury: a knee-bending exercise (heel slides) within the surgeon's limits", () => {
    expect(slugsOf("knee-injury")).toContain("heel-slides");
    const slides = template("knee-injury").items.find((i) => i.exerciseSlug === "heel-slides")!;
    expect(slides.note).toMatch(/surgeon/);
  });

  it("piriformis: does not claim the figure-4 stretches suit hip replacements, and each carries the caution", () => {
    const t = template("piriformis");
    expect(t.description).not.toMatch(/suits[^.]*hip replacement/i);
    expect(t.description).toMatch(/hip replacement[^.]*surgeon/i);
    const figureFour = t.items.filter((i) => i.exerciseSlug.includes("figure-four"));
    expect(figureFour.length).toBeGreaterThan(0);
    for (const i of figureFour) expect(getBuiltInExercise(i.exerciseSlug)!.caution, i.exerciseSlug).toMatch(/hip replacement/);
  });

  it("give the clinician a rationale and the patient readable notes and doses", () => {
    for (const t of builtInTemplates) {
      expect(t.description.length, t.slug).toBeGreaterThan(80);
      for (const i of t.items) {
        if (i.note !== undefined) expect(i.note, `${t.slug}: ${i.exerciseSlug}`).toMatch(/^[A-Z].*\.$/);
        if (i.dose) expect(formatDose(i.dose).length).toBeGreaterThan(0);
      }
    }
  });
});
