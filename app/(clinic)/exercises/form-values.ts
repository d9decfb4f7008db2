// The exercise form's field values (as the browser would post them) for a new or an existing exercise.
import { conditions } from "@/lib/catalogue/conditions";
import { sideLabels, sides } from "@/lib/catalogue/dose";
import type { ExerciseDetail } from "@/lib/catalogue/search";
import { categories, categoryLabels, equipment, equipmentLabels, regionLabels, regions } from "@/lib/catalogue/types";
import { figureEntries } from "@/lib/figures/library";

export type ExerciseFormValues = Record<string, string | string[]>;

export const newExerciseValues: ExerciseFormValues = {
  level: "1",
  equipment: ["none"],
  "defaultDose.sets": "2",
  "defaultDose.reps": "10",
  "defaultDose.perDay": "1",
  "defaultDose.daysPerWeek": "5",
  figureSlug: "",
};

export function exerciseValues(exercise: ExerciseDetail, figureSlug: string): ExerciseFormValues {
  const dose = exercise.defaultDose;
  const n = (value: number | undefined) => (value === undefined ? "" : String(value));
  return {
    name: exercise.name,
    summary: exercise.summary,
    aliases: exercise.aliases.join("\n"),
    regions: exercise.regions,
    categories: exercise.categories,
    level: String(exercise.level),
    equipment: exercise.equipment,
    suits: exercise.suits,
    cautionFor: exercise.cautionFor,
    steps: exercise.steps.join("\n"),
    cues: exercise.cues.join("\n"),
    caution: exercise.caution ?? "",
    progression: exercise.progression ?? "",
    regression: exercise.regression ?? "",
    figureSlug,
    "defaultDose.sets": n(dose.sets),
    "defaultDose.reps": n(dose.reps),
    "defaultDose.holdSeconds": n(dose.holdSeconds),
    "defaultDose.durationMinutes": n(dose.durationMinutes),
    "defaultDose.restSeconds": n(dose.restSeconds),
    "defaultDose.perDay": n(dose.perDay),
    "defaultDose.daysPerWeek": n(dose.daysPerWeek),
    "defaultDose.side": dose.side ?? "",
    "defaultDose.load": dose.load ?? "",
    "defaultDose.tempo": dose.tempo ?? "",
    "defaultDose.rangeLimit": dose.rangeLimit ?? "",
  };
}

/** The choices the form offers, in the catalogue's words. */
export function exerciseFormOptions() {
  return {
    regions: regions.map((r) => ({ value: r, label: regionLabels[r] })),
    categories: categories.map((c) => ({ value: c, label: categoryLabels[c] })),
    equipment: equipment.map((e) => ({ value: e, label: equipmentLabels[e] })),
    conditions: conditions.map((c) => ({ value: c.slug, label: c.name })),
    sides: sides.map((s) => ({ value: s, label: sideLabels[s].replace(/^./, (c) => c.toUpperCase()) })),
    figures: [...figureEntries].sort((a, b) => a.name.localeCompare(b.name, "en-GB")).map((f) => ({ value: f.slug, label: f.name })),
  };
}
