"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, listField, type FormState } from "@/lib/auth/action";
import {
  archiveClinicExercise,
  createClinicExercise,
  duplicateExercise,
  restoreClinicExercise,
  updateClinicExercise,
  type ClinicExerciseInput,
} from "@/lib/catalogue/clinic-exercises";

// The form only reshapes what was typed (lines into lists, digits into numbers); lib/ validates it and
// names each problem by the field's own name ("defaultDose.reps", "steps"), so it shows at that field.
const text = z.string().optional().default("");
const lines = z.preprocess(
  (value) =>
    (typeof value === "string" ? value : "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  z.array(z.string()),
);
const number = (value: string) => (value.trim() === "" ? undefined : Number(value.trim()));
const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());

const exerciseFormShape = {
  name: text,
  summary: text,
  aliases: lines,
  regions: listField(z.string()),
  categories: listField(z.string()),
  level: text,
  equipment: listField(z.string()),
  suits: listField(z.string()),
  cautionFor: listField(z.string()),
  steps: lines,
  cues: lines,
  caution: text,
  progression: text,
  regression: text,
  /** "" for no figure, "keep" to leave the current one, or a figure slug. */
  figureSlug: text,
  "defaultDose.sets": text,
  "defaultDose.reps": text,
  "defaultDose.holdSeconds": text,
  "defaultDose.durationMinutes": text,
  "defaultDose.restSeconds": text,
  "defaultDose.perDay": text,
  "defaultDose.daysPerWeek": text,
  "defaultDose.side": text,
  "defaultDose.load": text,
  "defaultDose.tempo": text,
  "defaultDose.rangeLimit": text,
};

function toInput(form: z.infer<z.ZodObject<typeof exerciseFormShape>>): ClinicExerciseInput {
  const dose = {
    sets: number(form["defaultDose.sets"]),
    reps: number(form["defaultDose.reps"]),
    holdSeconds: number(form["defaultDose.holdSeconds"]),
    durationMinutes: number(form["defaultDose.durationMinutes"]),
    restSeconds: number(form["defaultDose.restSeconds"]),
    perDay: number(form["defaultDose.perDay"]),
    daysPerWeek: number(form["defaultDose.daysPerWeek"]),
    side: optional(form["defaultDose.side"]),
    load: optional(form["defaultDose.load"]),
    tempo: optional(form["defaultDose.tempo"]),
    rangeLimit: optional(form["defaultDose.rangeLimit"]),
  };
  return {
    name: form.name,
    summary: form.summary,
    aliases: form.aliases,
    regions: form.regions as ClinicExerciseInput["regions"],
    categories: form.categories as ClinicExerciseInput["categories"],
    level: Number(form.level || Number.NaN),
    equipment: form.equipment as ClinicExerciseInput["equipment"],
    suits: form.suits as ClinicExerciseInput["suits"],
    cautionFor: form.cautionFor as ClinicExerciseInput["cautionFor"],
    steps: form.steps,
    cues: form.cues,
    caution: form.caution,
    progression: form.progression,
    regression: form.regression,
    defaultDose: Object.fromEntries(Object.entries(dose).filter(([, v]) => v !== undefined)) as ClinicExerciseInput["defaultDose"],
    figureSlug: form.figureSlug === "keep" ? undefined : form.figureSlug || null,
  };
}

const exerciseFormSchema = z.object(exerciseFormShape).transform(toInput);

export const createExerciseAction = action(exerciseFormSchema, async (input, actor) => {
  const { id } = await createClinicExercise(actor, input);
  revalidatePath("/exercises");
  redirect(`/exercises/${id}`);
});

export async function updateExerciseAction(exerciseId: string, previous: FormState, formData: FormData): Promise<FormState> {
  return action(exerciseFormSchema, async (input, actor) => {
    const saved = await updateClinicExercise(actor, { exerciseId, ...input });
    if (!saved) return { ok: false, message: "Only your clinic's own exercises can be edited. Duplicate a built-in exercise to change it." };
    revalidatePath("/exercises");
    redirect(`/exercises/${saved.id}`);
  })(previous, formData);
}

const exerciseIdSchema = z.object({ exerciseId: z.string() });

export const duplicateExerciseAction = action(exerciseIdSchema, async ({ exerciseId }, actor) => {
  const copy = await duplicateExercise(actor, { exerciseId });
  if (!copy) return { ok: false, message: "This exercise no longer exists or is not available to your clinic." };
  revalidatePath("/exercises");
  redirect(`/exercises/${copy.id}/edit`);
});

export const archiveExerciseAction = action(exerciseIdSchema.extend({ archived: z.enum(["true", "false"]) }), async ({ exerciseId, archived }, actor) => {
  const done = archived === "true" ? await archiveClinicExercise(actor, { exerciseId }) : await restoreClinicExercise(actor, { exerciseId });
  if (!done) return { ok: false, message: "Only your clinic's own exercises can be archived." };
  revalidatePath("/exercises");
  revalidatePath(`/exercises/${exerciseId}`);
  return {
    ok: true,
    message: archived === "true" ? "Exercise archived. It no longer appears in search; plans that use it keep it." : "Exercise restored to the catalogue.",
  };
});
