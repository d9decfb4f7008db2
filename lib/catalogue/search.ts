// Catalogue search and lookup: the built-in exercises plus the actor's clinic's own, never another clinic's.
// Search ranks name matches first and tolerates typos: full text over name, aliases, summary, steps and
// cues (the stored `search` tsvector), names by trigram (pg_trgm), mistyped words corrected towards the
// catalogue's vocabulary, and names similar to the whole query when nothing else matches.
import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { exercises } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import type { FigureSpec } from "@/lib/figures/model";
import { doseSchema, type Dose } from "./dose";
import { builtInExercises } from "./exercises";
import { searchableExercise, visibleExercise } from "./visibility";
import { categorySchema, conditionSlugSchema, equipmentSchema, regions, regionSchema } from "./types";

export const exerciseFiltersSchema = z.object({
  q: z.string().trim().max(100).optional(),
  region: regionSchema.optional(),
  category: categorySchema.optional(),
  condition: conditionSlugSchema.optional(),
  equipment: equipmentSchema.optional(),
  level: z.coerce.number().int().min(1).max(3).optional(),
});
export type ExerciseFilters = z.infer<typeof exerciseFiltersSchema>;

export type ExerciseSummary = {
  id: string;
  slug: string;
  name: string;
  summary: string;
  regions: string[];
  categories: string[];
  level: number;
  equipment: string[];
  suits: string[];
  cautionFor: string[];
  defaultDose: Dose;
  figure: FigureSpec | null;
  clinicOwn: boolean;
};

export type ExerciseDetail = ExerciseSummary & {
  aliases: string[];
  steps: string[];
  cues: string[];
  caution: string | null;
  progression: string | null;
  regression: string | null;
  archived: boolean;
};

/** The floor for a typo match on a name: "brige" → "Glute bridge" is 0.5; "calf" → "Cat–camel" is 0.4. */
const nameSimilarity = 0.45;
const defaultLimit = 24;
const maxLimit = 100;
/**
 * Each way of matching (full text, words in the name, typo in the name) contributes at most this many
 * candidates to rank. Real catalogues never reach it; a 10,000-exercise one searched for "knee" does, and
 * then ranks the name matches plus the first body matches instead of scoring thousands of rows.
 */
export const searchCandidateCap = 100;

function filtered(actor: Actor, filters: ExerciseFilters): SQL {
  const conditions: SQL[] = [searchableExercise(actor)];
  if (filters.region) conditions.push(sql`${filters.region} = any(${exercises.regions})`);
  if (filters.category) conditions.push(sql`${filters.category} = any(${exercises.categories})`);
  if (filters.condition) conditions.push(sql`${filters.condition} = any(${exercises.suits})`);
  if (filters.equipment) conditions.push(sql`${filters.equipment} = any(${exercises.equipment})`);
  if (filters.level !== undefined) conditions.push(sql`${exercises.level} = ${filters.level}`);
  return sql.join(conditions, sql` and `);
}

/** The query's words, lower-cased, letters and digits only: safe to splice into tsquery, LIKE and regex syntax. */
export function queryWords(q: string): string[] {
  return q.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// A CASE over the closed list of regions: cheaper per row than array_position, which matters when browsing.
const regionOrder = sql`(case ${exercises.regions}[1] ${sql.raw(regions.map((r, i) => `when '${r}' then ${i}`).join(" "))} else ${sql.raw(String(regions.length))} end)`;

/** The words of the built-in catalogue's text: what a mistyped word is corrected towards. */
const vocabulary = [
  ...new Set(builtInExercises.flatMap((e) => queryWords([e.name, ...e.aliases, e.summary, ...e.steps, ...e.cues].join(" ")).filter((w) => w.length >= 3))),
];
const vocabularySet = new Set(vocabulary);

/** Optimal string alignment distance (a swap of two letters is one edit); anything above `max` is max + 1. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2] + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return Math.min(previous[b.length], max + 1);
}

/**
 * The catalogue words a typed word may stand for: itself when it is a word or the start of one (or too
 * short to guess at), else the nearest words within one edit (two for words of six letters or more);
 * empty when nothing is near.
 */
export function correctedWords(word: string): string[] {
  if (word.length < 4 || vocabularySet.has(word) || vocabulary.some((v) => v.startsWith(word))) return [word];
  const max = word.length >= 6 ? 2 : 1;
  let best = max + 1;
  let nearest: string[] = [];
  for (const candidate of vocabulary) {
    const d = editDistance(word, candidate, max);
    if (d < best) {
      best = d;
      nearest = [candidate];
    } else if (d === best && d <= max) {
      nearest.push(candidate);
    }
  }
  return nearest.slice(0, 4);
}

const summaryColumns = {
  id: exercises.id,
  slug: exercises.slug,
  name: exercises.name,
  summary: exercises.summary,
  regions: exercises.regions,
  categories: exercises.categories,
  level: exercises.level,
  equipment: exercises.equipment,
  suits: exercises.suits,
  cautionFor: exercises.cautionFor,
  defaultDose: exercises.defaultDose,
  figure: exercises.figure,
  clinicId: exercises.clinicId,
};

type SummaryRow = Omit<ExerciseSummary, "defaultDose" | "figure" | "clinicOwn"> & { defaultDose: unknown; figure: unknown; clinicId: string | null };

function toSummary(row: SummaryRow): ExerciseSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    regions: row.regions,
    categories: row.categories,
    level: row.level,
    equipment: row.equipment,
    suits: row.suits,
    cautionFor: row.cautionFor,
    defaultDose: doseSchema.parse(row.defaultDose),
    // Figures are written only from the validated figure library, so the stored JSON is trusted as is.
    figure: (row.figure as FigureSpec | null) ?? null,
    clinicOwn: row.clinicId !== null,
  };
}

