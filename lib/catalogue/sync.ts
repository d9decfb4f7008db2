// Writes the built-in catalogue (exercises, conditions, templates) into the database, by slug.
// A newer catalogue updates built-in rows; clinic-own exercises and templates are never touched.
import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { conditions as conditionsTable, exercises, templates } from "@/db/schema";
import { getFigure } from "@/lib/figures/library";
import { builtInTemplates } from "@/lib/plans/builtin-templates";
import { conditions } from "./conditions";
import type { ExerciseDefinition } from "./definition";
import { builtInExercises } from "./exercises";

/** The words search looks through besides the name: aliases, summary, steps and cues. */
export function searchTextOf(exercise: { aliases: string[]; summary: string; steps: string[]; cues: string[] }): string {
  return [...exercise.aliases, exercise.summary, ...exercise.steps, ...exercise.cues].join(" \n");
}

function exerciseRow(definition: ExerciseDefinition) {
  return {
    clinicId: null,
    slug: definition.slug,
    name: definition.name,
    aliases: definition.aliases,
    summary: definition.summary,
    regions: definition.regions,
    categories: definition.categories,
    level: definition.level,
    equipment: definition.equipment,
    suits: definition.suits,
    cautionFor: definition.cautionFor,
    steps: definition.steps,
    cues: definition.cues,
    caution: definition.caution,
    defaultDose: definition.defaultDose,
    progression: definition.progression,
    regression: definition.regression,
    figure: getFigure(definition.slug) ?? null,
    searchText: searchTextOf(definition),
  };
}

const excluded = (column: string) => sql.raw(`excluded.${column}`);

export async function syncBuiltInCatalogue(executor: Executor, definitions: ExerciseDefinition[] = builtInExercises) {
  await executor.transaction(async (tx) => {
    await tx
      .insert(exercises)
      .values(definitions.map(exerciseRow))
      .onConflictDoUpdate({
        target: [exercises.clinicId, exercises.slug],
        set: {
          name: excluded("name"),
          aliases: excluded("aliases"),
          summary: excluded("summary"),
          regions: excluded("regions"),
          categories: excluded("categories"),
          level: excluded("level"),
          equipment: excluded("equipment"),
          suits: excluded("suits"),
          cautionFor: excluded("caution_for"),
          steps: excluded("steps"),
          cues: excluded("cues"),
          caution: excluded("caution"),
          defaultDose: excluded("default_dose"),
          progression: excluded("progression"),
          regression: excluded("regression"),
          figure: excluded("figure"),
          searchText: excluded("search_text"),
          archived: sql`false`,
          updatedAt: sql`now()`,
        },
      });

    await tx
      .insert(conditionsTable)
      .values(conditions.map((c) => ({ slug: c.slug, name: c.name, shortName: c.shortName, region: c.region, summary: c.summary, education: c.education })))
      .onConflictDoUpdate({
        target: conditionsTable.slug,
        set: { name: excluded("name"), shortName: excluded("short_name"), region: excluded("region"), summary: excluded("summary"), education: excluded("education"), updatedAt: sql`now()` },
      });

    const slugs = [...new Set(builtInTemplates.flatMap((t) => t.items.map((i) => i.exerciseSlug)))];
    const ids = new Map(
      (await tx.select({ id: exercises.id, slug: exercises.slug }).from(exercises).where(and(isNull(exercises.clinicId), inArray(exercises.slug, slugs)))).map(
        (row) => [row.slug, row.id],
      ),
    );
    const templateRows = builtInTemplates.map((template) => ({
      clinicId: null,
      slug: template.slug,
      name: template.name,
      description: template.description,
      conditions: template.conditions,
      items: template.items.map((item) => {
        const exerciseId = ids.get(item.exerciseSlug);
        if (!exerciseId) throw new Error(`Template ${template.slug} names an unknown exercise: ${item.exerciseSlug}`);
        return { exerciseId, dose: item.dose ?? null, note: item.note ?? null };
      }),
    }));
    await tx
      .insert(templates)
      .values(templateRows)
      .onConflictDoUpdate({
        target: [templates.clinicId, templates.slug],
        set: { name: excluded("name"), description: excluded("description"), conditions: excluded("conditions"), items: excluded("items"), updatedAt: sql`now()` },
      });
  });
}
