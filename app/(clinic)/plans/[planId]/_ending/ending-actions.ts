"use server";
// The plan's end: its end date, complete or discharge, re-open. Each authenticates through
// action(), validates, and lib/plans/end-plan.ts checks the plan is the actor's clinic's.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type FormState } from "@/lib/auth/action";
import { endNoteMaxLength, endPlan, reopenPlan, setPlanEndDate } from "@/lib/plans/end-plan";
import { planEndReasons } from "@/lib/plans/ending";
import { idSchema } from "@/lib/ids";

const notFound: FormState = { ok: false, message: "This plan could not be found. Reload the page." };

const endDateField = z.union([z.literal(""), z.iso.date({ error: "Enter a date, e.g. 31/12/2026" })]).transform((value) => value || null);

function revalidate(planId: string) {
  revalidatePath(`/plans/${planId}`);
  revalidatePath("/dashboard");
}

export const setEndDateAction = action(z.object({ planId: idSchema(), endDate: endDateField }), async ({ planId, endDate }, actor) => {
  const plan = await setPlanEndDate(actor, { planId, endDate });
  if (!plan) return notFound;
  revalidate(planId);
  return { ok: true, message: endDate ? "End date saved." : "End date removed: the review date is used." };
});

export const endPlanAction = action(
  z.object({
    planId: idSchema(),
    reason: z.enum(planEndReasons, { error: "Choose complete or discharge" }),
    note: z.string().trim().max(endNoteMaxLength, `Keep the note to ${endNoteMaxLength} characters or fewer`).optional(),
  }),
  async ({ planId, reason, note }, actor) => {
    const plan = await endPlan(actor, { planId, reason, note: note ?? null });
    if (!plan) return notFound;
    revalidate(planId);
    return { ok: true, message: reason === "completed" ? "Plan completed." : "Patient discharged from this plan." };
  },
);

export const reopenPlanAction = action(z.object({ planId: idSchema(), endDate: endDateField }), async ({ planId, endDate }, actor) => {
  const plan = await reopenPlan(actor, { planId, endDate });
  if (!plan) return notFound;
  revalidate(planId);
  return { ok: true, message: "Plan re-opened: the patient's link shows it again." };
});
