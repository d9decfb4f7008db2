// A plan's end: set its end date, complete or discharge it, or re-open it. Each locks the plan row,
// checks it is the actor's clinic's (null when not), and records what it did in the audit trail.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { plans, users, type Plan } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditBy } from "@/lib/audit/record";
import { clinicDate } from "@/lib/dates/format";
import { UserError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { effectiveEndDate, planEnding, type PlanEndReason } from "./ending";

export const endNoteMaxLength = 1000;

async function lockPlan(tx: Transaction, actor: Actor, planId: string): Promise<Plan | null> {
  if (!isUuid(planId)) return null;
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)))
    .for("update");
  return plan ?? null;
}

function checkEndDate(plan: Plan, endDate: string | null, today: string, field: string): void {
  if (endDate === null) return;
  if (endDate < today) {
    throw new UserError("The end date cannot be in the past.", { [field]: ["Choose today or a later date. To end the plan now, complete or discharge it."] });
  }
  if (plan.startDate && endDate < plan.startDate) {
    throw new UserError("The end date is before the plan starts.", { [field]: ["Choose a date on or after the start date"] });
  }
}

/**
 * Sets (or clears, with null) the last day of a plan that has not ended. Cleared, the review date
 * serves. Null when the plan is not the actor's.
 */
export async function setPlanEndDate(actor: Actor, { planId, endDate }: { planId: string; endDate: string | null }): Promise<Plan | null> {
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, actor, planId);
    if (!plan) return null;
    const today = clinicDate(new Date(), actor.timeZone);
    if (planEnding(plan, today)) throw new UserError("This plan has ended. Re-open it to give it a new end date.");
    if (plan.status === "archived") throw new UserError("This plan is archived.");
    checkEndDate(plan, endDate, today, "endDate");
    if (endDate === null && plan.status === "issued" && plan.reviewDate && plan.reviewDate < today) {
      throw new UserError("Without an end date this plan would end on its review date, which has passed.", {
        endDate: ["Choose an end date, or change the review date in the plan first"],
      });
    }
    const [updated] = await tx
      .update(plans)
      .set({ endDate })
      .where(and(eq(plans.id, plan.id), eq(plans.clinicId, actor.clinicId)))
      .returning();
    await recordAuditBy(tx, actor, { action: "plan.end-date-set", entityType: "plan", entityId: plan.id, detail: { endDate } });
    return updated;
  });
}

/**
 * Completes or discharges an issued plan: its link shows "this plan has ended", logging stops and
 * its alerts go quiet. A discharge needs a note saying why. Its end date becomes today (unless it
 * had already passed). Null when the plan is not the actor's.
 */
export async function endPlan(actor: Actor, { planId, reason, note }: { planId: string; reason: PlanEndReason; note: string | null }): Promise<Plan | null> {
  const trimmed = note?.trim() || null;
  if (reason === "discharged" && !trimmed) throw new UserError("Say why the patient is being discharged.", { note: ["Give a reason for the discharge"] });
  if (trimmed && trimmed.length > endNoteMaxLength) throw new UserError("That note is too long.", { note: [`Keep the note to ${endNoteMaxLength} characters or fewer`] });
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, actor, planId);
    if (!plan) return null;
    if (plan.status === "ended") throw new UserError("This plan has already ended.");
    if (plan.status !== "issued" || plan.latestVersion < 1) throw new UserError("Only an issued plan can be completed or discharged.");
    const today = clinicDate(new Date(), actor.timeZone);
    const end = effectiveEndDate(plan);
    const [updated] = await tx
      .update(plans)
      .set({ status: "ended", endedAt: new Date(), endedBy: actor.userId, endReason: reason, endNote: trimmed, endDate: end !== null && end < today ? end : today })
      .where(and(eq(plans.id, plan.id), eq(plans.clinicId, actor.clinicId)))
      .returning();
    await recordAuditBy(tx, actor, {
      action: "plan.ended",
      entityType: "plan",
      entityId: plan.id,
      // The note may hold clinical detail: it stays on the plan, not in the append-only trail.
      detail: { reason, endDate: updated.endDate },
    });
    return updated;
  });
}

/**
 * Runs an ended plan again (ended by a clinician, or past its last day) until `endDate`, or, with
 * null, until its review date when that is still ahead. Null when the plan is not the actor's.
 */
export async function reopenPlan(actor: Actor, { planId, endDate }: { planId: string; endDate: string | null }): Promise<Plan | null> {
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, actor, planId);
    if (!plan) return null;
    const today = clinicDate(new Date(), actor.timeZone);
    if (!planEnding(plan, today)) throw new UserError("This plan has not ended.");
    checkEndDate(plan, endDate, today, "endDate");
    if (endDate === null && (!plan.reviewDate || plan.reviewDate < today)) {
      throw new UserError("Choose a new end date for the re-opened plan.", { endDate: ["Choose the plan's new last day"] });
    }
    const [updated] = await tx
      .update(plans)
      .set({ status: "issued", endedAt: null, endedBy: null, endReason: null, endNote: null, endDate })
      .where(and(eq(plans.id, plan.id), eq(plans.clinicId, actor.clinicId)))
      .returning();
    await recordAuditBy(tx, actor, { action: "plan.reopened", entityType: "plan", entityId: plan.id, detail: { endDate } });
    return updated;
  });
}

/** Who completed or discharged the plan (null when not ended by a clinician, or their account is gone). */
export async function planEndedByName(actor: Actor, { planId }: { planId: string }): Promise<string | null> {
  if (!isUuid(planId)) return null;
  const [row] = await db
    .select({ name: users.name })
    .from(plans)
    .innerJoin(users, and(eq(users.id, plans.endedBy), eq(users.clinicId, plans.clinicId)))
    .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)));
  return row?.name ?? null;
}
