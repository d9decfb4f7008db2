import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { planItems, plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { fieldErrorsOf } from "@/lib/forms/field-errors";
import { recordAuditBy } from "@/lib/audit/record";
import { UserError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { canonicalDose, draftFingerprint, planDraftSchema } from "./draft";
import { assertUsableExercises } from "./exercises";
import { draftOf, getPlan } from "./plans";

export type SavePlanResult =
  /** `changed` is false when the draft already held exactly this content (a repeated save). */
  | { status: "saved"; revision: number; changed: boolean }
  /** Someone saved since `revision` was read: nothing was written. */
  | { status: "conflict"; revision: number };

export const conflictMessage =
  "This plan was changed in another tab or by someone else. Reload to see the latest version — your edits here are kept until you do.";

/**
 * Saves the whole draft (plan fields and items) in one transaction, if and only if the plan is
 * still at the revision the editor started from. A save of content the plan already holds writes
 * nothing and succeeds, so a double-clicked save bumps the revision once.
 */
export async function savePlan(actor: Actor, { planId, revision, draft }: { planId: string; revision: number; draft: unknown }): Promise<SavePlanResult | null> {
  if (!isUuid(planId) || !Number.isInteger(revision)) return null;
  const parsed = planDraftSchema.safeParse(draft);
  if (!parsed.success) throw new UserError("This plan cannot be saved yet: please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const next = parsed.data;

  return db.transaction(async (tx) => {
    // Lock the row: a concurrent save of the same plan waits here, then sees the new revision.
    const [locked] = await tx
      .select({ revision: plans.revision })
      .from(plans)
      .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)))
      .for("update");
    if (!locked) return null;

    const current = await getPlan(actor, { planId }, tx);
    if (!current) return null;
    const same = draftFingerprint(draftOf(current)) === draftFingerprint(next);
    if (locked.revision !== revision) {
      return same ? { status: "saved", revision: locked.revision, changed: false } : { status: "conflict", revision: locked.revision };
    }
    if (same) return { status: "saved", revision, changed: false };

    await assertUsableExercises(tx, actor, next.items);
    const [updated] = await tx
      .update(plans)
      .set({
        title: next.title,
        conditions: next.conditions,
        notes: next.notes,
        startDate: next.startDate,
        reviewDate: next.reviewDate,
        revision: sql`${plans.revision} + 1`,
        hasUnissuedChanges: true,
      })
      .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId), eq(plans.revision, revision)))
      .returning({ revision: plans.revision });
    if (!updated) return { status: "conflict", revision: locked.revision };

    await tx.delete(planItems).where(and(eq(planItems.planId, planId), eq(planItems.clinicId, actor.clinicId)));
    if (next.items.length) {
      await tx.insert(planItems).values(
        next.items.map((item, position) => ({
          clinicId: actor.clinicId,
          planId,
          exerciseId: item.exerciseId,
          position,
          dose: canonicalDose(item.dose),
          note: item.note,
          showVariants: item.showVariants,
        })),
      );
    }
    await recordAuditBy(tx, actor, { action: "plan.saved", entityType: "plan", entityId: planId, detail: { revision: updated.revision, items: next.items.length } });
    return { status: "saved", revision: updated.revision, changed: true };
  });
}
