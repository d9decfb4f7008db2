// The append-only audit trail: who did what to which record, and when.
import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditAction =
  | "patient.created"
  | "patient.updated"
  | "patient.archived"
  | "plan.created"
  | "plan.saved"
  | "plan.issued"
  | "plan.archived"
  | "exercise.created"
  | "exercise.updated"
  | "exercise.archived"
  | "template.created"
  | "template.archived"
  | "share-link.created"
  | "share-link.revoked"
  | "share-link.replaced"
  | "share-link.expiry-set"
  | "session.logged"
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
  | "plan-link.emailed";

/** Records one event in the same transaction as the change it describes. */
export async function recordAudit(
  executor: Executor,
  event: { clinicId: string; actorId: string | null; action: AuditAction; entityType: string; entityId: string | null; detail?: Record<string, unknown> },
) {
  await executor.insert(auditEvents).values({ ...event, detail: event.detail ?? null });
}
