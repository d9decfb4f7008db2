// Erasing a patient (GDPR art. 17): their record, plans, issued versions, cached handouts, links,
// session logs and audit events go in one transaction, and one audit stub without personal data
// says that it happened. Admins only: to anyone else the patient "does not exist" (null).
import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { auditEvents, handoutFiles, outboundEmails, patients, planItems, plans, planVersions, rateLimitEvents, sessionLogs, shareLinks } from "@/db/schema";
import { planLinkEmailLimit } from "@/lib/email/plan-link";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/admin";
import { recordAuditBy } from "@/lib/audit/record";
import { UserError } from "@/lib/errors";
import { forgetCachedHandouts } from "@/lib/sharing/handouts";
import { forgetSnapshots } from "@/lib/sharing/links";
import { isUuid } from "@/lib/ids";

/** What an erase removed, counted: the stub's detail and the confirmation the admin reads. */
export type ErasedCounts = {
  plans: number;
  planItems: number;
  planVersions: number;
  handoutFiles: number;
  shareLinks: number;
  sessionLogs: number;
  auditEvents: number;
};

/** The typed confirmation must be the patient's full name (spaces and case aside). */
function confirms(typed: string, fullName: string): boolean {
  const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase();
  return typed.length > 0 && norm(typed) === norm(fullName);
}

/**
 * Erases one patient of the admin's clinic. `confirmation` is the patient's name as the admin typed
 * it; a mismatch is a UserError at that field and deletes nothing. Null when the actor is not an
 * admin or the patient is not their clinic's.
 *
 * This is the one path that sets `physioplan.audit_erase` (transaction-local), which the
 * append-only trigger on audit_events honours (db/migrations/0005_audit_append_only.sql): it
 * deletes only this patient's events (about the patient, their plans and their session logs),
 * then turns the setting off again before writing the stub.
 */
export async function erasePatient(actor: Actor, { patientId, confirmation }: { patientId: string; confirmation: string }): Promise<ErasedCounts | null> {
  if (!isAdmin(actor) || !isUuid(patientId)) return null;
  const result = await db.transaction(async (tx) => {
    const [patient] = await tx
      .select({ id: patients.id, fullName: patients.fullName, email: patients.email })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
      .for("update");
    if (!patient) return null;
    if (!confirms(confirmation, patient.fullName)) {
      throw new UserError("Nothing was erased: the name you typed does not match.", { confirmation: ["Type the patient's full name exactly as shown"] });
    }

    const planIds = (
      await tx
        .select({ id: plans.id })
        .from(plans)
        .where(and(eq(plans.patientId, patientId), eq(plans.clinicId, actor.clinicId)))
        .orderBy(plans.id)
        .for("update")
    ).map((p) => p.id);
    const inPlans = (column: AnyPgColumn) => (planIds.length ? inArray(column, planIds) : sql`false`);
    const versionIds = (await tx.select({ id: planVersions.id }).from(planVersions).where(and(inPlans(planVersions.planId), eq(planVersions.clinicId, actor.clinicId)))).map((v) => v.id);
    const linkIds = (await tx.select({ id: shareLinks.id }).from(shareLinks).where(and(inPlans(shareLinks.planId), eq(shareLinks.clinicId, actor.clinicId)))).map((l) => l.id);
    const sessionIds = (await tx.select({ id: sessionLogs.id }).from(sessionLogs).where(and(inPlans(sessionLogs.planId), eq(sessionLogs.clinicId, actor.clinicId)))).map((s) => s.id);

    // Children first, so the counts are what each table lost (the foreign keys would cascade anyway).
    const count = async (rows: Promise<unknown[]>) => (await rows).length;
    const counts: ErasedCounts = {
      handoutFiles: versionIds.length
        ? await count(tx.delete(handoutFiles).where(and(inArray(handoutFiles.planVersionId, versionIds), eq(handoutFiles.clinicId, actor.clinicId))).returning({ v: handoutFiles.variant }))
        : 0,
      sessionLogs: await count(tx.delete(sessionLogs).where(and(inPlans(sessionLogs.planId), eq(sessionLogs.clinicId, actor.clinicId))).returning({ id: sessionLogs.id })),
      shareLinks: await count(tx.delete(shareLinks).where(and(inPlans(shareLinks.planId), eq(shareLinks.clinicId, actor.clinicId))).returning({ id: shareLinks.id })),
      planVersions: await count(tx.delete(planVersions).where(and(inPlans(planVersions.planId), eq(planVersions.clinicId, actor.clinicId))).returning({ id: planVersions.id })),
      planItems: await count(tx.delete(planItems).where(and(inPlans(planItems.planId), eq(planItems.clinicId, actor.clinicId))).returning({ id: planItems.id })),
      plans: await count(tx.delete(plans).where(and(inPlans(plans.id), eq(plans.clinicId, actor.clinicId))).returning({ id: plans.id })),
      auditEvents: 0,
    };
    // The links' session-log rate-limit counters are keyed by link id, the plan-link emails' by plan id.
    if (linkIds.length) await tx.delete(rateLimitEvents).where(inArray(rateLimitEvents.key, linkIds.map((id) => `link:${id}`)));
    if (planIds.length) await tx.delete(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, planLinkEmailLimit.bucket), inArray(rateLimitEvents.key, planIds)));
    // The plan-link emails sent to the patient carry their address (and, sealed, their link).
    if (patient.email) {
      await tx
        .delete(outboundEmails)
        .where(and(eq(outboundEmails.clinicId, actor.clinicId), eq(outboundEmails.kind, "plan-link"), sql`lower(${outboundEmails.toAddress}) = lower(${patient.email})`));
    }

    await tx.execute(sql`select set_config('physioplan.audit_erase', 'on', true)`);
    const entityIds = [patientId, ...planIds, ...sessionIds];
    const about = or(
      inArray(auditEvents.entityId, entityIds),
      sql`${auditEvents.detail}->>'patientId' = ${patientId}`,
      planIds.length ? sql`${auditEvents.detail}->>'planId' in ${planIds}` : undefined,
    );
    counts.auditEvents = await count(tx.delete(auditEvents).where(and(eq(auditEvents.clinicId, actor.clinicId), about)).returning({ id: auditEvents.id }));
    await tx.execute(sql`select set_config('physioplan.audit_erase', 'off', true)`);

    await tx.delete(patients).where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
    // The stub: who erased which record id and when, and how much went. No name, no contact, no health data.
    await recordAuditBy(tx, actor, { action: "patient.erased", entityType: "patient", entityId: patientId, detail: { ...counts } });
    return { counts, versionIds };
  });
  if (!result) return null;
  forgetSnapshots(result.versionIds);
  forgetCachedHandouts(result.versionIds);
  return result.counts;
}