/**
 * One page of the exercises the actor may use, best match first; without a query, by region then name.
 * `total` counts every match; when `capped`, a query matched so many exercises that only the best
 * {@link searchCandidateCap} or so were ranked, and `total` is a lower bound.
 */
export async function searchExercises(
  actor: Actor,
  filters: ExerciseFilters,
  options: { limit?: number; offset?: number } = {},
): Promise<{ items: ExerciseSummary[]; total: number; capped: boolean }> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? defaultLimit), 1), maxLimit);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const q = (filters.q ?? "").trim();
  const words = queryWords(q);

  const page = words.length === 0 ? await browse(actor, filters, limit, offset) : await rank(actor, filters, q, words, limit, offset);
  return { items: page.rows.map(toSummary), total: page.total, capped: page.capped };
}

type Page = { rows: SummaryRow[]; total: number; capped: boolean };

/**
 * Runs a query for one page of ids in rank order (with `total` and `capped` on every row) and returns the
 * page's exercises in that order, in the same round trip. Ranking reads only narrow columns; the wide
 * ones (figure, dose) are read for the page alone.
 */
async function fetchPage(executor: Executor, ranked: SQL): Promise<Page> {
  const rows = await executor.execute<SummaryRow & { total: string; capped: boolean }>(sql`
    select e.id, e.slug, e.name, e.summary, e.regions, e.categories, e.level, e.equipment, e.suits,
           e.caution_for as "cautionFor", e.default_dose as "defaultDose", e.figure, e.clinic_id as "clinicId", p.total, p.capped
      from (select page.id, page.total, page.capped, row_number() over () as ord from (${ranked}) as page) as p
      join ${exercises} as e on e.id = p.id
     order by p.ord`);
  return { rows: [...rows], total: Number(rows[0]?.total ?? 0), capped: Boolean(rows[0]?.capped) };
}

const empty = (total: number): Page => ({ rows: [], total, capped: false });

async function browse(actor: Actor, filters: ExerciseFilters, limit: number, offset: number): Promise<Page> {
  const where = filtered(actor, filters);
  const page = await fetchPage(
    db,
    sql`select ${exercises.id} as id, count(*) over () as total, false as capped from ${exercises} where ${where}
        order by ${regionOrder}, ${exercises.name}, ${exercises.id} limit ${limit} offset ${offset}`,
  );
  if (page.rows.length > 0 || offset === 0) return page;
  // Past the last page: say how many there are.
  const [again] = await db.execute<{ total: string }>(sql`select count(*) as total from ${exercises} where ${where}`);
  return empty(Number(again.total));
}

/**
 * Ranks a typed query: each word as typed or as the catalogue words it may be a typo of ("brige" also
 * looks for bridge, "strech" for stretch); when nothing matches, names similar to the whole query by
 * trigrams (a mistyped name of a clinic's own exercise).
 */
async function rank(actor: Actor, filters: ExerciseFilters, q: string, words: string[], limit: number, offset: number): Promise<Page> {
  const where = filtered(actor, filters);
  const spellings = words.map((word) => [...new Set([word, ...correctedWords(word)])]);
  return db.transaction(async (tx) => {
    // The planner does not count the cost of decompressing each row's tsvector, so it would rather scan
    // the table evaluating @@ row by row than read the GIN index; on 10,000 rows that is 5–10 times slower.
    // (A disabled scan adds a huge cost, which must not tempt PostgreSQL into compiling the query: no JIT.)
    await tx.execute(
      sql`select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true), set_config('pg_trgm.word_similarity_threshold', ${String(nameSimilarity)}, true)`,
    );
    const page = await textPage(tx, where, spellings, q, limit, offset);
    if (page.total > 0) return page;
    return similarPage(tx, where, q, limit, offset);
  });
}

