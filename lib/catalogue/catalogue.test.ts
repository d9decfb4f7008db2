import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exerciseDefinitionSchema, type ExerciseDefinition } from "./definition";
import { doseSchema, formatDose } from "./dose";
import { builtInExercises, getBuiltInExercise } from "./exercises";
import type { Category, Region } from "./types";
import { builtInVariants, variantsOf } from "./variants";

// The contract table: "| 1 | prone-lying | Prone lying |".
const contract = readFileSync(path.resolve(import.meta.dirname, "../../docs/CATALOGUE-SLUGS.md"), "utf8")
  .split("\n")
  .map((line) => /^\|\s*(\d+)\s*\|\s*([a-z0-9-]+)\s*\|\s*(.+?)\s*\|$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ number: Number(m[1]), slug: m[2], name: m[3] }));

// Clinical brief §2, one row per exercise: slug | regions | categories | starting level | suits.
// Regions and categories use the brief's shorthand; a level range in the brief starts at its lower end.
const briefRows = `
prone-lying|B|Mob|1|sciatica nslbp
prone-on-elbows|B|Mob|1|sciatica nslbp
prone-press-up|B|Mob|2|sciatica ddd
standing-back-extension|B|Mob|1|desk sciatica
single-knee-to-chest|B H|Str|1|nslbp stenosis ddd
double-knee-to-chest|B|Str|1|stenosis
knee-rolls|B|Mob|1|nslbp ddd
posterior-pelvic-tilt|B|MC|1|nslbp stenosis desk
cat-camel|B|Mob|1|nslbp ddd desk
childs-pose|B|Mob|1|stenosis nslbp
seated-forward-flexion|B|Mob|1|stenosis
abdominal-brace|B|MC|1|nslbp
bird-dog|B|MC|2|nslbp ddd
dead-bug|B|MC|2|nslbp
glute-bridge|H B|S|1|nslbp stenosis knee-oa pfp
single-leg-bridge|H|S|3|nslbp pfp knee-injury
side-plank|B H|S|2|nslbp pfp
front-plank|B|S|2|nslbp
modified-curl-up|B|S|2|nslbp
prone-arm-leg-lift|B|S|2|nslbp
hip-hinge-dowel|B H|MC|1|nslbp desk
sciatic-nerve-slider|B H|N|2|sciatica piriformis
seated-slump-slider|B|N|2|sciatica
sciatic-nerve-tensioner|B|N|3|sciatica
piriformis-stretch|H|Str|1|piriformis nslbp
figure-four-stretch-lying|H|Str|1|piriformis nslbp
seated-figure-four-stretch|H|Str|1|desk piriformis
hamstring-stretch-towel|H K|Str|1|nslbp knee-oa pfp
half-kneeling-hip-flexor-stretch|H|Str|1|desk nslbp pfp
thoracic-extension-chair|B|Mob|1|desk
clamshell|H|S|1|pfp knee-oa piriformis nslbp
side-lying-hip-abduction|H|S|2|pfp knee-oa piriformis
standing-hip-abduction|H|S|1|knee-oa pfp
standing-hip-extension-band|H|S|1|knee-oa nslbp
lateral-band-walk|H|S|2|pfp knee-injury
hip-hitch|H|S|2|pfp
quad-set|K|S|1|knee-injury knee-oa pfp
straight-leg-raise|K|S|1|knee-oa knee-injury pfp
inner-range-quads|K|S|1|knee-oa knee-injury pfp
terminal-knee-extension-band|K|S|2|knee-injury pfp
seated-knee-extension|K|S|1|knee-oa pfp
heel-slides|K|Mob|1|knee-injury knee-oa
heel-prop-knee-extension|K|Mob|1|knee-injury knee-oa
sit-to-stand|K H|S|1|knee-oa pfp nslbp stenosis
mini-squat|K H|S|2|knee-oa pfp
wall-sit|K|S|2|pfp knee-oa
forward-step-up|K|S|2|knee-oa pfp knee-injury
lateral-step-up|K|S|2|pfp knee-injury
eccentric-step-down|K|S|3|pfp knee-injury
split-squat|K H|S|3|knee-injury pfp
leg-press|K|S|2|knee-oa pfp knee-injury
standing-hamstring-curl|K|S|1|knee-oa knee-injury
calf-raise|K|S|1|knee-oa knee-injury
calf-stretch-wall|K|Str|1|knee-oa pfp
quadriceps-stretch|K|Str|1|pfp knee-oa
single-leg-stance|K|Bal|1|knee-oa knee-injury stenosis
tandem-stance|K|Bal|2|knee-oa stenosis
wobble-board|K|Bal|3|knee-injury
walking-programme|G|A|1|nslbp sciatica stenosis piriformis ddd desk knee-oa pfp knee-injury
stationary-cycling|G|A|1|knee-oa pfp stenosis knee-injury
swimming|G|A|1|knee-oa nslbp stenosis
tai-chi|G|Bal A|2|knee-oa nslbp
gentle-yoga|B|Mob S|2|nslbp
`
  .trim()
  .split("\n")
  .map((line) => line.split("|"));

