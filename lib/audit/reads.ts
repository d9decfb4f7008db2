// Reads of patient data, recorded like changes: who opened a patient's record or plan, downloaded a
// handout, or copied a patient's link. Each event is written only when the record is the actor's
// clinic's, so a forged id (an action is a public POST) records nothing and tells nothing.
import "server-only";
import { sql } from "drizzle-orm";
import { db as defaultDb, type Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { AuditAction } from "./record";
import { isUuid } from "@/lib/ids";

export type ReadAction = Extract<AuditAction, "patient.viewed" | "plan.viewed" | "handout.downloaded" | "share-link.copied">;

const entityOf: Record<ReadAction, "patient" | "plan"> = {
  "patient.viewed": "patient",
  "plan.viewed": "plan",
  "handout.downloaded": "plan",
  "share-link.copied": "plan",
};

/**
 * Records that the actor read a patient's record or one of their plans. Returns false (and writes
 * nothing) when the record is not the actor's clinic's.
 */
export async function recordRead(
  actor: Actor,
  event: { action: ReadAction; entityId: string; detail?: Record<string, unknown> },
  executor: Executor = defaultDb,
): Promise<boolean> {
  if (!isUuid(event.entityId)) return false;
  const entityType = entityOf[event.action];
  const owned =
    entityType === "patient"
      ? sql`select 1 from patients where id = ${event.entityId} and clinic_id = ${actor.clinicId}`
      : sql`select 1 from plans where id = ${event.entityId} and clinic_id = ${actor.clinicId}`;
  const rows = await executor.execute(sql`
    insert into audit_events (clinic_id, actor_id, action, entity_type, entity_id, detail)
    select ${actor.clinicId}, ${actor.userId}, ${event.action}, ${entityType}, ${event.entityId}, ${event.detail ? JSON.stringify(event.detail) : null}::jsonb
    where exists (${owned})
    returning id`);
  return rows.length === 1;
}
