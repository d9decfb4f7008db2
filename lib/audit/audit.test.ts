import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, clinics, users } from "@/db/schema";
import { erasePatient } from "@/lib/patients/erase-patient";
import { createPatientWithData } from "@/lib/patients/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { recordRead } from "./reads";

/** The Postgres error under drizzle's wrapper (drizzle 0.45 puts the driver's error in `cause`). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return "not refused";
}

describe("the audit trail is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE through the app's own connection", async () => {
    const { actor } = await createTestClinic();
    const data = await createPatientWithData(actor);
    const about = and(eq(auditEvents.clinicId, actor.clinicId), eq(auditEvents.entityId, data.patient.id));
    const before = await db.select().from(auditEvents).where(about);
    expect(before.length).toBeGreaterThan(0);

    expect(await refusal(db.update(auditEvents).set({ action: "patient.viewed" }).where(about))).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(db.update(auditEvents).set({ actorId: null }).where(about))).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(db.delete(auditEvents).where(about))).toMatch(/append-only: DELETE refused/);
    expect(await refusal(db.execute(sql`truncate audit_events`))).toMatch(/TRUNCATE refused/);
    // A transaction that sets anything else than the erase flag gets no further.
    expect(
      await refusal(
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('physioplan.audit_erase', 'yes', true)`);
          await tx.delete(auditEvents).where(about);
        }),
      ),
    ).toMatch(/DELETE refused/);
    // The flag is transaction-local: the erase path's setting does not leak into the next statement.
    await erasePatient(actor, { patientId: (await createPatientWithData(actor)).patient.id, confirmation: "x" }).catch(() => undefined);
    expect(await refusal(db.delete(auditEvents).where(about))).toMatch(/DELETE refused/);

    expect(await db.select().from(auditEvents).where(about)).toEqual(before);
  });

  it("lets the erase path delete that patient's events, and only those", async () => {
    const { actor } = await createTestClinic();
    const erased = await createPatientWithData(actor);
    const kept = await createPatientWithData(actor);
    const keptEvents = await db.select().from(auditEvents).where(eq(auditEvents.entityId, kept.patient.id));
    await erasePatient(actor, { patientId: erased.patient.id, confirmation: erased.patient.fullName });
    const left = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, erased.patient.id));
    expect(left).toEqual([{ action: "patient.erased" }]);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.entityId, kept.patient.id))).toEqual(keptEvents);
  });

  it("still lets a deleted user's events lose the user, and a deleted clinic take its trail with it", async () => {
    const { actor } = await createTestClinic();
    const suffix = crypto.randomBytes(4).toString("hex");
    const [leaver] = await db.insert(users).values({ clinicId: actor.clinicId, email: `leaver-${suffix}@example.test`, name: "Leaver", passwordHash: "x" }).returning();
    const data = await createPatientWithData({ ...actor, userId: leaver.id, role: "clinician" });
    await db.delete(users).where(eq(users.id, leaver.id));
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, data.patient.id));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.actorId === null)).toBe(true);

    await db.delete(clinics).where(eq(clinics.id, actor.clinicId));
    expect(await db.select().from(auditEvents).where(eq(auditEvents.clinicId, actor.clinicId))).toEqual([]);
  });
});

describe("reads are recorded", () => {
  it("writes a read event only for the actor's own clinic's records", async () => {
    const { actor } = await createTestClinic();
    const other = await createTestClinic();
    const data = await createPatientWithData(actor);
    expect(await recordRead(actor, { action: "handout.downloaded", entityId: data.plan.id, detail: { version: 1, variant: "a4" } })).toBe(true);
    expect(await recordRead(actor, { action: "share-link.copied", entityId: data.plan.id })).toBe(true);
    expect(await recordRead(other.actor, { action: "patient.viewed", entityId: data.patient.id })).toBe(false);
    expect(await recordRead(other.actor, { action: "share-link.copied", entityId: data.plan.id })).toBe(false);
    expect(await recordRead(actor, { action: "plan.viewed", entityId: data.patient.id })).toBe(false);
    expect(await recordRead(actor, { action: "patient.viewed", entityId: "../../x" })).toBe(false);
    const rows = await db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, data.plan.id), eq(auditEvents.clinicId, actor.clinicId)));
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: "handout.downloaded", actorId: actor.userId, detail: { version: 1, variant: "a4" } },
        { action: "share-link.copied", actorId: actor.userId, detail: null },
      ]),
    );
    expect(await db.select().from(auditEvents).where(eq(auditEvents.clinicId, other.actor.clinicId))).toEqual([]);
  });
});