const regionCode: Record<string, Region> = { B: "back", H: "hip", K: "knee", G: "general" };
const categoryCode: Record<string, Category> = {
  Mob: "mobility",
  Str: "stretch",
  S: "strength",
  MC: "motor-control",
  N: "neural",
  A: "aerobic",
  Bal: "balance",
};

const all = builtInExercises;
const sortCodes = (xs: string[]) => [...xs].sort();

describe("built-in catalogue against the slug contract", () => {
  it("the contract lists 63 exercises numbered 1 to 63", () => {
    expect(contract.map((c) => c.number)).toEqual(Array.from({ length: 63 }, (_, i) => i + 1));
  });

  it("has exactly the contract's slugs, in the contract's order", () => {
    expect(all.map((e) => e.slug)).toEqual(contract.map((c) => c.slug));
  });

  it("uses the contract's names", () => {
    expect(all.map((e) => e.name)).toEqual(contract.map((c) => c.name));
  });

  it("has unique slugs and unique names", () => {
    expect(new Set(all.map((e) => e.slug)).size).toBe(all.length);
    expect(new Set(all.map((e) => e.name.toLowerCase())).size).toBe(all.length);
  });

  it("finds every exercise by slug, and nothing for an unknown slug", () => {
    for (const e of all) expect(getBuiltInExercise(e.slug)).toBe(e);
    expect(getBuiltInExercise("not-an-exercise")).toBeUndefined();
  });
});

