import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, exercises, planItems, plans, planVersions, shareLinks, templates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Dose } from "@/lib/catalogue/dose";
import { UserError } from "@/lib/errors";
import { createPatient } from "@/lib/patients/patients";
import { createTestClinic } from "@/lib/testing/fixtures";
import type { PlanDraftInput } from "./draft";
import { createClinicExercise } from "@/lib/catalogue/clinic-exercises";
import { getBuiltInPlanExercise, getPlanExercises } from "./exercises";
import { issuePlan } from "./issue-plan";
import { createPlan, getPlan, listPlansForPatient, listPlanVersions } from "./plans";
import { savePlan } from "./save-plan";
import { planSnapshotSchema } from "./snapshot";
import { archiveTemplate, createTemplate, getTemplate, listTemplates } from "./templates";

async function builtIn(slug: string) {
  const [row] = await db.select({ id: exercises.id, name: exercises.name, defaultDose: exercises.defaultDose }).from(exercises).where(and(isNull(exercises.clinicId), eq(exercises.slug, slug)));
  return { ...row, defaultDose: row.defaultDose as Dose };
}

async function builtInTemplate(slug: string) {
  const [row] = await db.select({ id: templates.id }).from(templates).where(and(isNull(templates.clinicId), eq(templates.slug, slug)));
  return row.id;
}

async function setUp(conditions: PlanDraftInputConditions = ["stenosis"]) {
  const { actor, clinic } = await createTestClinic();
  const patient = await createPatient(actor, {
    firstName: "Margaret",
    lastName: "Ellison",
    email: null,
    phone: null,
    birthYear: 1958,
    conditions,
    notes: null,
    clinicianId: actor.userId,
  });
  const plan = (await createPlan(actor, { patientId: patient.id, title: "Back plan" }))!;
  return { actor, clinic, patient, plan };
}
type PlanDraftInputConditions = PlanDraftInput["conditions"];

function draft(items: { exerciseId: string; dose: Dose; note?: string | null }[], overrides: Partial<PlanDraftInput> = {}): PlanDraftInput {
  return { title: "Back plan", conditions: ["stenosis"], notes: "Little and often.", startDate: "2026-05-01", reviewDate: "2026-06-01", items, ...overrides };
}

async function planRow(planId: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  const items = await db.select().from(planItems).where(eq(planItems.planId, planId)).orderBy(planItems.position);
  return { plan, items };
}

async function snapshotText(planId: string, version: number): Promise<string> {
  const [row] = await db.execute<{ text: string }>(sql`select snapshot::text as text from plan_versions where plan_id = ${planId} and version = ${version}`);
  return row.text;
}

async function saved(actor: Actor, planId: string, input: PlanDraftInput) {
  const { plan } = await planRow(planId);
  const result = await savePlan(actor, { planId, revision: plan.revision, draft: input });
  expect(result?.status).toBe("saved");
  return result!;
}

describe("creating a plan", () => {
  it("starts blank with the patient's conditions, or from a built-in template with its exercises and doses", async () => {
    const { actor, patient, plan } = await setUp();
    expect(plan).toMatchObject({ status: "draft", revision: 1, latestVersion: 0, conditions: ["stenosis"] });
    expect((await getPlan(actor, { planId: plan.id }))?.items).toEqual([]);

    const fromTemplate = await createPlan(actor, { patientId: patient.id, templateId: await builtInTemplate("builtin-stenosis") });
    const detail = await getPlan(actor, { planId: fromTemplate!.id });
    expect(detail?.plan.title).toBe("Spinal stenosis: flexion bias");
    expect(detail?.items.map((i) => i.exercise.slug)).toEqual(["double-knee-to-chest", "posterior-pelvic-tilt", "stationary-cycling", "sit-to-stand", "single-leg-stance", "walking-programme"]);
    expect(detail?.items[4].note).toMatch(/kitchen counter/);
    expect(detail?.items[0].dose).toEqual((await builtIn("double-knee-to-chest")).defaultDose);
    expect(await listPlansForPatient(actor, { patientId: patient.id })).toHaveLength(2);
  });
});

