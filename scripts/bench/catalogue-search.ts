// Catalogue search with 10,000 exercises: p95 of `searchExercises` must stay within 20 ms (docs/DESIGN.md).
// Makes a scratch database on DATABASE_URL's server, migrates, seeds the built-ins, adds 10,000 synthetic
// exercises (built-in-like and clinic-own across a few clinics), then times a mix of searches.
import os from "node:os";
import { benchOnScratchDatabase, seededRandom } from "./_harness";

const budgetP95Ms = 20;
const syntheticCount = 10_000;
const clinicCount = 5;
const warmUpCalls = 60;
const timedCalls = 400;

await benchOnScratchDatabase({ file: import.meta.filename, child: "CATALOGUE_BENCH_CHILD", prefix: "physioplan_bench_catalogue", seed: true }, run);

async function run(): Promise<number> {
  const { sql } = await import("drizzle-orm");
  const { db } = await import("@/db/client");
  const { clinics, exercises, users } = await import("@/db/schema");
  const { builtInExercises } = await import("@/lib/catalogue/exercises");
  const { searchTextOf } = await import("@/lib/catalogue/sync");
  const { getFigure } = await import("@/lib/figures/library");
  const { searchExercises } = await import("@/lib/catalogue/search");
  type Filters = Parameters<typeof searchExercises>[1];
  type Actor = Parameters<typeof searchExercises>[0];

  // Seeded, so every run searches the same data.
  const { random, pick } = seededRandom(0x2545f491);

  const actors: Actor[] = [];
  for (let i = 0; i < clinicCount; i++) {
    const [clinic] = await db.insert(clinics).values({ name: `Bench clinic ${i + 1}` }).returning();
    const [user] = await db
      .insert(users)
      .values({ clinicId: clinic.id, email: `bench-${i + 1}@example.test`, name: `Bench ${i + 1}`, passwordHash: "not-a-hash" })
      .returning();
    actors.push({ userId: user.id, clinicId: clinic.id, role: "admin" as const, name: user.name, email: user.email, clinicName: clinic.name, timeZone: clinic.timeZone });
  }

  // Names and steps built from the catalogue's own words, so the text statistics look like a real catalogue.
  const openers = ["Seated", "Standing", "Lying", "Supported", "Slow", "Banded", "Single-leg", "Assisted", "Weighted", "Alternating", "Kneeling", "Side-lying"];
  const closers = ["", "", "with band", "on a step", "at the wall", "with a towel", "with a pause", "on a cushion", "variation", "for beginners", "progression"];
  const started = performance.now();
  const rows = [];
  for (let i = 0; i < syntheticCount; i++) {
    const base = pick(builtInExercises);
    const other = pick(builtInExercises);
    const name = [pick(openers), base.name.toLowerCase(), pick(closers)].filter(Boolean).join(" ").slice(0, 80);
    const steps = [...base.steps.slice(0, 3), ...other.steps.slice(1, 1 + Math.floor(random() * 3))];
    const aliases = base.aliases.slice(0, 1 + Math.floor(random() * 3));
    const text = { aliases, summary: other.summary, steps, cues: base.cues };
    const builtInLike = i % 2 === 0;
    rows.push({
      clinicId: builtInLike ? null : actors[i % clinicCount].clinicId,
      slug: `bench-${i}`,
      name,
      aliases,
      summary: other.summary,
      regions: base.regions,
      categories: random() < 0.7 ? base.categories : other.categories,
      level: 1 + Math.floor(random() * 3),
      equipment: base.equipment,
      suits: random() < 0.7 ? base.suits : other.suits,
      cautionFor: base.cautionFor,
      steps,
      cues: base.cues,
      caution: base.caution,
      defaultDose: base.defaultDose,
      progression: base.progression,
      regression: base.regression,
      figure: getFigure(base.slug) ?? null,
      searchText: searchTextOf(text),
      archived: random() < 0.03,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(exercises).values(rows.slice(i, i + 500));
  // The steady state autovacuum keeps: statistics current and the GIN pending lists merged into the indexes.
  await db.execute(sql`vacuum analyze exercises`);
  const loadSeconds = ((performance.now() - started) / 1000).toFixed(1);

  // The mix a clinician produces: exact names, typos, several words, filters only, and both.
  const typo = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 2));
    return word.slice(0, at) + word.slice(at + 1);
  };
  const names = builtInExercises.map((e) => e.name);
  const kinds: { kind: string; make: () => Filters }[] = [
    { kind: "exact name", make: () => ({ q: pick(names) }) },
    { kind: "typo", make: () => ({ q: pick(["hamstrng", "brige", "clamshel", "piriformus", "quadricep", "sit to stnd", typo(pick(names).split(" ")[0])]) }) },
    { kind: "several words", make: () => ({ q: pick(["knee to chest", "hamstring stretch towel", "single leg bridge", "lying on your front", "wall sit knee", "calf raise step"]) }) },
    { kind: "one common word", make: () => ({ q: pick(["knee", "stretch", "back", "hip", "band", "slow", "stand"]) }) },
    {
      kind: "filters only",
      make: () => pick<Filters>([{}, { region: "knee" }, { region: "back", category: "strength" }, { condition: "stenosis" }, { equipment: "band", level: 2 }, { category: "stretch", level: 1 }]),
    },
    { kind: "words and filters", make: () => ({ q: pick(["stretch", "bridge", "squat", "hamstrng"]), region: pick(["back", "hip", "knee"] as const) }) },
  ];

  const call = async (i: number) => {
    const { kind, make } = kinds[i % kinds.length];
    const actor = actors[i % actors.length];
    const t0 = performance.now();
    const result = await searchExercises(actor, make(), { limit: 24 });
    return { kind, ms: performance.now() - t0, total: result.total };
  };
  const loadBefore = os.loadavg()[0];
  for (let i = 0; i < warmUpCalls; i++) await call(i);
  const samples: { kind: string; ms: number; total: number }[] = [];
  for (let i = 0; i < timedCalls; i++) samples.push(await call(i));

  const quantile = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  };
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const loadAfter = os.loadavg()[0];
  const all = samples.map((s) => s.ms);
  const p95 = quantile(all, 0.95);
  const ok = p95 <= budgetP95Ms;
  const [{ count }] = await db.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(exercises);

  const lines = [
    `### Catalogue search, ${count.toLocaleString("en-GB")} exercises`,
    "",
    `${syntheticCount.toLocaleString("en-GB")} synthetic exercises (half built-in-like, half clinic-own across ${clinicCount} clinics, 3% archived) plus the built-ins; loaded and analysed in ${loadSeconds} s. ` +
      `${timedCalls} sequential \`searchExercises\` calls (24 per page, with total) after ${warmUpCalls} warm-up calls, PostgreSQL on ${(process.env.DATABASE_URL ?? "").replace(/\/\/[^@]*@/, "//").replace(/\/[^/]*$/, "")}; ` +
      `${os.cpus().length} CPUs, load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after (other work on the machine slows every figure).`,
    "",
    "| queries | calls | p50 | p95 | max | mean matches |",
    "|---|---:|---:|---:|---:|---:|",
    ...kinds.map(({ kind }) => {
      const of = samples.filter((s) => s.kind === kind);
      const times = of.map((s) => s.ms);
      const matches = Math.round(of.reduce((sum, s) => sum + s.total, 0) / of.length);
      return `| ${kind} | ${of.length} | ${ms(quantile(times, 0.5))} | ${ms(quantile(times, 0.95))} | ${ms(Math.max(...times))} | ${matches} |`;
    }),
    `| **all** | ${samples.length} | ${ms(quantile(all, 0.5))} | **${ms(p95)}** | ${ms(Math.max(...all))} | |`,
    "",
    `Budget: p95 ≤ ${budgetP95Ms} ms — ${ok ? "**met**" : "**MISSED**"}.`,
  ];
  console.log(lines.join("\n"));
  return ok ? 0 : 1;
}
