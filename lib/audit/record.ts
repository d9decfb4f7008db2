// The append-only audit trail: who did what to which record, and when. Reads of patient data are
// recorded too (lib/audit/reads.ts). The database refuses updates and deletes of these rows
// (db/migrations/0005_audit_append_only.sql) outside the erase path (lib/patients/erase-patient.ts).
import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export type AuditAction =
  | "patient.created"
  | "patient.updated"
  | "patient.archived"
  | "patient.viewed"
  | "patient.exported"
  | "patient.erased"
  | "plan.created"
  | "plan.saved"
  | "plan.issued"
  | "plan.archived"
  | "plan.viewed"
  | "handout.downloaded"
  | "plan.end-date-set"
  | "plan.ended"
  | "plan.reopened"
  | "alert.acknowledged"
  | "exercise.created"
  | "exercise.updated"
  | "exercise.archived"
  | "template.created"
  | "template.archived"
  | "share-link.created"
  | "share-link.revoked"
  | "share-link.replaced"
  | "share-link.expiry-set"
  | "share-link.copied"
  | "session.logged"
  | "outcome.recorded"
  | "outcome.requested"
  | "outcome.request-closed"
  | "clinic.settings-changed"

  | "sign-in.succeeded"
  | "sign-in.failed"
  | "sign-in.locked"
  | "password.changed"
  | "password.reset"
  | "password.reset-requested"
  | "sessions.ended"
  | "user.invited"
  | "user.joined"
  | "user.deactivated"
  | "user.reactivated"
  | "user.role-changed"
  | "invitation.revoked"
  | "patient.email-consent-recorded"
  | "plan-link.emailed"
  | "two-factor.enrolled"
  | "two-factor.removed"
  | "two-factor.reset"
  | "two-factor.failed"
  | "two-factor.recovery-code-used"
  | "clinic.two-factor-required"
  | "clinic.set-up";

type AuditEvent = { clinicId: string; actorId: string | null; action: AuditAction; entityType: string; entityId: string | null; detail?: Record<string, unknown> };

/** Records one event in the same transaction as the change it describes. */
export async function recordAudit(executor: Executor, event: AuditEvent) {
  await executor.insert(auditEvents).values({ ...event, detail: event.detail ?? null });
}

/** Records what a signed-in clinician did, in their clinic. */
export async function recordAuditBy(executor: Executor, actor: Actor, event: Omit<AuditEvent, "clinicId" | "actorId">) {
  await recordAudit(executor, { clinicId: actor.clinicId, actorId: actor.userId, ...event });
}