describe("saving a plan", () => {
  it("replaces the draft's items in order and bumps the revision", async () => {
    const { actor, plan } = await setUp();
    const bridge = await builtIn("glute-bridge");
    const tilt = await builtIn("posterior-pelvic-tilt");
    const result = await savePlan(actor, {
      planId: plan.id,
      revision: 1,
      draft: draft([
        { exerciseId: tilt.id, dose: tilt.defaultDose },
        { exerciseId: bridge.id, dose: { sets: 3, reps: 12, side: "both" }, note: "Squeeze your buttocks." },
      ]),
    });
    expect(result).toEqual({ status: "saved", revision: 2, changed: true });
    const { plan: row, items } = await planRow(plan.id);
    expect(row).toMatchObject({ revision: 2, notes: "Little and often.", startDate: "2026-05-01", hasUnissuedChanges: true });
    expect(items.map((i) => [i.position, i.exerciseId, i.note])).toEqual([
      [0, tilt.id, null],
      [1, bridge.id, "Squeeze your buttocks."],
    ]);
  });

  it("refuses a stale revision: the second tab gets a conflict and the first tab's content stays", async () => {
    const { actor, plan } = await setUp();
    const bridge = await builtIn("glute-bridge");
    await savePlan(actor, { planId: plan.id, revision: 1, draft: draft([{ exerciseId: bridge.id, dose: { sets: 2, reps: 10 } }], { title: "Tab A" }) });
    const tabB = await savePlan(actor, { planId: plan.id, revision: 1, draft: draft([{ exerciseId: bridge.id, dose: { sets: 5, reps: 20 } }], { title: "Tab B" }) });
    expect(tabB).toEqual({ status: "conflict", revision: 2 });
    const { plan: row, items } = await planRow(plan.id);
    expect(row.title).toBe("Tab A");
    expect(row.revision).toBe(2);
    expect(items.map((i) => i.dose)).toEqual([{ sets: 2, reps: 10 }]);
  });

  it("writes a double-clicked save once: one revision bump, one set of items, one audit event", async () => {
    const { actor, plan } = await setUp();
    const bridge = await builtIn("glute-bridge");
    const same = draft([{ exerciseId: bridge.id, dose: { sets: 3, reps: 10 } }]);
    const results = await Promise.all([savePlan(actor, { planId: plan.id, revision: 1, draft: same }), savePlan(actor, { planId: plan.id, revision: 1, draft: same })]);
    expect(results.map((r) => r?.status)).toEqual(["saved", "saved"]);
    expect(results.filter((r) => r?.status === "saved" && r.changed)).toHaveLength(1);
    const { plan: row, items } = await planRow(plan.id);
    expect(row.revision).toBe(2);
    expect(items).toHaveLength(1);
    const saves = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, plan.id), eq(auditEvents.action, "plan.saved")));
    expect(saves).toHaveLength(1);
  });

  it("refuses doses outside the limits with errors keyed to the item's field, writing nothing", async () => {
    const { actor, plan } = await setUp();
    const bridge = await builtIn("glute-bridge");
    const attempt = savePlan(actor, {
      planId: plan.id,
      revision: 1,
      draft: draft([
        { exerciseId: bridge.id, dose: { sets: 3, reps: 10 } },
        { exerciseId: bridge.id, dose: { sets: 11, reps: 10, holdSeconds: 601, perDay: 13, daysPerWeek: 8 } },
      ]),
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const fieldErrors = (error as UserError).fieldErrors!;
    expect(fieldErrors["items.1.dose.sets"]).toEqual(["Sets must be between 1 and 10"]);
    expect(fieldErrors["items.1.dose.holdSeconds"]).toEqual(["Hold must be between 1 and 600"]);
    expect(fieldErrors["items.1.dose.perDay"]).toEqual(["Times a day must be between 1 and 12"]);
    expect(fieldErrors["items.1.dose.daysPerWeek"]).toEqual(["Days a week must be between 1 and 7"]);
    expect(Object.keys(fieldErrors).some((k) => k.startsWith("items.0"))).toBe(false);
    const { plan: row, items } = await planRow(plan.id);
    expect(row.revision).toBe(1);
    expect(items).toEqual([]);
  });

  it("refuses a review date before the start date", async () => {
    const { actor, plan } = await setUp();
    const error = await savePlan(actor, { planId: plan.id, revision: 1, draft: draft([], { startDate: "2026-05-01", reviewDate: "2026-04-01" }) }).catch((e: unknown) => e);
    expect((error as UserError).fieldErrors?.reviewDate).toEqual(["Review date must be on or after the start date"]);
  });
});

