// The builder's client state: dose numbers stay as typed text until they are saved.
import type { PlanExercise } from "@/lib/plans/exercises";
import { doseOfFields, type DoseFields, type PlanDraftInput } from "@/lib/plans/draft";

export type Option = { value: string; label: string };
export type ItemState = { key: string; exercise: PlanExercise; dose: DoseFields; note: string; showVariants: boolean };
export type DraftState = { title: string; conditions: string[]; notes: string; startDate: string; reviewDate: string; items: ItemState[] };
export type FieldErrors = Record<string, string[]>;

export function draftInputOf(state: DraftState): PlanDraftInput {
  return {
    title: state.title,
    conditions: state.conditions as PlanDraftInput["conditions"],
    notes: state.notes,
    startDate: state.startDate,
    reviewDate: state.reviewDate,
    items: state.items.map((item) => ({ exerciseId: item.exercise.id, dose: doseOfFields(item.dose), note: item.note, showVariants: item.showVariants })),
  };
}

/** What the patient's or the plan's conditions make this exercise a caution for. */
export function cautionsOf(exercise: PlanExercise, conditions: ReadonlySet<string>): string[] {
  return exercise.cautionFor.filter((slug) => conditions.has(slug));
}

export function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `k${Date.now()}${Math.random()}`;
}
