// The clinic's country decides the safety wording a patient reads: issued through the real plan
// flow, read back from the snapshot, the patient page and the handout PDF (pdftotext), and frozen
// once issued.
import { and, eq, isNull } from "drizzle-orm";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { exercises, planVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Dose } from "@/lib/catalogue/dose";
import { prepareLogo } from "@/lib/clinic/logo";
import { clinicSettingsSchema } from "@/lib/clinic/schema";
import { getClinicSettings, updateClinicSettings } from "@/lib/clinic/settings";
import { flat, pdfImageCount, pdfInfo, pdfText } from "@/lib/handout/pdf-tools";
import { createPatient } from "@/lib/patients/patients";
import { clinicChangesSinceIssue } from "@/lib/plans/clinic-changes";
import { issuePlan } from "@/lib/plans/issue-plan";
import { createPlan } from "@/lib/plans/plans";
import { savePlan } from "@/lib/plans/save-plan";
import { planSnapshotSchema } from "@/lib/plans/snapshot";
import { ensureShareLink } from "@/lib/sharing/links";
import { createTestClinic } from "@/lib/testing/fixtures";
import { GET as getHandout } from "./handout.pdf/route";
import { GET as getPage } from "./route";

const origin = "http://physioplan.test";

function settings(overrides: Record<string, string>) {
  return clinicSettingsSchema.parse({
    name: "Harbour Physio",
    phone: "+1 415 555 0100",
    email: "hello@harbour.example",
    website: "www.harbour.example",
    address: "1 Pier Street, San Francisco, CA",
    accentColour: "#1d4ed8",
    country: "US",
    timeZone: "America/Los_Angeles",
    paperSize: "LETTER",
    ...overrides,
  });
}

/** A plan for a patient with back and knee conditions, issued through savePlan and issuePlan. */
async function issueAPlan(actor: Actor) {
  const patient = await createPatient(actor, {
    firstName: "Jordan",
    lastName: "Reyes",
    email: null,
    phone: null,
    birthYear: 1970,
    conditions: ["sciatica", "knee-oa"],
    notes: null,
    clinicianId: actor.userId,
  });
  const plan = (await createPlan(actor, { patientId: patient.id, title: "Back and knee plan" }))!;
  const [bridge] = await db.select().from(exercises).where(and(isNull(exercises.clinicId), eq(exercises.slug, "glute-bridge")));
  const saved = await savePlan(actor, {
    planId: plan.id,
    revision: plan.revision,
    draft: { title: "Back and knee plan", conditions: ["sciatica", "knee-oa"], notes: null, startDate: null, reviewDate: null, items: [{ exerciseId: bridge.id, dose: bridge.defaultDose as Dose, note: null }] },
  });
  expect(saved?.status).toBe("saved");
  const issued = await issuePlan(actor, { planId: plan.id, revision: saved!.status === "saved" ? saved!.revision : 0 });
  expect(issued?.status).toBe("issued");
  const link = await ensureShareLink(actor, { planId: plan.id });
  return { planId: plan.id, token: link!.token! };
}

async function snapshotOf(planId: string, version: number) {
  const [row] = await db.select({ snapshot: planVersions.snapshot }).from(planVersions).where(and(eq(planVersions.planId, planId), eq(planVersions.version, version)));
  return planSnapshotSchema.parse(row.snapshot);
}

async function patientPage(token: string) {
  const response = await getPage(new NextRequest(`${origin}/p/${token}`), { params: Promise.resolve({ token }) });
  expect(response.status).toBe(200);
  return response.text();
}