describe("issuing a plan", () => {
  it("refuses a plan with no exercises", async () => {
    const { actor, plan } = await setUp();
    await expect(issuePlan(actor, { planId: plan.id, revision: 1 })).rejects.toThrow("Add at least one exercise before issuing this plan.");
    expect(await db.select().from(planVersions).where(eq(planVersions.planId, plan.id))).toEqual([]);
  });

  it("freezes version 1 as a valid snapshot, refuses a stale revision and a repeat with nothing changed", async () => {
    const { actor, plan, clinic, patient } = await setUp();
    const bridge = await builtIn("glute-bridge");
    await saved(actor, plan.id, draft([{ exerciseId: bridge.id, dose: { sets: 3, reps: 10, perDay: 2 }, note: "Slowly." }]));
    expect(await issuePlan(actor, { planId: plan.id, revision: 1 })).toEqual({ status: "conflict", revision: 2 });

    const issued = await issuePlan(actor, { planId: plan.id, revision: 2 });
    expect(issued).toMatchObject({ status: "issued", version: 1 });
    const [version] = await db.select().from(planVersions).where(eq(planVersions.planId, plan.id));
    const snapshot = planSnapshotSchema.parse(version.snapshot);
    expect(snapshot).toMatchObject({
      version: 1,
      title: "Back plan",
      patient: { displayName: "Margaret Ellison" },
      clinician: { name: actor.name },
      clinic: { name: clinic.name, phone: "01234 567890" },
      changes: null,
    });
    expect(snapshot.items[0]).toMatchObject({ name: "Glute bridge", doseLine: "3 sets of 10 · twice a day", note: "Slowly." });
    expect(snapshot.items[0].steps.length).toBeGreaterThan(2);
    expect(snapshot.conditions.map((c) => c.slug)).toEqual(["stenosis"]);
    expect(snapshot.safety.urgent.items.length).toBeGreaterThan(0);
    const { plan: row } = await planRow(plan.id);
    expect(row).toMatchObject({ status: "issued", latestVersion: 1, hasUnissuedChanges: false });
    // Issuing version 1 gives the plan its one live link in the same transaction.
    const links = await db.select().from(shareLinks).where(eq(shareLinks.planId, plan.id));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ clinicId: clinic.id, revokedAt: null });
    const [listed] = (await listPlansForPatient(actor, { patientId: patient.id }))!;
    expect(listed).toMatchObject({ id: plan.id, itemCount: 1, latestVersion: 1, hasUnissuedChanges: false });
    expect(listed.lastIssuedAt).toBeInstanceOf(Date);

    await expect(issuePlan(actor, { planId: plan.id, revision: 2 })).rejects.toThrow(/already issued/);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, plan.id), eq(auditEvents.action, "plan.issued")));
    expect(audit).toHaveLength(1);
  });

  it("version 2 says what changed: added, removed, dose changed", async () => {
    const { actor, plan } = await setUp();
    const [tilt, bridge, sts, cycling] = await Promise.all(["posterior-pelvic-tilt", "glute-bridge", "sit-to-stand", "stationary-cycling"].map(builtIn));
    await saved(actor, plan.id, draft([tilt, bridge, sts].map((e) => ({ exerciseId: e.id, dose: e.defaultDose }))));
    await issuePlan(actor, { planId: plan.id, revision: 2 });
    await saved(
      actor,
      plan.id,
      draft([
        { exerciseId: tilt.id, dose: { ...tilt.defaultDose, perDay: 3 } },
        { exerciseId: sts.id, dose: sts.defaultDose },
        { exerciseId: cycling.id, dose: cycling.defaultDose },
      ]),
    );
    expect(await issuePlan(actor, { planId: plan.id, revision: 3 })).toMatchObject({ status: "issued", version: 2 });
    const versions = await listPlanVersions(actor, { planId: plan.id });
    expect(versions?.map((v) => v.version)).toEqual([2, 1]);
    expect(versions?.[0].changes).toEqual({ previousVersion: 1, added: ["Stationary cycling"], removed: ["Glute bridge"], changed: ["Posterior pelvic tilt: dose changed"] });
    expect(versions?.[1].changes).toBeNull();
  });

  it("keeps an issued snapshot byte for byte after its exercise and the plan are edited", async () => {
    const { actor, plan } = await setUp();
    const bridge = await builtIn("glute-bridge");
    const [own] = await db
      .insert(exercises)
      .values({
        clinicId: actor.clinicId,
        slug: "towel-squeeze",
        name: "Towel squeeze",
        summary: "Squeeze a rolled towel between your knees.",
        regions: ["knee"],
        categories: ["strength"],
        level: 1,
        equipment: ["towel"],
        suits: ["knee-oa"],
        steps: ["Sit tall.", "Squeeze the towel.", "Relax."],
        cues: ["Breathe."],
        caution: "Stop if it hurts.",
        defaultDose: { sets: 2, reps: 10 },
      })
      .returning();
    await saved(actor, plan.id, draft([{ exerciseId: own.id, dose: { sets: 2, reps: 10 } }, { exerciseId: bridge.id, dose: bridge.defaultDose }]));
    await issuePlan(actor, { planId: plan.id, revision: 2 });
    const before = await snapshotText(plan.id, 1);
    expect(before).toContain("Towel squeeze");

    await db.update(exercises).set({ name: "Knee adductor squeeze", steps: ["Changed.", "Changed.", "Changed."], caution: "Changed." }).where(eq(exercises.id, own.id));
    await saved(actor, plan.id, draft([{ exerciseId: own.id, dose: { sets: 4, reps: 15 } }], { title: "Edited title", notes: "Edited notes." }));
    await db.execute(sql`update clinics set name = 'Renamed clinic' where id = ${actor.clinicId}`);

    expect(await snapshotText(plan.id, 1)).toBe(before);
    expect((await getPlan(actor, { planId: plan.id }))?.items[0].exercise.name).toBe("Knee adductor squeeze");
  });
});

