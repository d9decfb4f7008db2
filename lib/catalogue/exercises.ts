// The built-in exercise catalogue, in the order of docs/CATALOGUE-SLUGS.md (clinical brief §2).
import type { ExerciseDefinition } from "./definition";
import { backExercises } from "./exercises/back";
import { generalExercises } from "./exercises/general";
import { hipExercises } from "./exercises/hip";
import { kneeExercises } from "./exercises/knee";

export const builtInExercises: ExerciseDefinition[] = [
  ...backExercises,
  ...hipExercises,
  ...kneeExercises,
  ...generalExercises,
];

const bySlug = new Map(builtInExercises.map((e) => [e.slug, e]));

/** The built-in exercise with this slug, or undefined when there is none. */
export function getBuiltInExercise(slug: string): ExerciseDefinition | undefined {
  return bySlug.get(slug);
}
