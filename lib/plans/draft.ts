// The plan draft as the builder edits it and the server validates it: one schema for both sides.
import { z } from "zod";
import { doseSchema, type Dose } from "@/lib/catalogue/dose";
import { conditionSlugSchema } from "@/lib/catalogue/types";
import { idSchema } from "@/lib/ids";

/** Past this the builder nudges: evidence favours 2–4 exercises in a home programme. */
export const longPlanThreshold = 6;
export const maxPlanItems = 30;

const emptyToNull = (value: string | null | undefined) => (value ? value : null);
const optionalDate = (what: string) =>
  z
    .union([z.literal(""), z.iso.date(`${what} must be a date`)])
    .nullable()
    .optional()
    .transform(emptyToNull);

export const planItemDraftSchema = z.object({
  exerciseId: idSchema("Choose an exercise from the catalogue"),
  dose: doseSchema,
  note: z.string().trim().max(2000, "Note must be 2000 characters or fewer").nullable().optional().transform(emptyToNull),
  /** Show the patient "Too easy? / Too hard?" for this exercise (lib/plans/progression.ts). */
  showVariants: z.boolean({ error: "Choose whether to show “Too easy? / Too hard?”" }).optional().default(false),
});
export type PlanItemDraft = z.output<typeof planItemDraftSchema>;

export const planDraftSchema = z
  .object({
    title: z.string({ error: "Give the plan a title" }).trim().min(1, "Give the plan a title").max(200, "Title must be 200 characters or fewer"),
    conditions: z.array(conditionSlugSchema, { error: "Choose conditions from the list" }).transform((slugs) => [...new Set(slugs)]),
    notes: z.string().trim().max(4000, "Notes must be 4000 characters or fewer").nullable().optional().transform(emptyToNull),
    startDate: optionalDate("Start date"),
    reviewDate: optionalDate("Review date"),
    items: z.array(planItemDraftSchema).max(maxPlanItems, `A plan can hold at most ${maxPlanItems} exercises`),
  })
  .refine((draft) => !draft.startDate || !draft.reviewDate || draft.reviewDate >= draft.startDate, {
    message: "Review date must be on or after the start date",
    path: ["reviewDate"],
  });
export type PlanDraftInput = z.input<typeof planDraftSchema>;
export type PlanDraft = z.output<typeof planDraftSchema>;

/** A dose with absent fields dropped and keys in one order, so equal doses compare equal as text. */
export function canonicalDose(dose: Dose): Dose {
  return Object.fromEntries(
    Object.entries(dose)
      .filter(([, value]) => value !== undefined && value !== null && value !== "")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ) as Dose;
}

/** One text per distinct draft: a save of the same content is recognised as the same save. */
export function draftFingerprint(draft: PlanDraft): string {
  return JSON.stringify([
    draft.title,
    [...draft.conditions].sort(),
    draft.notes,
    draft.startDate,
    draft.reviewDate,
    draft.items.map((item) => [item.exerciseId, canonicalDose(item.dose), item.note, item.showVariants]),
  ]);
}

// The builder edits dose numbers as text, so a half-typed or wrong value stays on screen with its message.
export const doseNumberFields = ["sets", "reps", "holdSeconds", "durationMinutes", "restSeconds", "perDay", "daysPerWeek"] as const;
export const doseTextFields = ["side", "load", "tempo", "rangeLimit"] as const;
export type DoseField = (typeof doseNumberFields)[number] | (typeof doseTextFields)[number];
export type DoseFields = Record<DoseField, string>;

export function doseFieldsOf(dose: Dose | null | undefined): DoseFields {
  const fields = {} as DoseFields;
  for (const key of [...doseNumberFields, ...doseTextFields]) {
    const value = dose?.[key];
    fields[key] = value === undefined || value === null ? "" : String(value);
  }
  return fields;
}

/** Text fields back into a dose; a number field that does not read as a number stays NaN so validation names it. */
export function doseOfFields(fields: DoseFields): Dose {
  const dose: Record<string, unknown> = {};
  for (const key of doseNumberFields) {
    const text = fields[key].trim();
    if (text !== "") dose[key] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  }
  for (const key of doseTextFields) {
    const text = fields[key].trim();
    if (text !== "") dose[key] = text;
  }
  return dose as Dose;
}
