// A clinician acknowledges an alert: it stays quiet until newer data arrives (summary.ts reads the
// acknowledgement). One row per plan and alert kind, overwritten each time; the audit trail keeps
// every acknowledgement, with who and when.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db as defaultDb, type Executor } from "@/db/client";
import { alertAcknowledgements, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditBy } from "@/lib/audit/record";
import { clinicOwns } from "@/lib/clinic/owns";
import { isUuid } from "@/lib/ids";
import type { AlertKind } from "./alerts";

/** Acknowledges the plan's alert of `kind` now. Null when the plan is not the actor's clinic's. */
export async function acknowledgeAlert(actor: Actor, { planId, kind }: { planId: string; kind: AlertKind }): Promise<{ acknowledgedAt: Date } | null> {
  if (!isUuid(planId)) return null;
  return defaultDb.transaction(async (tx) => {
    if (!(await clinicOwns(tx, actor, "plan", planId))) return null;
    const acknowledgedAt = new Date();
    await tx
      .insert(alertAcknowledgements)
      .values({ clinicId: actor.clinicId, planId, kind, acknowledgedBy: actor.userId, acknowledgedAt })
      .onConflictDoUpdate({
        target: [alertAcknowledgements.planId, alertAcknowledgements.kind],
        set: { acknowledgedBy: actor.userId, acknowledgedAt },
      });
    await recordAuditBy(tx, actor, { action: "alert.acknowledged", entityType: "plan", entityId: planId, detail: { kind } });
    return { acknowledgedAt };
  });
}

export type AlertAcknowledgementView = { kind: AlertKind; byName: string | null; at: Date };

/** Who last acknowledged each kind of alert on a plan, newest first (for the plan page). */
export async function listAlertAcknowledgements(actor: Actor, { planId }: { planId: string }, executor: Executor = defaultDb): Promise<AlertAcknowledgementView[]> {
  if (!isUuid(planId)) return [];
  return executor
    .select({ kind: alertAcknowledgements.kind, byName: users.name, at: alertAcknowledgements.acknowledgedAt })
    .from(alertAcknowledgements)
    .leftJoin(users, eq(users.id, alertAcknowledgements.acknowledgedBy))
    .where(and(eq(alertAcknowledgements.planId, planId), eq(alertAcknowledgements.clinicId, actor.clinicId)))
    .orderBy(desc(alertAcknowledgements.acknowledgedAt));
}