describe("templates", () => {
  it("lists built-in protocols and the clinic's own; saves the builder's items as a template and archives it", async () => {
    const { actor, patient } = await setUp();
    const bridge = await builtIn("glute-bridge");
    const template = await createTemplate(actor, {
      name: "Our bridge protocol",
      description: "Bridges only.",
      conditions: ["nslbp"],
      items: [{ exerciseId: bridge.id, dose: { sets: 4, reps: 8 }, note: "Hold at the top." }],
    });
    const second = await createTemplate(actor, { name: "Our bridge protocol", description: null, conditions: [], items: [{ exerciseId: bridge.id, dose: { reps: 5 }, note: null }] });
    expect(second.id).not.toBe(template.id);
    await archiveTemplate(actor, { templateId: second.id });
    const listed = await listTemplates(actor);
    expect(listed.filter((t) => t.builtIn)).toHaveLength(9);
    expect(listed.at(-1)).toMatchObject({ name: "Our bridge protocol", builtIn: false, items: [{ name: "Glute bridge", dose: { sets: 4, reps: 8 }, note: "Hold at the top." }] });

    const plan = await createPlan(actor, { patientId: patient.id, templateId: template.id });
    expect((await getPlan(actor, { planId: plan!.id }))?.items.map((i) => i.dose)).toEqual([{ sets: 4, reps: 8 }]);

    expect(await archiveTemplate(actor, { templateId: template.id })).not.toBeNull();
    expect((await listTemplates(actor)).map((t) => t.id)).not.toContain(template.id);
    expect(await archiveTemplate(actor, { templateId: await builtInTemplate("builtin-nslbp") })).toBeNull();
  });

  it("refuses a template without exercises", async () => {
    const { actor } = await setUp();
    await expect(createTemplate(actor, { name: "Empty", description: null, conditions: [], items: [] })).rejects.toThrow("Add at least one exercise before saving a template");
  });
});

