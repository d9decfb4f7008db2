"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, typedAction } from "@/lib/auth/action";
import { exerciseFiltersSchema, searchExercises } from "@/lib/catalogue/search";
import { AppError } from "@/lib/errors";
import { exerciseSlugSchema } from "@/lib/catalogue/definition";
import { getBuiltInPlanExercise, getPlanExercises } from "@/lib/plans/exercises";
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

const saveInputSchema = z.object({ planId: z.string(), revision: z.number().int(), draft: z.unknown() });

/** The builder's save: a typed object (the whole draft), validated here and in lib/plans. */
export const savePlanAction = typedAction(
  saveInputSchema,
  async (input, actor) => {
    const result = await savePlan(actor, input);
    if (!result) throw new AppError("not-found", notFoundMessage);
    if (result.status === "conflict") throw new AppError("conflict", conflictMessage);
    if (result.changed) revalidatePath(`/plans/${input.planId}`);
    return { ok: true as const, revision: result.revision, message: "Saved" };
  },
  { signedOutMessage: signedOut },
);

export type SavePlanState = Awaited<ReturnType<typeof savePlanAction>>;

const searchInputSchema = exerciseFiltersSchema.extend({ offset: z.number().int().min(0).max(10_000).optional() });

/** The builder's "add exercise" panel: the catalogue search (typo-tolerant), plus each exercise's caution text. */
export const searchExercisesAction = typedAction(
  searchInputSchema,
  async ({ offset, ...filters }, actor) => {
    const found = await searchExercises(actor, filters, { limit: 12, offset });
    const details = await getPlanExercises(actor, { exerciseIds: found.items.map((item) => item.id) });
    return { ok: true as const, items: found.items.flatMap((item) => details.get(item.id) ?? []), total: found.total };
  },
  { signedOutMessage: signedOut },
);

export type ExerciseSearchState = Awaited<ReturnType<typeof searchExercisesAction>>;

/** The builder's "Easier" and "Harder": the variant's card (figure, default dose, cautions, its own variants). */
export const exerciseVariantAction = typedAction(
  z.object({ slug: exerciseSlugSchema }),
  async ({ slug }, actor) => {
    const exercise = await getBuiltInPlanExercise(actor, { slug });
    if (!exercise) throw new AppError("not-found", "That exercise is no longer in the catalogue.");
    return { ok: true as const, exercise };
  },
  { signedOutMessage: signedOut },
);

/** "Save as template": the builder's current exercises become a clinic template (validated in lib/plans). */
export const saveTemplateAction = typedAction(
  z.unknown(),
  async (input, actor) => {
    const template = await createTemplate(actor, input as Parameters<typeof createTemplate>[1]);
    revalidatePath("/templates");
    return {
      ok: true as const,
      templateId: template.id,
      message: `Template “${template.name}” saved. It is on the Templates page for everyone in your clinic.`,
    };
  },
  { signedOutMessage: signedOut },
);

export type SaveTemplateState = Awaited<ReturnType<typeof saveTemplateAction>>;

export const issuePlanAction = action(z.object({ planId: z.string(), revision: z.coerce.number().int() }), async (input, actor) => {
  const result = await issuePlan(actor, input);
  if (!result) throw new AppError("not-found", notFoundMessage);
  if (result.status === "conflict") throw new AppError("conflict", issueConflictMessage);
  revalidatePath(`/plans/${input.planId}`);
  revalidatePath("/patients", "layout");
  return { ok: true, message: `Version ${result.version} issued.` };
});
