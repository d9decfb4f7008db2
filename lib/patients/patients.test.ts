import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, patients, users } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { createTestClinic } from "@/lib/testing/fixtures";
import {
  createPatient,
  getPatient,
  listClinicians,
  listPatientActivity,
  listPatients,
  setPatientArchived,
  updatePatient,
} from "./patients";
import { patientInputSchema, patientListQuerySchema, type PatientInput } from "./schema";

function input(actorUserId: string, overrides: Partial<PatientInput> = {}): PatientInput {
  return {
    firstName: "Margaret",
    lastName: "Ellison",
    email: null,
    phone: null,
    birthYear: 1958,
    conditions: ["stenosis"],
    notes: null,
    clinicianId: actorUserId,
    ...overrides,
  };
}

const query = (overrides: Record<string, string> = {}) => patientListQuerySchema.parse(overrides);

describe("patient input", () => {
  it("accepts a minimal patient and normalises empty optional fields to null", () => {
    const parsed = patientInputSchema.parse({ firstName: " Ann ", lastName: "Lee", email: "", phone: "", birthYear: "", clinicianId: crypto.randomUUID() });
    expect(parsed).toMatchObject({ firstName: "Ann", email: null, phone: null, birthYear: null, conditions: [], notes: null });
  });

  it("refuses a bad email, a birth year out of range and an unknown condition, each at its field", () => {
    const result = patientInputSchema.safeParse({
      firstName: "",
      lastName: "Lee",
      email: "not-an-email",
      birthYear: String(new Date().getFullYear() + 1),
      conditions: ["stenosis", "gout"],
      clinicianId: crypto.randomUUID(),
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => String(i.path[0]));
    expect(paths).toEqual(expect.arrayContaining(["firstName", "email", "birthYear", "conditions"]));
    expect(patientInputSchema.safeParse({ firstName: "A", lastName: "B", birthYear: "1899", clinicianId: crypto.randomUUID() }).success).toBe(false);
  });
});

describe("patients", () => {
  it("creates, reads, edits and archives a patient, recording each in the audit trail", async () => {
    const { actor } = await createTestClinic();
    const patient = await createPatient(actor, input(actor.userId, { email: "m.ellison@example.test" }));
    expect(patient.fullName).toBe("Margaret Ellison");

    const read = await getPatient(actor, { patientId: patient.id });
    expect(read).toMatchObject({ firstName: "Margaret", conditions: ["stenosis"], clinicianName: actor.name });

    const updated = await updatePatient(actor, { patientId: patient.id, ...input(actor.userId, { lastName: "Ellis", conditions: ["stenosis", "knee-oa"] }) });
    expect(updated?.fullName).toBe("Margaret Ellis");

    await setPatientArchived(actor, { patientId: patient.id, archived: true });
    expect((await listPatients(actor, query())).items.map((p) => p.id)).not.toContain(patient.id);
    expect((await listPatients(actor, query({ archived: "1" }))).items.map((p) => p.id)).toContain(patient.id);

    const activity = await listPatientActivity(actor, { patientId: patient.id });
    expect(activity?.map((a) => a.action)).toEqual(["patient.archived", "patient.updated", "patient.created"]);
    expect(activity?.[0].actorName).toBe(actor.name);
  });

  it("refuses a responsible clinician from another clinic", async () => {
    const { actor } = await createTestClinic();
    const other = await createTestClinic();
    await expect(createPatient(actor, input(other.actor.userId))).rejects.toBeInstanceOf(UserError);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(patients).where(eq(patients.clinicId, actor.clinicId));
    expect(n).toBe(0);
  });

  it("lists only the clinic's active clinicians", async () => {
    const { actor, clinic } = await createTestClinic();
    await db.insert(users).values({ clinicId: clinic.id, email: `gone-${crypto.randomUUID()}@example.test`, name: "Gone Away", passwordHash: "x", active: false });
    const other = await createTestClinic();
    const names = (await listClinicians(actor)).map((c) => c.name);
    expect(names).toEqual([actor.name]);
    expect(names).not.toContain(other.actor.name);
  });

  it("searches by any part of the name, tolerates a typo, sorts and pages 25 at a time", async () => {
    const { actor } = await createTestClinic();
    const rows = Array.from({ length: 30 }, (_, i) => ({
      clinicId: actor.clinicId,
      firstName: `Person${String(i).padStart(2, "0")}`,
      lastName: i % 2 ? "Thompson" : "Walker",
    }));
    await db.insert(patients).values([...rows, { clinicId: actor.clinicId, firstName: "Jonathan", lastName: "Pryce" }]);

    const first = await listPatients(actor, query());
    expect(first.total).toBe(31);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(25);
    expect(first.items[0].lastName).toBe("Pryce");
    const second = await listPatients(actor, query({ page: "2" }));
    expect(second.items).toHaveLength(6);
    expect(second.items.every((p) => p.lastName === "Walker")).toBe(true);

    const partial = await listPatients(actor, query({ q: "homps" }));
    expect(partial.total).toBe(15);
    expect(partial.fuzzy).toBe(false);

    const typo = await listPatients(actor, query({ q: "Jonatan Pryse" }));
    expect(typo.fuzzy).toBe(true);
    expect(typo.items[0]?.fullName).toBe("Jonathan Pryce");

    const wordsAnyOrder = await listPatients(actor, query({ q: "pryce jon" }));
    expect(wordsAnyOrder).toMatchObject({ total: 1, fuzzy: false });

    const oneWordTypo = await listPatients(actor, query({ q: "Pryse" }));
    expect(oneWordTypo.fuzzy).toBe(true);
    expect(oneWordTypo.items.map((p) => p.fullName)).toEqual(["Jonathan Pryce"]);

    const wildcard = await listPatients(actor, query({ q: "%" }));
    expect(wildcard.total).toBe(0);
  });

  it("sorts by last updated, newest first", async () => {
    const { actor } = await createTestClinic();
    const a = await createPatient(actor, input(actor.userId, { firstName: "Amy", lastName: "Zed" }));
    await createPatient(actor, input(actor.userId, { firstName: "Ben", lastName: "Abel" }));
    await updatePatient(actor, { patientId: a.id, ...input(actor.userId, { firstName: "Amy", lastName: "Zed", notes: "Seen today" }) });
    expect((await listPatients(actor, query({ sort: "updated" }))).items.map((p) => p.firstName)).toEqual(["Amy", "Ben"]);
    expect((await listPatients(actor, query({ sort: "name" }))).items.map((p) => p.firstName)).toEqual(["Ben", "Amy"]);
  });

  it("never shows or changes another clinic's patient", async () => {
    const owner = await createTestClinic();
    const intruder = await createTestClinic();
    const patient = await createPatient(owner.actor, input(owner.actor.userId));
    const before = await db.select().from(patients).where(eq(patients.id, patient.id));
    const { actor } = intruder;

    expect(await getPatient(actor, { patientId: patient.id })).toBeNull();
    expect(await listPatientActivity(actor, { patientId: patient.id })).toBeNull();
    expect((await listPatients(actor, query({ q: "Ellison" }))).items).toEqual([]);
    expect(await updatePatient(actor, { patientId: patient.id, ...input(actor.userId, { firstName: "Hacked" }) })).toBeNull();
    expect(await setPatientArchived(actor, { patientId: patient.id, archived: true })).toBeNull();
    expect(await getPatient(actor, { patientId: "not-a-uuid" })).toBeNull();

    expect(await db.select().from(patients).where(eq(patients.id, patient.id))).toEqual(before);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.clinicId, intruder.clinic.id));
    expect(events).toEqual([]);
  });
});
