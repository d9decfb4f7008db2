import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, shareLinks, users } from "@/db/schema";
import { listPatientsNeedingAttention } from "@/lib/adherence/summary";
import type { Actor } from "@/lib/auth/actor";
import { UserError } from "@/lib/errors";
import { ensureShareLink, getShareLink, resolveShareToken, resolveShareTokenForPage } from "@/lib/sharing/links";
import { createTestClinic } from "@/lib/testing/fixtures";
import { emailPlanLink } from "@/lib/email/plan-link";
import { erasePatient } from "./erase-patient";
import { exportPatient, patientExportFormat } from "./export-patient";
import { getPatient, setPatientArchived } from "./patients";
import { createPatientWithData, publicTables, rowsMentioning } from "./testing";

async function clinicianOf(admin: Actor): Promise<Actor> {
  const suffix = crypto.randomBytes(4).toString("hex");
  const [user] = await db
    .insert(users)
    .values({ clinicId: admin.clinicId, email: `colleague-${suffix}@example.test`, name: `Sam Colleague ${suffix}`, role: "clinician", passwordHash: "x" })
    .returning();
  return { ...admin, userId: user.id, role: "clinician", name: user.name, email: user.email };
}

describe("archiving a patient", () => {
  it("ends their links and alerts; restoring brings no link back until the clinician creates one", async () => {
    const { actor } = await createTestClinic();
    const data = await createPatientWithData(actor);
    expect(await resolveShareToken(data.token)).not.toBeNull();
    // The session logged at pain 8 raises a pain alert.
    expect((await listPatientsNeedingAttention(actor)).map((a) => a.patientId)).toContain(data.patient.id);

    await setPatientArchived(actor, { patientId: data.patient.id, archived: true });
    expect(await resolveShareToken(data.token)).toBeNull();
    expect(await resolveShareTokenForPage(data.token)).toBeNull();
    expect(await getShareLink(actor, { planId: data.plan.id })).toBeNull();
    expect((await listPatientsNeedingAttention(actor)).map((a) => a.patientId)).not.toContain(data.patient.id);
    const [archived] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, data.patient.id), eq(auditEvents.action, "patient.archived")));
    expect(archived.detail).toEqual({ linksEnded: 1 });
    // No new link while archived.
    await expect(ensureShareLink(actor, { planId: data.plan.id })).rejects.toBeInstanceOf(UserError);

    await setPatientArchived(actor, { patientId: data.patient.id, archived: false });
    expect(await resolveShareToken(data.token)).toBeNull();
    expect(await getShareLink(actor, { planId: data.plan.id })).toBeNull();

    const fresh = await ensureShareLink(actor, { planId: data.plan.id });
    expect(fresh?.token).toBeTruthy();
    expect(fresh?.token).not.toBe(data.token);
    expect(await resolveShareToken(fresh!.token!)).not.toBeNull();
    expect(await resolveShareToken(data.token)).toBeNull();
  });

  it("answers 404 for a link whose patient was archived behind the app's back", async () => {
    const { actor } = await createTestClinic();
    const data = await createPatientWithData(actor);
    // Even with the link row still live, an archived patient's plan is not served.
    await db.execute(`update patients set archived = true where id = '${data.patient.id}'`);
    expect(await db.select().from(shareLinks).where(eq(shareLinks.planId, data.plan.id))).toHaveLength(1);
    expect(await resolveShareToken(data.token)).toBeNull();
  });
});

