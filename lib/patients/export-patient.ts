// A patient's data as one JSON document (GDPR art. 15, right of access, and art. 20, portability):
// the record, every plan with its items, issued versions (the snapshots as the patient saw them),
// links (never the token), session logs, outcome measures (PSFS), and the audit trail about them. Admins only.
import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { auditEvents, clinics, outcomeMeasures, outcomeScores, patients, planItems, plans, planVersions, psfsActivities, sessionLogs, shareLinks, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/admin";
import { recordAuditBy } from "@/lib/audit/record";
import { isUuid } from "@/lib/ids";

export const patientExportFormat = "physioplan.patient-export.v1";

export type PatientExport = {
  format: typeof patientExportFormat;
  exportedAt: string;
  exportedBy: { id: string; name: string };
  clinic: { id: string; name: string };
  patient: Record<string, unknown>;
  plans: Array<
    Record<string, unknown> & {
      items: Record<string, unknown>[];
      versions: Record<string, unknown>[];
      shareLinks: Record<string, unknown>[];
      sessionLogs: Record<string, unknown>[];
      outcomeMeasures: Record<string, unknown>[];
    }
  >;
  audit: Record<string, unknown>[];
};

/** Internal keys that say nothing about the patient stay out of the export. */
function omit<T extends Record<string, unknown>>(row: T, keys: (keyof T)[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key as keyof T)));
}

/**
 * The export of one patient of the admin's clinic, read in one repeatable-read snapshot and
 * recorded in the audit trail in the same transaction. Null for a non-admin or a patient not theirs.
 */
export async function exportPatient(actor: Actor, { patientId }: { patientId: string }): Promise<PatientExport | null> {
  if (!isAdmin(actor) || !isUuid(patientId)) return null;
  return db.transaction(
    async (tx) => {
      const [row] = await tx
        .select({ patient: patients, clinicName: clinics.name, clinicianName: users.name })
        .from(patients)
        .innerJoin(clinics, eq(clinics.id, patients.clinicId))
        .leftJoin(users, eq(users.id, patients.clinicianId))
        .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
      if (!row) return null;
      const scope = (clinicColumn: AnyPgColumn) => eq(clinicColumn, actor.clinicId);

      const planRows = await tx.select().from(plans).where(and(eq(plans.patientId, patientId), scope(plans.clinicId))).orderBy(asc(plans.createdAt), asc(plans.id));
      const planIds = planRows.map((p) => p.id);
      const inPlans = (column: AnyPgColumn) => (planIds.length ? inArray(column, planIds) : sql`false`);
      const [items, versions, links, logs] = [
        await tx.select().from(planItems).where(and(inPlans(planItems.planId), scope(planItems.clinicId))).orderBy(asc(planItems.position)),
        await tx
          .select({ planId: planVersions.planId, version: planVersions.version, issuedAt: planVersions.issuedAt, issuedBy: users.name, snapshot: planVersions.snapshot })
          .from(planVersions)
          .leftJoin(users, eq(users.id, planVersions.issuedBy))
          .where(and(inPlans(planVersions.planId), scope(planVersions.clinicId)))
          .orderBy(asc(planVersions.version)),
        await tx
          .select({ planId: shareLinks.planId, createdAt: shareLinks.createdAt, expiresAt: shareLinks.expiresAt, revokedAt: shareLinks.revokedAt, lastOpenedAt: shareLinks.lastOpenedAt })
          .from(shareLinks)
          .where(and(inPlans(shareLinks.planId), scope(shareLinks.clinicId)))
          .orderBy(asc(shareLinks.createdAt)),
        await tx.select().from(sessionLogs).where(and(inPlans(sessionLogs.planId), scope(sessionLogs.clinicId))).orderBy(asc(sessionLogs.loggedOn), asc(sessionLogs.createdAt)),
      ];
      const measures = await tx
        .select({ id: outcomeMeasures.id, planId: outcomeMeasures.planId, kind: outcomeMeasures.kind, recordedOn: outcomeMeasures.recordedOn, source: outcomeMeasures.source, recordedBy: users.name, createdAt: outcomeMeasures.createdAt })
        .from(outcomeMeasures)
        .leftJoin(users, eq(users.id, outcomeMeasures.recordedBy))
        .where(and(inPlans(outcomeMeasures.planId), scope(outcomeMeasures.clinicId)))
        .orderBy(asc(outcomeMeasures.recordedOn), asc(outcomeMeasures.createdAt));
      const scores = await tx
        .select({ measureId: outcomeScores.measureId, activity: psfsActivities.name, position: psfsActivities.position, score: outcomeScores.score })
        .from(outcomeScores)
        .innerJoin(psfsActivities, eq(psfsActivities.id, outcomeScores.activityId))
        .where(and(inPlans(psfsActivities.planId), scope(outcomeScores.clinicId)))
        .orderBy(asc(psfsActivities.position));
      const sessionIds = logs.map((log) => log.id);
      const audit = await tx
        .select({ at: auditEvents.createdAt, action: auditEvents.action, entityType: auditEvents.entityType, entityId: auditEvents.entityId, by: users.name, detail: auditEvents.detail })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(
          and(
            eq(auditEvents.clinicId, actor.clinicId),
            or(inArray(auditEvents.entityId, [patientId, ...planIds, ...sessionIds, ...measures.map((m) => m.id)]), sql`${auditEvents.detail}->>'patientId' = ${patientId}`),
          ),
        )
        .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));

      const document: PatientExport = {
        format: patientExportFormat,
        exportedAt: new Date().toISOString(),
        exportedBy: { id: actor.userId, name: actor.name },
        clinic: { id: actor.clinicId, name: row.clinicName },
        patient: { ...omit(row.patient, ["clinicId", "clinicianId"]), responsibleClinician: row.clinicianName },
        plans: planRows.map((plan) => ({
          ...omit(plan, ["clinicId", "createdBy"]),
          items: items.filter((i) => i.planId === plan.id).map((item) => omit(item, ["clinicId", "planId"])),
          versions: versions.filter((v) => v.planId === plan.id).map((version) => omit(version, ["planId"])),
          shareLinks: links.filter((l) => l.planId === plan.id).map((link) => omit(link, ["planId"])),
          sessionLogs: logs.filter((s) => s.planId === plan.id).map((log) => omit(log, ["clinicId", "planId", "clientKey"])),
          outcomeMeasures: measures
            .filter((m) => m.planId === plan.id)
            .map((measure) => ({ ...omit(measure, ["planId"]), scores: scores.filter((s) => s.measureId === measure.id).map(({ activity, score }) => ({ activity, score })) })),
        })),
        audit,
      };
      await recordAuditBy(tx, actor, { action: "patient.exported", entityType: "patient", entityId: patientId, detail: { plans: planRows.length } });
      return document;
    },
    { isolationLevel: "repeatable read" },
  );
}