describe("another clinic", () => {
  it("cannot read or change this clinic's plans, versions, templates or exercises", async () => {
    const owner = await setUp();
    const { actor: intruder, clinic: intruderClinic, patient: intruderPatient } = await setUp();
    const bridge = await builtIn("glute-bridge");
    await saved(owner.actor, owner.plan.id, draft([{ exerciseId: bridge.id, dose: { sets: 3, reps: 10 } }]));
    await issuePlan(owner.actor, { planId: owner.plan.id, revision: 2 });
    const [ownExercise] = await db
      .insert(exercises)
      .values({ clinicId: owner.actor.clinicId, slug: "secret", name: "Secret move", summary: "S.", regions: ["knee"], categories: ["strength"], level: 1, equipment: ["none"], steps: ["A.", "B.", "C."], defaultDose: { reps: 5 } })
      .returning();
    const template = await createTemplate(owner.actor, { name: "Owner template", description: null, conditions: [], items: [{ exerciseId: bridge.id, dose: { reps: 5 }, note: null }] });

    const planBefore = await planRow(owner.plan.id);
    const versionsBefore = await db.select().from(planVersions).where(eq(planVersions.planId, owner.plan.id));
    const [templateBefore] = await db.select().from(templates).where(eq(templates.id, template.id));

    expect(await getPlan(intruder, { planId: owner.plan.id })).toBeNull();
    expect(await listPlansForPatient(intruder, { patientId: owner.patient.id })).toBeNull();
    expect(await listPlanVersions(intruder, { planId: owner.plan.id })).toBeNull();
    expect(await createPlan(intruder, { patientId: owner.patient.id })).toBeNull();
    expect(await createPlan(intruder, { patientId: intruderPatient.id, templateId: template.id })).toBeNull();
    expect(await savePlan(intruder, { planId: owner.plan.id, revision: 2, draft: draft([]) })).toBeNull();
    expect(await issuePlan(intruder, { planId: owner.plan.id, revision: 2 })).toBeNull();
    expect(await getTemplate(intruder, { templateId: template.id })).toBeNull();
    expect((await listTemplates(intruder)).map((t) => t.id)).not.toContain(template.id);
    expect(await archiveTemplate(intruder, { templateId: template.id })).toBeNull();
    expect((await getPlanExercises(intruder, { exerciseIds: [ownExercise.id] })).size).toBe(0);

    // Another clinic's exercise cannot be put in this clinic's plan or template.
    const intruderPlan = (await createPlan(intruder, { patientId: intruderPatient.id }))!;
    await expect(savePlan(intruder, { planId: intruderPlan.id, revision: 1, draft: draft([{ exerciseId: ownExercise.id, dose: { reps: 5 } }]) })).rejects.toBeInstanceOf(UserError);
    await expect(createTemplate(intruder, { name: "Stolen", description: null, conditions: [], items: [{ exerciseId: ownExercise.id, dose: { reps: 5 }, note: null }] })).rejects.toBeInstanceOf(UserError);

    expect(await planRow(owner.plan.id)).toEqual(planBefore);
    expect(await db.select().from(planVersions).where(eq(planVersions.planId, owner.plan.id))).toEqual(versionsBefore);
    expect((await db.select().from(templates).where(eq(templates.id, template.id)))[0]).toEqual(templateBefore);
    const intruderRows = await db.select().from(templates).where(eq(templates.clinicId, intruderClinic.id));
    expect(intruderRows).toEqual([]);
    expect(await db.select().from(planItems).where(eq(planItems.planId, intruderPlan.id))).toEqual([]);
  });
});

describe("easier and harder variants in the builder's exercises", () => {
  it("gives a built-in exercise its catalogue ladder by name, and finds the variant to swap in", async () => {
    const { actor } = await createTestClinic();
    const bridge = await builtIn("glute-bridge");
    const found = (await getPlanExercises(actor, { exerciseIds: [bridge.id] })).get(bridge.id)!;
    expect(found.easier).toEqual([]);
    expect(found.harder).toEqual([{ slug: "single-leg-bridge", name: "Single-leg bridge" }]);

    const harder = await getBuiltInPlanExercise(actor, { slug: found.harder[0].slug });
    expect(harder).toMatchObject({ id: (await builtIn("single-leg-bridge")).id, name: "Single-leg bridge", clinicOwn: false });
    expect(harder!.easier).toEqual([{ slug: "glute-bridge", name: "Glute bridge" }]);
    expect(harder!.figure).not.toBeNull();
    expect(await getBuiltInPlanExercise(actor, { slug: "no-such-exercise" })).toBeNull();
  });

  it("gives a clinic's own exercise no ladder, even when its slug matches a built-in one, and never swaps to it", async () => {
    const { actor } = await createTestClinic();
    const { id } = await createClinicExercise(actor, {
      name: "Glute bridge",
      summary: "Our own bridge on a step.",
      aliases: [],
      regions: ["hip"],
      categories: ["strength"],
      level: 2,
      equipment: ["step"],
      suits: ["nslbp"],
      cautionFor: [],
      steps: ["Lie with your feet on a step.", "Lift your hips.", "Lower slowly."],
      cues: ["Squeeze"],
      caution: "Stop if your back hurts.",
      defaultDose: { sets: 3, reps: 8, daysPerWeek: 3 },
      progression: "Hold at the top.",
      regression: "Lift only a little.",
      figureSlug: "glute-bridge",
    });
    const own = (await getPlanExercises(actor, { exerciseIds: [id] })).get(id)!;
    expect(own).toMatchObject({ clinicOwn: true, easier: [], harder: [] });
    expect((await getBuiltInPlanExercise(actor, { slug: "glute-bridge" }))?.id).toBe((await builtIn("glute-bridge")).id);
    const bySlug = await getBuiltInPlanExercise(actor, { slug: own.slug });
    expect(bySlug === null || (bySlug.id !== id && !bySlug.clinicOwn)).toBe(true);
  });
});
