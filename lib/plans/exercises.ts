import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { exercises } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { UserError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { doseSchema, type Dose } from "@/lib/catalogue/dose";
import { getBuiltInExercise } from "@/lib/catalogue/exercises";
import { variantsOf } from "@/lib/catalogue/variants";
import { visibleExercise } from "@/lib/catalogue/visibility";
import { figureSpecSchema, type FigureSpec } from "@/lib/figures/model";

/** Another exercise named by slug and name: a step on an exercise's ladder. */
export type ExerciseRef = { slug: string; name: string };

/** What the builder needs of an exercise: enough to show the card, prefill the dose, warn, and step easier or harder. */
export type PlanExercise = {
  id: string;
  slug: string;
  name: string;
  summary: string;
  figure: FigureSpec | null;
  cautionFor: string[];
  caution: string | null;
  defaultDose: Dose;
  clinicOwn: boolean;
  archived: boolean;
  /** the built-in catalogue's easier and harder variants, usual next step first; none for a clinic's own exercise */
  easier: ExerciseRef[];
  harder: ExerciseRef[];
};

function refsOf(slugs: string[]): ExerciseRef[] {
  return slugs.flatMap((slug) => {
    const exercise = getBuiltInExercise(slug);
    return exercise ? [{ slug, name: exercise.name }] : [];
  });
}


export const planExerciseColumns = {
  id: exercises.id,
  slug: exercises.slug,
  name: exercises.name,
  summary: exercises.summary,
  figure: exercises.figure,
  cautionFor: exercises.cautionFor,
  caution: exercises.caution,
  defaultDose: exercises.defaultDose,
  clinicId: exercises.clinicId,
  archived: exercises.archived,
};

export function toPlanExercise(row: { [K in keyof typeof planExerciseColumns]: unknown }): PlanExercise {
  const figure = figureSpecSchema.safeParse(row.figure);
  const dose = doseSchema.safeParse(row.defaultDose);
  const variants = row.clinicId === null ? variantsOf(row.slug as string) : { easier: [], harder: [] };
  return {
    id: row.id as string,
    slug: row.slug as string,
    name: row.name as string,
    summary: row.summary as string,
    figure: figure.success ? figure.data : null,
    cautionFor: row.cautionFor as string[],
    caution: (row.caution as string | null) ?? null,
    defaultDose: dose.success ? dose.data : { sets: 1, reps: 10 },
    clinicOwn: row.clinicId !== null,
    archived: row.archived as boolean,
    easier: refsOf(variants.easier),
    harder: refsOf(variants.harder),
  };
}

/** A built-in exercise by slug, as the builder uses it (the target of an "Easier" or "Harder" swap). */
export async function getBuiltInPlanExercise(actor: Actor, { slug }: { slug: string }, executor: Executor = db): Promise<PlanExercise | null> {
  const [row] = await executor
    .select(planExerciseColumns)
    .from(exercises)
    .where(and(visibleExercise(actor), isNull(exercises.clinicId), eq(exercises.slug, slug), eq(exercises.archived, false)))
    .limit(1);
  return row ? toPlanExercise(row) : null;
}

/** The exercises of these ids this actor may use; ids of other clinics' exercises are left out. */
export async function getPlanExercises(actor: Actor, { exerciseIds }: { exerciseIds: string[] }, executor: Executor = db): Promise<Map<string, PlanExercise>> {
  const ids = [...new Set(exerciseIds)].filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select(planExerciseColumns)
    .from(exercises)
    .where(and(inArray(exercises.id, ids), visibleExercise(actor)));
  return new Map(rows.map((row) => [row.id, toPlanExercise(row)]));
}

/** Refuses a plan or template naming an exercise this clinic cannot use (another clinic's, or unknown). */
export async function assertUsableExercises(executor: Executor, actor: Actor, items: { exerciseId: string }[]) {
  const known = await getPlanExercises(actor, { exerciseIds: items.map((i) => i.exerciseId) }, executor);
  const fieldErrors: Record<string, string[]> = {};
  items.forEach((item, i) => {
    if (!known.has(item.exerciseId)) fieldErrors[`items.${i}.exerciseId`] = ["This exercise is not in your catalogue"];
  });
  if (Object.keys(fieldErrors).length) throw new UserError("An exercise in this plan is not in your catalogue.", fieldErrors);
  return known;
}