/**
 * The union of two capped candidate sets, ranked: full-text matches over the name, aliases, summary, steps
 * and cues (GIN on the stored tsvector), and names that contain every word (trigram GIN on name). Every
 * word starting a word of the name ranks first, then an alias that starts with the query, then shorter
 * names. Each entry of `words` lists the spellings accepted for one word.
 */
async function textPage(tx: Executor, where: SQL, words: string[][], q: string, limit: number, offset: number): Promise<Page> {
  const cap = searchCandidateCap;
  const tsquery = sql`to_tsquery('english', ${words.map((w) => `(${w.map((s) => `${s}:*`).join(" | ")})`).join(" & ")})`;
  const nameHasWords = sql.join(
    words.map((w) => sql`(${sql.join(
      w.map((s) => sql`${exercises.name} ilike ${`%${s}%`}`),
      sql` or `,
    )})`),
    sql` and `,
  );
  const nameWordStarts = sql.join(
    words.map((w) => sql`(name ~* ${`\\m(${w.join("|")})`})::int`),
    sql` + `,
  );
  const aliasStarts = `%|${escapeLike(q.toLowerCase())}%`;
  const page = await fetchPage(
    tx,
    sql`with candidates as (
          (select ${exercises.id} as id, ${exercises.name} as name, ${exercises.aliases} as aliases, 1 as part
             from ${exercises} where ${where} and ${exercises.search} @@ ${tsquery} limit ${cap})
          union all
          (select ${exercises.id}, ${exercises.name}, ${exercises.aliases}, 2
             from ${exercises} where ${where} and ${nameHasWords} limit ${cap})
        )
        select c.id, count(*) over () as total,
               (select count(*) filter (where part = 1) >= ${cap} or count(*) filter (where part = 2) >= ${cap} from candidates) as capped
          from (select distinct on (id) id, name, aliases from candidates) as c
         order by ${nameWordStarts} desc,
                  ('|' || lower(array_to_string(c.aliases, '|'))) like ${aliasStarts} desc,
                  length(c.name), c.name, c.id
         limit ${limit} offset ${offset}`,
  );
  if (page.rows.length > 0 || offset === 0) return page;
  // Past the last page: say how many there are.
  const [again] = await tx.execute<{ total: string }>(
    sql`select count(*) as total from ${exercises} where ${where} and (${exercises.search} @@ ${tsquery} or (${nameHasWords}))`,
  );
  return empty(Number(again.total));
}

/** Names similar to the whole query by trigrams, most similar first. */
async function similarPage(tx: Executor, where: SQL, q: string, limit: number, offset: number): Promise<Page> {
  const cap = searchCandidateCap;
  const page = await fetchPage(
    tx,
    sql`select c.id, count(*) over () as total, count(*) over () >= ${cap} as capped
          from (select ${exercises.id} as id, ${exercises.name} as name from ${exercises} where ${where} and ${q} <% ${exercises.name} limit ${cap}) as c
         order by word_similarity(${q}, c.name) desc, length(c.name), c.name, c.id
         limit ${limit} offset ${offset}`,
  );
  if (page.rows.length > 0 || offset === 0) return page;
  const [again] = await tx.execute<{ total: string }>(sql`select count(*) as total from ${exercises} where ${where} and ${q} <% ${exercises.name}`);
  return empty(Number(again.total));
}


/** A built-in exercise or one of the actor's clinic's own (archived included); null for anything else. */
export async function getExercise(actor: Actor, { exerciseId }: { exerciseId: string }): Promise<ExerciseDetail | null> {
  if (!isUuid(exerciseId)) return null;
  const [row] = await db
    .select({
      ...summaryColumns,
      aliases: exercises.aliases,
      steps: exercises.steps,
      cues: exercises.cues,
      caution: exercises.caution,
      progression: exercises.progression,
      regression: exercises.regression,
      archived: exercises.archived,
    })
    .from(exercises)
    .where(and(eq(exercises.id, exerciseId), visibleExercise(actor)));
  if (!row) return null;
  const { aliases, steps, cues, caution, progression, regression, archived, ...summary } = row;
  return { ...toSummary(summary), aliases, steps, cues, caution, progression, regression, archived };
}
