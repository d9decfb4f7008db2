// Which exercises an actor sees: the built-in catalogue (no clinic) and their own clinic's. Every
// read of exercises for a clinician filters with one of these two; nothing else spells the rule.
import { eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { exercises } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** Built-in exercises and the clinic's own: what this actor may open, copy or put in a plan. */
export function visibleExercise(actor: Pick<Actor, "clinicId">): SQL {
  return or(isNull(exercises.clinicId), eq(exercises.clinicId, actor.clinicId))!;
}

/** The same rule for the catalogue search, which also leaves archived exercises out. */
export function searchableExercise(actor: Pick<Actor, "clinicId">): SQL {
  // coalesce, not "is null or =": the clinic index must not tempt the planner away from the text indexes.
  return sql`coalesce(${exercises.clinicId}, ${actor.clinicId}::uuid) = ${actor.clinicId}::uuid and not ${exercises.archived}`;
}
