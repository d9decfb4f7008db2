import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { patients, planItems, plans, planVersions, users, type Plan } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditBy } from "@/lib/audit/record";
import { clinicOwns } from "@/lib/clinic/owns";
import { doseSchema, type Dose } from "@/lib/catalogue/dose";
import { isUuid } from "@/lib/ids";
import { canonicalDose, type PlanDraft } from "./draft";
import { getPlanExercises, type PlanExercise } from "./exercises";
import { planChangesSchema, type PlanChanges } from "./snapshot";
import { getTemplate } from "./templates";

export type PlanPatient = { id: string; firstName: string; lastName: string; fullName: string; conditions: string[]; archived: boolean };
export type PlanItemDetail = { id: string; position: number; dose: Dose; note: string | null; showVariants: boolean; exercise: PlanExercise };
export type PlanDetail = { plan: Plan; patient: PlanPatient; items: PlanItemDetail[] };

const patientColumns = {
  id: patients.id,
  firstName: patients.firstName,
  lastName: patients.lastName,
  fullName: patients.fullName,
  conditions: patients.conditions,
  archived: patients.archived,
};

/** A new draft for a patient: blank, or the items of a built-in or clinic template. */
export async function createPlan(actor: Actor, { patientId, templateId, title }: { patientId: string; templateId?: string | null; title?: string | null }): Promise<Plan | null> {
  if (!isUuid(patientId)) return null;
  return db.transaction(async (tx) => {
    const [patient] = await tx
      .select(patientColumns)
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
    if (!patient) return null;
    const template = templateId ? await getTemplate(actor, { templateId }, tx) : null;
    if (templateId && !template) return null;
    const [plan] = await tx
      .insert(plans)
      .values({
        clinicId: actor.clinicId,
        patientId,
        title: title?.trim() || template?.name || "Home exercise plan",
        conditions: patient.conditions.length ? patient.conditions : (template?.conditions ?? []),
        createdBy: actor.userId,
      })
      .returning();
    if (template?.items.length) {
      await tx.insert(planItems).values(
        template.items.map((item, position) => ({
          clinicId: actor.clinicId,
          planId: plan.id,
          exerciseId: item.exerciseId,
          position,
          dose: canonicalDose(item.dose),
          note: item.note,
        })),
      );
    }
    await recordAuditBy(tx, actor, {
      action: "plan.created",
      entityType: "plan",
      entityId: plan.id,
      detail: { patientId, title: plan.title, template: template ? template.name : null },
    });
    return plan;
  });
}

/** The plan as it stands (the draft), with its patient and items in order. */
export async function getPlan(actor: Actor, { planId }: { planId: string }, executor: Executor = db): Promise<PlanDetail | null> {
  if (!isUuid(planId)) return null;
  const [row] = await executor
    .select({ plan: plans, patient: patientColumns })
    .from(plans)
    .innerJoin(patients, and(eq(patients.id, plans.patientId), eq(patients.clinicId, plans.clinicId)))
    .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)));
  if (!row) return null;
  const itemRows = await executor
    .select()
    .from(planItems)
    .where(and(eq(planItems.planId, planId), eq(planItems.clinicId, actor.clinicId)))
    .orderBy(asc(planItems.position));
  const known = await getPlanExercises(actor, { exerciseIds: itemRows.map((i) => i.exerciseId) }, executor);
  const items = itemRows.flatMap((item) => {
    const exercise = known.get(item.exerciseId);
    if (!exercise) return [];
    return [{ id: item.id, position: item.position, dose: doseSchema.parse(item.dose), note: item.note, showVariants: item.showVariants, exercise }];
  });
  return { plan: row.plan, patient: row.patient, items };
}

/** The draft as the builder's schema reads it: what a save is compared against. */
export function draftOf(detail: PlanDetail): PlanDraft {
  const { plan, items } = detail;
  return {
    title: plan.title,
    conditions: plan.conditions as PlanDraft["conditions"],
    notes: plan.notes,
    startDate: plan.startDate,
    reviewDate: plan.reviewDate,
    items: items.map((item) => ({ exerciseId: item.exercise.id, dose: item.dose, note: item.note, showVariants: item.showVariants })),
  };
}

export type PatientPlan = Pick<
  Plan,
  "id" | "title" | "status" | "latestVersion" | "hasUnissuedChanges" | "createdAt" | "updatedAt" | "startDate" | "reviewDate" | "endDate" | "endReason"
> & {
  itemCount: number;
  lastIssuedAt: Date | null;
};

/** A patient's plans, newest first; null when the patient is not this clinic's. */
export async function listPlansForPatient(actor: Actor, { patientId }: { patientId: string }, executor: Executor = db): Promise<PatientPlan[] | null> {
  if (!(await clinicOwns(executor, actor, "patient", patientId))) return null;
  return executor
    .select({
      id: plans.id,
      title: plans.title,
      status: plans.status,
      latestVersion: plans.latestVersion,
      hasUnissuedChanges: plans.hasUnissuedChanges,
      createdAt: plans.createdAt,
      updatedAt: plans.updatedAt,
      startDate: plans.startDate,
      reviewDate: plans.reviewDate,
      endDate: plans.endDate,
      endReason: plans.endReason,
      // Written out in full: drizzle leaves columns unqualified here, and inside the subquery "id" would mean the item's.
      itemCount: sql<number>`(select count(*)::int from plan_items where plan_items.plan_id = plans.id)`,
      lastIssuedAt: sql<string | null>`(select max(plan_versions.issued_at) from plan_versions where plan_versions.plan_id = plans.id)`.mapWith((value) =>
        value ? new Date(value) : null,
      ),
    })
    .from(plans)
    .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.patientId, patientId)))
    .orderBy(desc(plans.updatedAt));
}

export type PlanVersionSummary = {
  id: string;
  version: number;
  issuedAt: Date;
  issuedByName: string | null;
  itemCount: number;
  changes: PlanChanges | null;
};

/** Every issued version of a plan, newest first, with what changed; null when the plan is not this clinic's. */
export async function listPlanVersions(actor: Actor, { planId }: { planId: string }, executor: Executor = db): Promise<PlanVersionSummary[] | null> {
  if (!(await clinicOwns(executor, actor, "plan", planId))) return null;
  const rows = await executor
    .select({
      id: planVersions.id,
      version: planVersions.version,
      issuedAt: planVersions.issuedAt,
      issuedByName: users.name,
      itemCount: sql<number>`jsonb_array_length(${planVersions.snapshot} -> 'items')`,
      changes: sql<unknown>`${planVersions.snapshot} -> 'changes'`,
    })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.issuedBy))
    .where(and(eq(planVersions.planId, planId), eq(planVersions.clinicId, actor.clinicId)))
    .orderBy(desc(planVersions.version));
  return rows.map((row) => ({ ...row, changes: planChangesSchema.nullable().safeParse(row.changes).data ?? null }));
}