describe("every entry is valid and complete", () => {
  it.each(all.map((e) => [e.slug, e] as const))("%s parses with the schema", (_slug, e) => {
    const result = exerciseDefinitionSchema.safeParse(e);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("every default dose passes the dose schema and reads as a non-empty line", () => {
    for (const e of all) {
      expect(doseSchema.safeParse(e.defaultDose).success, e.slug).toBe(true);
      expect(formatDose(e.defaultDose).trim(), e.slug).not.toBe("");
    }
  });

  it("has 3 to 6 steps and 1 to 3 cues for each exercise", () => {
    for (const e of all) {
      expect(e.steps.length, e.slug).toBeGreaterThanOrEqual(3);
      expect(e.steps.length, e.slug).toBeLessThanOrEqual(6);
      expect(e.cues.length, e.slug).toBeGreaterThanOrEqual(1);
      expect(e.cues.length, e.slug).toBeLessThanOrEqual(3);
    }
  });

  it("keeps the caution, progression and regression to one sentence each", () => {
    for (const e of all) {
      for (const text of [e.caution, e.progression, e.regression]) {
        expect(text, e.slug).toMatch(/^[A-Z].*\.$/);
        expect(text, e.slug).not.toMatch(/[.!?]\s+[A-Z]/);
      }
    }
  });

  it("never repeats a step", () => {
    for (const e of all) expect(new Set(e.steps).size, e.slug).toBe(e.steps.length);
  });
});

describe("facts from the clinical brief §2", () => {
  it("has a brief row for every exercise", () => {
    expect(briefRows.map((r) => r[0])).toEqual(all.map((e) => e.slug));
  });

  it.each(briefRows)("%s: regions, categories, starting level and suits match the brief", (slug, regs, cats, level, suits) => {
    const e = getBuiltInExercise(slug) as ExerciseDefinition;
    expect(e.regions).toEqual(regs.split(" ").map((r) => regionCode[r]));
    expect(e.categories).toEqual(cats.split(" ").map((c) => categoryCode[c]));
    expect(e.level).toBe(Number(level));
    expect(sortCodes(e.suits)).toEqual(sortCodes(suits.split(" ")));
  });

  it("cautions every exercise the brief says to avoid in stenosis, and says why in plain words", () => {
    const avoidInStenosis = ["prone-on-elbows", "prone-press-up", "standing-back-extension", "prone-arm-leg-lift"];
    for (const slug of avoidInStenosis) {
      const e = getBuiltInExercise(slug) as ExerciseDefinition;
      expect(e.cautionFor, slug).toContain("stenosis");
      expect(e.caution, slug).toMatch(/stenosis/i);
      expect(e.caution, slug).toMatch(/narrowing/);
    }
  });

  it("cautions flexion for disc-related sciatica, and irritable-nerve stretches", () => {
    for (const slug of ["single-knee-to-chest", "hamstring-stretch-towel", "sciatic-nerve-tensioner", "gentle-yoga"]) {
      expect(getBuiltInExercise(slug)?.cautionFor, slug).toContain("sciatica");
    }
  });

  it("keeps the hip-replacement warning in the piriformis stretch's caution sentence", () => {
    expect(getBuiltInExercise("piriformis-stretch")?.caution).toMatch(/hip replacement/);
  });

  it("lists on purpose every exercise that both suits and is cautioned for a condition", () => {
    // An exercise may both suit and be cautioned for a condition only where the brief says so (e.g. the tensioner
    // suits settled sciatica but is cautioned for irritable sciatica); list them so a new overlap is a decision.
    const overlaps = all
      .filter((e) => e.cautionFor.some((c) => e.suits.includes(c)))
      .map((e) => e.slug)
      .sort();
    // inner-range quads and the hamstring curl suit knee rehabilitation in general but are cautioned early after an
    // ACL reconstruction (open-chain loading of the graft; resisted curls after a hamstring-tendon graft).
    expect(overlaps).toEqual(
      ["eccentric-step-down", "inner-range-quads", "sciatic-nerve-tensioner", "seated-knee-extension", "standing-hamstring-curl"].sort(),
    );
  });

  it("limits the knee to 0–45° for mini squat and leg press at first (patellofemoral pain), said in words", () => {
    for (const slug of ["mini-squat", "leg-press"]) {
      const dose = getBuiltInExercise(slug)?.defaultDose;
      expect(dose?.rangeLimit, slug).toContain("0–45°");
      expect(formatDose(dose!), slug).toContain("range up to about a quarter squat (knee 0–45°)");
    }
  });
});

/** The knee ranges in degrees a text names ("90° to 45°", "0–45°"), as [from, to] pairs. */
function degreeRanges(text: string): [number, number][] {
  return [...text.matchAll(/(\d+)°?\s*(?:–|-|to)\s*(\d+)°/g)].map((m) => [Number(m[1]), Number(m[2])]);
}
const exercise = (slug: string) => getBuiltInExercise(slug) as ExerciseDefinition;

describe("clinical corrections (NICE NG59/NG226, patellofemoral and ACL rehabilitation guidance)", () => {
  it("cautions every forward-bending (flexion) stretch for disc-related sciatica, in words", () => {
    for (const slug of ["single-knee-to-chest", "double-knee-to-chest", "childs-pose", "seated-forward-flexion"]) {
      const e = exercise(slug);
      expect(e.cautionFor, slug).toContain("sciatica");
      expect(e.caution, slug).toMatch(/disc/);
      expect(e.caution, slug).toMatch(/leg[^.]*(spread|worse)/);
    }
  });

  it("cautions open-chain knee straightening and resisted hamstring curls after knee surgery (ACL graft)", () => {
    for (const slug of ["inner-range-quads", "seated-knee-extension", "standing-hamstring-curl"]) {
      const e = exercise(slug);
      expect(e.cautionFor, slug).toContain("knee-injury");
      expect(e.caution, slug).toMatch(/ligament inside your knee \(ACL\)/);
      expect(e.caution, slug).toMatch(/surgeon or physio/);
    }
    expect(exercise("standing-hamstring-curl").caution).toMatch(/hamstring tendon/);
    expect(exercise("inner-range-quads").caution).toMatch(/weight/);
  });

  it("names the seated knee extension's kneecap range: from a right angle to halfway, stopping before straight", () => {
    const e = exercise("seated-knee-extension");
    expect(e.cautionFor).toContain("pfp");
    expect(e.caution).toMatch(/kneecap/);
    expect(degreeRanges(e.caution)).toEqual([[90, 45]]);
    expect(e.caution).toMatch(/right angle/);
    expect(e.caution).toMatch(/halfway/);
    expect(e.caution).toMatch(/before straight/);
  });

  it.each(["split-squat", "wall-sit"])("%s limits the range for kneecap pain to the early closed-chain range", (slug) => {
    const e = exercise(slug);
    expect(e.caution).toMatch(/kneecap/);
    const ranges = degreeRanges(e.caution);
    expect(ranges.length).toBe(1);
    expect(Math.max(...ranges[0])).toBeLessThanOrEqual(45);
    expect(e.caution).toMatch(/quarter squat/);
  });

  it("warns about hip replacements on every stretch that takes the hip past a right angle", () => {
    for (const slug of ["piriformis-stretch", "figure-four-stretch-lying", "seated-figure-four-stretch"]) {
      expect(exercise(slug).caution, slug).toMatch(/hip replacement/);
    }
    // and no longer sends a patient with knee pain to the stretch a new hip must avoid
    expect(exercise("figure-four-stretch-lying").caution).not.toMatch(/opposite shoulder/);
  });

  it("cautions prone lying in stenosis, as the other lying back bends are", () => {
    expect(exercise("prone-lying").cautionFor).toContain("stenosis");
    expect(exercise("prone-lying").caution).toMatch(/stenosis/);
  });

  it("tells the patient how to start cycling after knee surgery", () => {
    expect(exercise("stationary-cycling").caution).toMatch(/after knee surgery[^.]*rock the pedals/);
  });

  it("says every range in words a patient can judge, not only in degrees", () => {
    const inWords = /quarter squat|halfway|right angle|slightly bent|straight/;
    for (const e of all) {
      const texts = [...e.steps, e.caution, e.progression, e.regression, e.defaultDose.rangeLimit ?? "", formatDose(e.defaultDose)];
      for (const t of texts.filter((x) => x.includes("°"))) expect(t, e.slug).toMatch(inWords);
    }
  });
});

describe("dose conventions (brief §5)", () => {
  const primary = (e: ExerciseDefinition) => e.categories[0];

  it("strength work is 3–4 days a week, except daily quad sets", () => {
    for (const e of all.filter((x) => primary(x) === "strength" && x.slug !== "quad-set")) {
      expect(e.defaultDose.daysPerWeek, e.slug).toBeGreaterThanOrEqual(3);
      expect(e.defaultDose.daysPerWeek, e.slug).toBeLessThanOrEqual(4);
    }
  });

  it("mobility and stretches are done every day", () => {
    for (const e of all.filter((x) => (primary(x) === "mobility" || primary(x) === "stretch") && x.regions[0] !== "general")) {
      if (e.slug === "gentle-yoga") continue; // a weekly class, per the brief
      expect(e.defaultDose.daysPerWeek, e.slug).toBe(7);
    }
  });

  it("strength exercises done in several sets say how long to rest between them", () => {
    for (const e of all.filter((x) => primary(x) === "strength" && (x.defaultDose.sets ?? 1) > 1)) {
      expect(e.defaultDose.restSeconds, e.slug).toBeGreaterThan(0);
    }
  });

  it("stretches hold for 20–30 s, two to four times", () => {
    for (const e of all.filter((x) => primary(x) === "stretch")) {
      expect(e.defaultDose.holdSeconds, e.slug).toBeGreaterThanOrEqual(20);
      expect(e.defaultDose.holdSeconds, e.slug).toBeLessThanOrEqual(30);
      expect(e.defaultDose.sets, e.slug).toBeGreaterThanOrEqual(2);
      expect(e.defaultDose.sets, e.slug).toBeLessThanOrEqual(4);
    }
  });

  it("says which side for one-legged exercises", () => {
    const oneSided = [
      "single-knee-to-chest",
      "single-leg-bridge",
      "side-plank",
      "piriformis-stretch",
      "clamshell",
      "straight-leg-raise",
      "forward-step-up",
      "split-squat",
      "single-leg-stance",
      "quadriceps-stretch",
    ];
    for (const slug of oneSided) {
      expect(getBuiltInExercise(slug)?.defaultDose.side, slug).toBe("each");
      expect(formatDose(getBuiltInExercise(slug)!.defaultDose), slug).toMatch(/each side$/);
    }
    for (const slug of ["knee-rolls", "prone-arm-leg-lift"]) {
      expect(getBuiltInExercise(slug)?.defaultDose.side, slug).toBe("alternate");
    }
    for (const slug of ["glute-bridge", "sit-to-stand", "walking-programme"]) {
      expect(getBuiltInExercise(slug)?.defaultDose.side, slug).toBeUndefined();
    }
  });

  it("starts every band exercise with a light band", () => {
    const banded = all.filter((e) => e.equipment.includes("band") && e.slug !== "clamshell");
    expect(banded.length).toBeGreaterThan(0);
    for (const e of banded) expect(e.defaultDose.load, e.slug).toBe("light band");
  });

  it("reads the starting doses the way a patient sees them", () => {
    expect(formatDose(getBuiltInExercise("prone-on-elbows")!.defaultDose)).toBe(
      "hold 20 s · 5 times · twice a day · every day",
    );
    expect(formatDose(getBuiltInExercise("glute-bridge")!.defaultDose)).toBe(
      "3 sets of 10 · hold 3 s · rest 1 min between sets · 3 days a week",
    );
    expect(formatDose(getBuiltInExercise("heel-prop-knee-extension")!.defaultDose)).toBe(
      "hold 2 min · twice a day · every day · each side",
    );
    expect(formatDose(getBuiltInExercise("walking-programme")!.defaultDose)).toBe("10 min · 5 days a week");
  });
});

describe("search names", () => {
  // What a clinician or patient types; the catalogue search matches names and aliases.
  const normalise = (s: string) => s.toLowerCase().replace(/[‐-―-]/g, " ").replace(/\s+/g, " ").trim();
  const find = (query: string) =>
    all.filter((e) => [e.name, ...e.aliases].some((n) => normalise(n).includes(normalise(query)))).map((e) => e.slug);

  it.each([
    ["sphinx", "prone-on-elbows"],
    ["cobra", "prone-press-up"],
    ["McKenzie extension", "prone-press-up"],
    ["bridge", "glute-bridge"],
    ["superman", "prone-arm-leg-lift"],
    ["clam", "clamshell"],
    ["SLR", "straight-leg-raise"],
    ["TKE", "terminal-knee-extension-band"],
    ["child's pose", "childs-pose"],
    ["static quads", "quad-set"],
    ["pelvic drop", "hip-hitch"],
    ["heel raise", "calf-raise"],
    ["cat camel", "cat-camel"],
    ["nerve glide", "sciatic-nerve-slider"],
    ["exercise bike", "stationary-cycling"],
    ["aqua aerobics", "swimming"],
  ])("'%s' finds %s", (query, slug) => {
    expect(find(query)).toContain(slug);
  });

  it("does not repeat the name among the aliases, nor an alias within an exercise", () => {
    for (const e of all) {
      const names = [e.name, ...e.aliases].map(normalise);
      expect(new Set(names).size, e.slug).toBe(names.length);
    }
  });

  it("gives each alias to one exercise only", () => {
    const owners = new Map<string, string>();
    for (const e of all) {
      for (const n of [e.name, ...e.aliases].map(normalise)) {
        expect(owners.get(n) ?? e.slug, n).toBe(e.slug);
        owners.set(n, e.slug);
      }
    }
  });
});

describe("patient-facing text", () => {
  const texts = (e: ExerciseDefinition) => [e.summary, ...e.steps, ...e.cues, e.caution, e.progression, e.regression];

  it("uses British spelling", () => {
    const american = /\b(color|center|favor|behavior|neighbor|program|meter)s?\b|\w*(stabiliz|mobiliz|realiz|organiz)\w*/i;
    for (const e of all) for (const t of texts(e)) expect(t, e.slug).not.toMatch(american);
  });

  it("speaks to the patient in the second person in every exercise's steps", () => {
    for (const e of all) expect(e.steps.join(" "), e.slug).toMatch(/\byour?\b/i);
  });

  it("avoids clinical shorthand a patient would not know", () => {
    const jargon = /\b(ROM|SLR|TKE|PFP|OA|LBP|ipsilateral|contralateral|flexion|extension|dorsiflex\w*|plantarflex\w*|isometric|supine|prone|lumbar)\b/i;
    // Naming another exercise ("move on to the prone press-up") is fine: the patient sees that name in the plan.
    const names = all.flatMap((e) => [e.name, e.name.split(" (")[0]]).map((n) => n.toLowerCase());
    const withoutNames = (t: string) => names.reduce((acc, n) => acc.split(n).join(""), t.toLowerCase());
    for (const e of all) for (const t of texts(e)) expect(withoutNames(t), e.slug).not.toMatch(jargon);
  });

  it("keeps summaries to one line of 140 characters or fewer", () => {
    for (const e of all) {
      expect(e.summary.length, e.slug).toBeLessThanOrEqual(140);
      expect(e.summary, e.slug).not.toContain("\n");
    }
  });
});

describe("progressions and regressions by slug", () => {
  const levelOf = (slug: string) => exercise(slug).level;

  it("names variants for every built-in exercise and nothing else", () => {
    expect(Object.keys(builtInVariants).sort()).toEqual(all.map((e) => e.slug).sort());
    expect(variantsOf("not-an-exercise")).toEqual({ easier: [], harder: [] });
    expect(variantsOf("constructor")).toEqual({ easier: [], harder: [] });
  });

  it.each(all.map((e) => [e.slug] as const))("%s: every variant exists, is another exercise, once, at a fitting level", (slug) => {
    const { easier, harder } = variantsOf(slug);
    for (const other of [...easier, ...harder]) {
      expect(getBuiltInExercise(other), `${slug} → ${other}`).toBeDefined();
      expect(other, slug).not.toBe(slug);
    }
    expect(new Set([...easier, ...harder]).size, slug).toBe(easier.length + harder.length);
    for (const other of easier) expect(levelOf(other), `${slug} easier ${other}`).toBeLessThanOrEqual(levelOf(slug));
    for (const other of harder) expect(levelOf(other), `${slug} harder ${other}`).toBeGreaterThanOrEqual(levelOf(slug));
  });

  it("never makes an exercise both easier and harder than another (no loops of two)", () => {
    for (const e of all) {
      for (const other of variantsOf(e.slug).harder) expect(variantsOf(other).harder, `${e.slug} ↔ ${other}`).not.toContain(e.slug);
      for (const other of variantsOf(e.slug).easier) expect(variantsOf(other).easier, `${e.slug} ↔ ${other}`).not.toContain(e.slug);
    }
  });

  it("names as a variant every exercise the progression or regression text sends the patient to", () => {
    const names = all.map((e) => ({ slug: e.slug, name: e.name.split(" (")[0].toLowerCase() }));
    let named = 0;
    for (const e of all) {
      for (const [text, list] of [
        [e.progression, variantsOf(e.slug).harder],
        [e.regression, variantsOf(e.slug).easier],
      ] as const) {
        for (const other of names.filter((n) => n.slug !== e.slug && text.toLowerCase().includes(n.name))) {
          named++;
          expect(list, `${e.slug}: "${text}" names ${other.slug}`).toContain(other.slug);
        }
      }
    }
    expect(named).toBeGreaterThanOrEqual(8);
  });

  it("gives most of the strength, control, nerve and balance exercises a step either way", () => {
    const ladders = all.filter((e) => ["strength", "motor-control", "neural", "balance"].includes(e.categories[0]));
    const withBoth = ladders.filter((e) => variantsOf(e.slug).easier.length + variantsOf(e.slug).harder.length > 0);
    expect(withBoth.length / ladders.length).toBeGreaterThanOrEqual(0.8);
  });
});