async function handout(token: string, query = "") {
  const response = await getHandout(new NextRequest(`${origin}/p/${token}/handout.pdf${query}`), { params: Promise.resolve({ token }) });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

// Handout renders (the render pool's first start among them) are slow on a busy 2-core machine.
describe("a clinic's country on what its patients read", { timeout: 120_000 }, () => {
  it("a US clinic's issued plan says 911 and never 999 or NHS 111, shows its logo and prints on Letter", async () => {
    const { actor } = await createTestClinic();
    const png = await sharp({ create: { width: 300, height: 100, channels: 4, background: "#1d4ed8" } }).png().toBuffer();
    const updated = await updateClinicSettings(actor, settings({}), await prepareLogo(png));
    expect(updated).toMatchObject({ country: "US", paperSize: "LETTER", logoMimeType: "image/png" });
    const { planId, token } = await issueAPlan(actor);

    const snapshot = await snapshotOf(planId, 1);
    expect(snapshot.clinic).toMatchObject({ country: "US", paperSize: "LETTER", timeZone: "America/Los_Angeles", safetyWording: { emergencyNumber: "911" } });
    expect(snapshot.clinic.logo?.mimeType).toBe("image/png");
    const stored = JSON.stringify({ safety: snapshot.safety, conditions: snapshot.conditions, general: snapshot.generalEducation });
    expect(stored).toContain("call 911 or go to the emergency room straight away");
    expect(stored).toContain("your primary care provider");
    expect(stored).not.toMatch(/\b999\b|NHS|A&E|\bGP\b/);

    const page = await patientPage(token);
    expect(page).toContain("call 911 or go to the emergency room straight away");
    expect(page).toContain("Contact your primary care provider or go to an urgent care clinic today");
    expect(page).not.toMatch(/\b999\b|NHS 111|A&amp;E|A&E/);
    expect(page).toContain(`src="data:image/png;base64,${snapshot.clinic.logo!.base64}"`);

    const pdf = await handout(token);
    expect(pdfInfo(pdf).pageSize).toMatch(/\(letter\)/);
    const text = flat(pdfText(pdf));
    expect(text).toContain("call 911 or go to the emergency room straight away");
    expect(text).toMatch(/See your primary care provider or physiotherapist/i);
    expect(text).not.toMatch(/\b999\b|NHS 111|A&E/);
    expect(pdfImageCount(pdf)).toBeGreaterThanOrEqual(1);
    // Asking for A4 still works.
    expect(pdfInfo(await handout(token, "?paper=a4")).pageSize).toMatch(/\(A4\)/);
  });

  it("a UK clinic's (the default) says 999, A&E and NHS 111 on A4", async () => {
    const { actor } = await createTestClinic();
    const { planId, token } = await issueAPlan(actor);
    const snapshot = await snapshotOf(planId, 1);
    expect(snapshot.clinic).toMatchObject({ country: "GB", paperSize: "A4", safetyWording: { emergencyNumber: "999" } });
    const page = await patientPage(token);
    expect(page).toContain("call 999 or go to A&amp;E straight away");
    expect(page).toContain("call NHS 111");
    expect(page).not.toMatch(/911/);
    const pdf = await handout(token);
    expect(pdfInfo(pdf).pageSize).toMatch(/\(A4\)/);
    const text = flat(pdfText(pdf));
    expect(text).toContain("call 999 or go to A&E straight away");
    expect(text).toContain("NHS 111");
    expect(text).not.toMatch(/911/);
    // No logo set: no image in the PDF (so the US handout's image is its logo).
    expect(pdfImageCount(pdf)).toBe(0);
  });

  it("an issued version keeps its wording; the plan says what a re-issue would change, and re-issuing brings it", async () => {
    const { actor } = await createTestClinic();
    await updateClinicSettings(actor, settings({}));
    const { planId, token } = await issueAPlan(actor);
    expect(await clinicChangesSinceIssue(actor, { planId })).toEqual({ version: 1, changes: [] });
    // Nothing changed: issuing again is refused.
    await expect(issuePlan(actor, { planId, revision: 2 })).rejects.toThrow(/already issued/);

    await updateClinicSettings(actor, settings({ country: "CA", timeZone: "America/Toronto" }));
    const pending = await clinicChangesSinceIssue(actor, { planId });
    expect(pending?.changes).toEqual(["Safety wording (Canada: emergency 911, urgent advice 811, family doctor)", "Time zone (America/Toronto)"]);
    // Version 1 is as issued, on the page and in its snapshot.
    expect((await snapshotOf(planId, 1)).safety.sameDay.intro).toContain("go to an urgent care clinic");
    expect(await patientPage(token)).toContain("go to an urgent care clinic");

    expect(await issuePlan(actor, { planId, revision: 2 })).toMatchObject({ status: "issued", version: 2 });
    const v2 = await snapshotOf(planId, 2);
    expect(v2.safety.sameDay.intro).toBe("Contact your family doctor or call 811 today if you notice any of these.");
    expect(v2.safety.urgent.intro).toContain("call 911 or go to the emergency department");
    expect((await snapshotOf(planId, 1)).safety.sameDay.intro).toContain("go to an urgent care clinic");
    expect(await clinicChangesSinceIssue(actor, { planId })).toEqual({ version: 2, changes: [] });
    expect(await patientPage(token)).toContain("call 811");
  });

  it("'other' issues what the admin typed", async () => {
    const { actor } = await createTestClinic();
    await updateClinicSettings(actor, settings({ country: "other", timeZone: "Europe/Berlin", paperSize: "A4", safetyEmergencyNumber: "112", safetyUrgentAdvice: "the on-call doctor on 116 117", safetyFamilyDoctor: "family doctor" }));
    const { planId } = await issueAPlan(actor);
    const snapshot = await snapshotOf(planId, 1);
    expect(snapshot.safety.urgent.intro).toContain("call 112 or go to the emergency department straight away");
    expect(snapshot.safety.sameDay.intro).toBe("Contact your family doctor or contact the on-call doctor on 116 117 today if you notice any of these.");
  });

  it("a clinician can neither read nor change the settings", async () => {
    const { actor } = await createTestClinic();
    const clinician: Actor = { ...actor, role: "clinician" };
    expect(await getClinicSettings(clinician)).toBeNull();
    expect(await updateClinicSettings(clinician, settings({ name: "Taken over" }))).toBeNull();
    expect(await getClinicSettings(actor)).toMatchObject({ country: "GB", name: actor.clinicName });
  });
});