describe("erasing a patient", () => {
  it("is refused to a clinician and to another clinic's admin: nothing is deleted", async () => {
    const { actor: admin } = await createTestClinic();
    const clinician = await clinicianOf(admin);
    const other = await createTestClinic();
    const data = await createPatientWithData(admin);
    const name = data.patient.fullName;
    expect(await erasePatient(clinician, { patientId: data.patient.id, confirmation: name })).toBeNull();
    expect(await erasePatient(other.actor, { patientId: data.patient.id, confirmation: name })).toBeNull();
    expect(await erasePatient(admin, { patientId: "not-a-uuid", confirmation: name })).toBeNull();
    expect(await exportPatient(clinician, { patientId: data.patient.id })).toBeNull();
    expect(await exportPatient(other.actor, { patientId: data.patient.id })).toBeNull();
    expect(await getPatient(admin, { patientId: data.patient.id })).not.toBeNull();
    expect(await resolveShareToken(data.token)).not.toBeNull();
  });

  it("needs the patient's name typed: a wrong one deletes nothing", async () => {
    const { actor } = await createTestClinic();
    const data = await createPatientWithData(actor);
    const before = await rowsMentioning([data.patient.id, data.plan.id]);
    const attempt = erasePatient(actor, { patientId: data.patient.id, confirmation: "Someone Else" });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(erasePatient(actor, { patientId: data.patient.id, confirmation: "" })).rejects.toMatchObject({ fieldErrors: { confirmation: expect.any(Array) } });
    expect(await rowsMentioning([data.patient.id, data.plan.id])).toEqual(before);
  });

  it("leaves no row of the patient in any table, only an audit stub without personal data; another patient is untouched", async () => {
    const { actor } = await createTestClinic();
    const data = await createPatientWithData(actor);
    const kept = await createPatientWithData(actor);
    // The plan's link emailed to the patient: the outbox then holds their address.
    expect(await emailPlanLink(actor, { planId: data.plan.id, consent: true })).not.toBeNull();
    const sessionIds = (await db.execute<{ id: string }>(`select id from session_logs where plan_id = '${data.plan.id}'`)).map((r) => r.id);
    expect(sessionIds).toHaveLength(1);
    const needles = [data.patient.id, data.plan.id, data.versionId, data.link.id, ...sessionIds, data.tag, data.email];
    const keptNeedles = [kept.patient.id, kept.plan.id, kept.versionId, kept.link.id, kept.tag];

    const before = await rowsMentioning(needles);
    // Sanity: the data really is spread over every table a patient reaches.
    for (const table of ["patients", "plans", "plan_items", "plan_versions", "handout_files", "share_links", "session_logs", "audit_events", "rate_limit_events", "outbound_emails"]) {
      expect(before[table], table).toBeGreaterThan(0);
    }
    const keptBefore = await rowsMentioning(keptNeedles);

    const counts = await erasePatient(actor, { patientId: data.patient.id, confirmation: ` ${data.patient.fullName.toUpperCase()} ` });
    expect(counts).toMatchObject({ plans: 1, planItems: 1, planVersions: 1, handoutFiles: 1, shareLinks: 1, sessionLogs: 1 });
    expect(counts!.auditEvents).toBeGreaterThanOrEqual(5);

    // Only the stub mentions the patient, and only by the record's random id.
    expect(await rowsMentioning(needles)).toEqual({ audit_events: 1 });
    const stubs = await db.select().from(auditEvents).where(eq(auditEvents.entityId, data.patient.id));
    expect(stubs).toHaveLength(1);
    expect(stubs[0]).toMatchObject({ action: "patient.erased", entityType: "patient", actorId: actor.userId, clinicId: actor.clinicId });
    const stubText = JSON.stringify(stubs[0].detail);
    for (const personal of [data.patient.firstName, data.patient.lastName, data.email, data.tag, "Comment"]) expect(stubText).not.toContain(personal);
    expect(await rowsMentioning([data.patient.firstName, data.patient.lastName])).toEqual({});

    expect(await resolveShareToken(data.token)).toBeNull();
    expect(await getPatient(actor, { patientId: data.patient.id })).toBeNull();
    expect(await rowsMentioning(keptNeedles)).toEqual(keptBefore);
    expect(await resolveShareToken(kept.token)).not.toBeNull();
    // Every table was looked at, including ones added after this test was written.
    expect((await publicTables()).length).toBeGreaterThanOrEqual(15);
  });
});

describe("exporting a patient's data", () => {
  it("gives the record, plans, versions, session logs and audit trail as JSON, and records the export", async () => {
    const { actor } = await createTestClinic();
    const data = await createPatientWithData(actor);
    const other = await createPatientWithData(actor);
    const exported = await exportPatient(actor, { patientId: data.patient.id });
    expect(exported).not.toBeNull();
    const json = JSON.parse(JSON.stringify(exported));
    expect(json.format).toBe(patientExportFormat);
    expect(json.patient).toMatchObject({ id: data.patient.id, firstName: data.patient.firstName, email: data.email, notes: `Notes about ${data.tag}`, responsibleClinician: actor.name });
    expect(json.plans).toHaveLength(1);
    const [plan] = json.plans;
    expect(plan).toMatchObject({ id: data.plan.id, title: `Knee plan ${data.tag}` });
    expect(plan.items).toEqual([expect.objectContaining({ note: `Item note ${data.tag}` })]);
    expect(plan.versions).toEqual([expect.objectContaining({ version: 1, snapshot: expect.objectContaining({ patient: { displayName: data.patient.fullName } }) })]);
    expect(plan.sessionLogs).toEqual([expect.objectContaining({ pain: 8, comment: `Comment ${data.tag}` })]);
    expect(plan.shareLinks).toHaveLength(1);
    expect(plan.outcomeMeasures).toEqual([expect.objectContaining({ kind: "psfs", source: "clinician", recordedBy: actor.name, scores: [{ activity: `Gardening ${data.tag}`, score: 4 }] })]);
    // Never the token, its hash or its sealed form.
    const text = JSON.stringify(json);
    expect(text).not.toContain(data.token);
    expect(text).not.toMatch(/tokenHash|tokenCiphertext/);
    expect(json.audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["patient.created", "plan.created", "share-link.created", "session.logged", "outcome.recorded", "patient.viewed"]));
    // Nothing of another patient.
    expect(text).not.toContain(other.patient.id);
    expect(text).not.toContain(other.tag);

    const recorded = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, data.patient.id), eq(auditEvents.action, "patient.exported")));
    expect(recorded).toHaveLength(1);
    expect(recorded[0].actorId).toBe(actor.userId);
  });
});
