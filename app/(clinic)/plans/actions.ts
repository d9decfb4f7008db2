"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, withoutNul, type FormState } from "@/lib/auth/action";
import { getActor } from "@/lib/auth/actor";
import { exerciseFiltersSchema, searchExercises } from "@/lib/catalogue/search";
import { UserError } from "@/lib/errors";
import { exerciseSlugSchema } from "@/lib/catalogue/definition";
import { getBuiltInPlanExercise, getPlanExercises, type PlanExercise } from "@/lib/plans/exercises";
import { issueConflictMessage, issuePlan } from "@/lib/plans/issue-plan";
import { createPlan } from "@/lib/plans/plans";
import { conflictMessage, savePlan } from "@/lib/plans/save-plan";
import { createTemplate } from "@/lib/plans/templates";

const signedOut = "Your session has ended. Sign in again in another tab, then save here: your edits are kept on this page.";
const notFoundMessage = "This plan no longer exists or is not in your clinic.";

export const createPlanAction = action(
  z.object({
    patientId: z.string(),
    templateId: z.string().optional(),
    title: z.string().trim().max(200, "Title must be 200 characters or fewer").optional(),
  }),
  async (input, actor) => {
    const plan = await createPlan(actor, { patientId: input.patientId, templateId: input.templateId || null, title: input.title });
    if (!plan) return { ok: false, message: "That patient or template is not in your clinic." };
    revalidatePath(`/patients/${input.patientId}`);
    redirect(`/plans/${plan.id}/edit`);
  },
);

export type SavePlanState = FormState & { revision?: number; conflict?: boolean };

const saveInputSchema = z.object({ planId: z.string(), revision: z.number().int(), draft: z.unknown() });

/** The builder's save: a typed object (the whole draft), validated here and in lib/plans. */
export async function savePlanAction(input: { planId: string; revision: number; draft: unknown }): Promise<SavePlanState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: signedOut };
  const parsed = saveInputSchema.safeParse(withoutNul(input));
  if (!parsed.success) return { ok: false, message: "The save was not understood. Reload the page and try again." };
  try {
    const result = await savePlan(actor, parsed.data);
    if (!result) return { ok: false, message: notFoundMessage };
    if (result.status === "conflict") return { ok: false, conflict: true, revision: result.revision, message: conflictMessage };
    if (result.changed) revalidatePath(`/plans/${parsed.data.planId}`);
    return { ok: true, revision: result.revision, message: "Saved" };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}

export type ExerciseSearchState = { ok: boolean; message?: string; items: PlanExercise[]; total: number };

const searchInputSchema = exerciseFiltersSchema.extend({ offset: z.number().int().min(0).max(10_000).optional() });

/** The builder's "add exercise" panel: the catalogue search (typo-tolerant), plus each exercise's caution text. */
export async function searchExercisesAction(input: unknown): Promise<ExerciseSearchState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: signedOut, items: [], total: 0 };
  const parsed = searchInputSchema.safeParse(withoutNul(input));
  if (!parsed.success) return { ok: false, message: "Those search filters are not recognised.", items: [], total: 0 };
  const { offset, ...filters } = parsed.data;
  const found = await searchExercises(actor, filters, { limit: 12, offset });
  const details = await getPlanExercises(actor, { exerciseIds: found.items.map((item) => item.id) });
  return { ok: true, items: found.items.flatMap((item) => details.get(item.id) ?? []), total: found.total };
}

export type ExerciseVariantState = { ok: boolean; message?: string; exercise?: PlanExercise };

/** The builder's "Easier" and "Harder": the variant's card (figure, default dose, cautions, its own variants). */
export async function exerciseVariantAction(input: unknown): Promise<ExerciseVariantState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: signedOut };
  const parsed = z.object({ slug: exerciseSlugSchema }).safeParse(input);
  if (!parsed.success) return { ok: false, message: "That exercise is not recognised." };
  const exercise = await getBuiltInPlanExercise(actor, { slug: parsed.data.slug });
  if (!exercise) return { ok: false, message: "That exercise is no longer in the catalogue." };
  return { ok: true, exercise };
}

export type SaveTemplateState = FormState & { templateId?: string };

/** "Save as template": the builder's current exercises become a clinic template. */
export async function saveTemplateAction(input: unknown): Promise<SaveTemplateState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: signedOut };
  try {
    const template = await createTemplate(actor, withoutNul(input) as Parameters<typeof createTemplate>[1]);
    revalidatePath("/templates");
    return { ok: true, templateId: template.id, message: `Template “${template.name}” saved. It is on the Templates page for everyone in your clinic.` };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}

export const issuePlanAction = action(z.object({ planId: z.string(), revision: z.coerce.number().int() }), async (input, actor) => {
  const result = await issuePlan(actor, input);
  if (!result) return { ok: false, message: notFoundMessage };
  if (result.status === "conflict") return { ok: false, message: issueConflictMessage };
  revalidatePath(`/plans/${input.planId}`);
  revalidatePath("/patients", "layout");
  return { ok: true, message: `Version ${result.version} issued.` };
});
