import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { clinics, exercises, patients, planItems, plans, planVersions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditBy } from "@/lib/audit/record";
import { ensureShareLink } from "@/lib/sharing/links";
import { educationFor } from "@/lib/catalogue/conditions";
import { doseSchema, formatDose } from "@/lib/catalogue/dose";
import { safetyContentFor } from "@/lib/catalogue/safety";
import type { ConditionSlug } from "@/lib/catalogue/types";
import { UserError } from "@/lib/errors";
import { figureSpecSchema } from "@/lib/figures/model";
import { isUuid } from "@/lib/ids";
import { clinicChanges, snapshotClinicOf } from "@/lib/clinic/snapshot-clinic";
import { planSnapshotSchema, summariseChanges, type PlanSnapshot } from "./snapshot";
import { visibleExercise } from "@/lib/catalogue/visibility";
import { progressionOf } from "./progression";

export type IssuePlanResult =
  | { status: "issued"; version: number; planVersionId: string }
  /** The plan was saved since the clinician looked at it: nothing was issued. */
  | { status: "conflict"; revision: number };

export const issueConflictMessage = "This plan was changed since you opened this page. Reload to see what you would be issuing.";

/**
 * Freezes the plan as it stands into version N+1: one snapshot document, copied (never joined)
 * from the plan, its patient, clinic, clinician and exercises, with what changed since version N.
 * `revision` is the revision the clinician saw, so what is issued is what they looked at.
 */
export async function issuePlan(actor: Actor, { planId, revision }: { planId: string; revision: number }): Promise<IssuePlanResult | null> {
  if (!isUuid(planId) || !Number.isInteger(revision)) return null;
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)))
      .for("update");
    if (!plan) return null;
    if (plan.revision !== revision) return { status: "conflict", revision: plan.revision };
    // A plan a clinician completed or discharged is re-opened first. One past its end or review date
    // may be issued again (that is what a review visit does); the plan page says it has ended until
    // its dates move on.
    if (plan.status === "ended") throw new UserError("This plan has ended. Re-open it before issuing a new version.");
    const version = plan.latestVersion + 1;
    const next = await buildSnapshot(tx, actor, plan, version);
    const previous = plan.latestVersion > 0 ? await loadSnapshot(tx, actor, planId, plan.latestVersion) : null;
    // Re-issuing an unchanged plan is allowed only to bring the clinic's newer settings (its safety
    // wording above all) to the patient.
    if (plan.latestVersion > 0 && !plan.hasUnissuedChanges && (!previous || clinicChanges(previous.clinic, next.clinic).length === 0)) {
      throw new UserError(`Version ${plan.latestVersion} is already issued and nothing has changed since. Edit the plan to make a new version.`);
    }
    const snapshot = planSnapshotSchema.parse({ ...next, changes: previous ? summariseChanges(previous, next) : null });

    const [row] = await tx
      .insert(planVersions)
      .values({ clinicId: actor.clinicId, planId, version, snapshot, issuedBy: actor.userId })
      .returning({ id: planVersions.id });
    await tx
      .update(plans)
      .set({ status: "issued", latestVersion: version, hasUnissuedChanges: false })
      .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)));
    await recordAuditBy(tx, actor, {
      action: "plan.issued",
      entityType: "plan",
      entityId: planId,
      detail: { version, title: snapshot.title, items: snapshot.items.length },
    });
    // The first issue gives the plan its one link, in the same transaction; later versions keep it,
    // and a link the clinician revoked stays revoked.
    if (version === 1) await ensureShareLink(actor, { planId }, tx);
    return { status: "issued", version, planVersionId: row.id };
  });
}

async function loadSnapshot(tx: Transaction, actor: Actor, planId: string, version: number): Promise<PlanSnapshot | null> {
  const [row] = await tx
    .select({ snapshot: planVersions.snapshot })
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.clinicId, actor.clinicId), eq(planVersions.version, version)));
  const parsed = planSnapshotSchema.safeParse(row?.snapshot);
  return parsed.success ? parsed.data : null;
}

async function buildSnapshot(tx: Transaction, actor: Actor, plan: typeof plans.$inferSelect, version: number): Promise<Omit<PlanSnapshot, "changes">> {
  const [context] = await tx
    .select({ patient: patients, clinic: clinics, clinicianName: users.name })
    .from(patients)
    .innerJoin(clinics, eq(clinics.id, patients.clinicId))
    .leftJoin(users, and(eq(users.id, patients.clinicianId), eq(users.clinicId, patients.clinicId)))
    .where(and(eq(patients.id, plan.patientId), eq(patients.clinicId, actor.clinicId)));
  if (!context) throw new UserError("This plan's patient could not be found.");

  const rows = await tx
    .select({ item: planItems, exercise: exercises })
    .from(planItems)
    .innerJoin(exercises, and(eq(exercises.id, planItems.exerciseId), visibleExercise(actor)))
    .where(and(eq(planItems.planId, plan.id), eq(planItems.clinicId, actor.clinicId)))
    .orderBy(planItems.position);
  if (rows.length === 0) throw new UserError("Add at least one exercise before issuing this plan.");

  const clinic = snapshotClinicOf(context.clinic);
  // The safety words (emergency number, urgent advice, family doctor) are the clinic's as of now,
  // frozen into the version: a later change of country does not rewrite what was issued.
  const wording = clinic.safetyWording!;
  const education = educationFor(plan.conditions as ConditionSlug[], wording);
  // A variant or an exercise cautioned for the plan's or the patient's conditions is never progressed past.
  const conditions = new Set<string>([...plan.conditions, ...context.patient.conditions]);
  return {
    schemaVersion: 1,
    planId: plan.id,
    version,
    issuedAt: new Date().toISOString(),
    title: plan.title,
    notes: plan.notes,
    startDate: plan.startDate,
    reviewDate: plan.reviewDate,
    patient: { displayName: `${context.patient.firstName} ${context.patient.lastName}` },
    clinician: { name: context.clinicianName ?? actor.name },
    clinic,
    conditions: education.conditions,
    generalEducation: education.general,
    safety: safetyContentFor(wording),
    items: rows.map(({ item, exercise }, position) => {
      const dose = doseSchema.parse(item.dose);
      const figure = figureSpecSchema.safeParse(exercise.figure);
      return {
        position,
        exerciseId: exercise.id,
        slug: exercise.slug,
        name: exercise.name,
        summary: exercise.summary,
        steps: exercise.steps,
        cues: exercise.cues,
        caution: exercise.caution,
        figure: figure.success ? figure.data : null,
        dose,
        doseLine: formatDose(dose),
        note: item.note,
        ...(item.showVariants ? { progression: progressionOf({ slug: exercise.clinicId === null ? exercise.slug : null, dose, cautionFor: exercise.cautionFor, conditions }) } : {}),
      };
    }),
  };
}
