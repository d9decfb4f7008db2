// Swapping a plan item for its easier or harder variant: which parts of the clinician's dose carry over.
import type { Dose } from "@/lib/catalogue/dose";

type Field = keyof Dose;
const fields: Field[] = ["sets", "reps", "holdSeconds", "durationMinutes", "restSeconds", "perDay", "daysPerWeek", "side", "load", "tempo", "rangeLimit"];
/** A clinician's limit on how far the joint moves is a restriction on the patient, not on the exercise: it always travels. */
const alwaysKept: Field[] = ["rangeLimit", "tempo"];

const present = (value: unknown) => value !== undefined && value !== null && value !== "" && !(typeof value === "number" && !Number.isFinite(value));

/**
 * The dose of the variant that replaces an item. It starts from the variant's own default; every field the
 * clinician changed from the old exercise's default is kept where it fits, that is where the variant's default
 * uses that field too (a hold stays a hold, a band load stays only on a band exercise). A range limit or a
 * tempo the clinician set is always kept. Fields left at the old default follow the new exercise.
 */
export function swapDose({ current, from, to }: { current: Dose; from: Dose; to: Dose }): Dose {
  const next: Record<string, unknown> = { ...to };
  for (const field of fields) {
    const value = current[field];
    if (!present(value) || value === from[field]) continue;
    if (alwaysKept.includes(field) || present(to[field])) next[field] = value;
  }
  return next as Dose;
}
