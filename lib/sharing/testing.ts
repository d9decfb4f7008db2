// Test helper: an issued plan with N versions, written directly from the handout fixture, so the
// sharing and adherence tests do not depend on the plan builder.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { patients, plans, planVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { fixtureSnapshot } from "@/lib/handout/fixture";
import type { PlanSnapshot } from "@/lib/plans/snapshot";

export async function createIssuedPlan(
  actor: Actor,
  options: { versions?: number; title?: string; issuedAt?: Date; snapshot?: Partial<PlanSnapshot> } = {},
) {
  const versions = options.versions ?? 1;
  const [patient] = await db
    .insert(patients)
    .values({ clinicId: actor.clinicId, clinicianId: actor.userId, firstName: "Zoë", lastName: "Łukasiewicz-Núñez", conditions: ["knee-oa"] })
    .returning();
  const [plan] = await db
    .insert(plans)
    .values({ clinicId: actor.clinicId, patientId: patient.id, title: options.title ?? "Knee plan", status: "issued", latestVersion: versions, hasUnissuedChanges: false, createdBy: actor.userId })
    .returning();
  const versionIds: string[] = [];
  for (let version = 1; version <= versions; version++) {
    const snapshot = fixtureSnapshot({
      planId: plan.id,
      version,
      title: plan.title,
      changes: version > 1 ? { previousVersion: version - 1, added: [], removed: [], changed: [`Glute bridge: dose changed (v${version})`] } : null,
      ...options.snapshot,
    });
    const [row] = await db
      .insert(planVersions)
      .values({ clinicId: actor.clinicId, planId: plan.id, version, snapshot, issuedBy: actor.userId, issuedAt: options.issuedAt ?? new Date() })
      .returning({ id: planVersions.id });
    versionIds.push(row.id);
  }
  return { patient, plan, versionIds };
}

/** Issues one more version of a plan made by createIssuedPlan. */
export async function addVersion(actor: Actor, planId: string, version: number, title = "Knee plan") {
  const snapshot = fixtureSnapshot({ planId, version, title, changes: { previousVersion: version - 1, added: ["Wall sit"], removed: [], changed: [] } });
  const [row] = await db.insert(planVersions).values({ clinicId: actor.clinicId, planId, version, snapshot, issuedBy: actor.userId }).returning({ id: planVersions.id });
  await db.update(plans).set({ latestVersion: version }).where(eq(plans.id, planId));
  return row.id;
}
