import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, exercises } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { getFigure } from "@/lib/figures/library";
import { createTestClinic } from "@/lib/testing/fixtures";
import {
  archiveClinicExercise,
  clinicSlugOf,
  createClinicExercise,
  duplicateExercise,
  figureSlugOf,
  updateClinicExercise,
  type ClinicExerciseInput,
} from "./clinic-exercises";
import { getExercise, searchExercises } from "./search";

function input(overrides: Partial<ClinicExerciseInput> = {}): ClinicExerciseInput {
  return {
    name: "Seated marching",
    summary: "Lifts each knee in turn while sitting tall.",
    aliases: ["chair march"],
    regions: ["hip", "general"],
    categories: ["mobility"],
    level: 1,
    equipment: ["chair"],
    suits: ["desk", "knee-oa"],
    cautionFor: ["knee-injury"],
    steps: ["Sit tall near the front of a chair.", "Lift one knee a hand's width, then lower it.", "Swap legs and keep a steady rhythm."],
    cues: ["Sit tall", "Breathe out as you lift"],
    caution: "Stop if your hip pinches.",
    defaultDose: { sets: 2, reps: 20, perDay: 2, daysPerWeek: 5, side: "alternate" },
    progression: "Hold each lift for 2 seconds.",
    regression: "Make smaller lifts.",
    figureSlug: "sit-to-stand",
    ...overrides,
  };
}

async function builtInId(slug: string) {
  const [row] = await db.select({ id: exercises.id }).from(exercises).where(and(eq(exercises.slug, slug)));
  return row.id;
}

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).fieldErrors ?? {};
}

describe("createClinicExercise", () => {
  it("stores every field, the chosen figure, a readable slug and an audit event", async () => {
    const { actor } = await createTestClinic();
    const { id } = await createClinicExercise(actor, input());
    const saved = await getExercise(actor, { exerciseId: id });
    expect(saved).toMatchObject({
      name: "Seated marching",
      aliases: ["chair march"],
      regions: ["hip", "general"],
      steps: input().steps,
      cues: ["Sit tall", "Breathe out as you lift"],
      caution: "Stop if your hip pinches.",
      defaultDose: { sets: 2, reps: 20, perDay: 2, daysPerWeek: 5, side: "alternate" },
      progression: "Hold each lift for 2 seconds.",
      clinicOwn: true,
      archived: false,
    });
    expect(saved!.slug).toMatch(/^seated-marching-[0-9a-f]{6}$/);
    expect(saved!.figure).toEqual(getFigure("sit-to-stand"));
    expect(figureSlugOf(saved!.figure)).toBe("sit-to-stand");

    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, actor.clinicId), eq(auditEvents.entityId, id)));
    expect(events).toMatchObject([{ action: "exercise.created", actorId: actor.userId, entityType: "exercise" }]);
  });

  it("makes the exercise searchable by its aliases and steps", async () => {
    const { actor } = await createTestClinic();
    const { id } = await createClinicExercise(actor, input());
    expect((await searchExercises(actor, { q: "chair march" })).items[0]?.id).toBe(id);
    expect((await searchExercises(actor, { q: "rhythm" })).items.map((i) => i.id)).toContain(id);
  });

  it("refuses bad input with a message per field and writes nothing", async () => {
    const { actor } = await createTestClinic();
    const errors = await fieldErrorsOf(
      createClinicExercise(actor, input({ name: "  ", regions: [], steps: [], equipment: ["none", "mat"], defaultDose: { sets: 3 }, figureSlug: "no-such-figure" })),
    );
    expect(errors.name).toEqual(["Name is required"]);
    expect(errors.regions).toEqual(["Choose at least one region"]);
    expect(errors.steps).toEqual(["Give at least one step"]);
    expect(errors.equipment).toEqual(["No equipment cannot be combined with other items"]);
    expect(errors["defaultDose.reps"]).toEqual(["Give reps, a hold time or a duration"]);
    expect(errors.figureSlug).toEqual(["Choose a figure from the list"]);
    expect(await db.select().from(exercises).where(eq(exercises.clinicId, actor.clinicId))).toEqual([]);
  });

  it("allows up to 8 steps and no more", async () => {
    const { actor } = await createTestClinic();
    const steps = Array.from({ length: 9 }, (_, i) => `Step number ${i + 1}.`);
    expect((await fieldErrorsOf(createClinicExercise(actor, input({ steps })))).steps).toEqual(["Give at most 8 steps"]);
    await expect(createClinicExercise(actor, input({ steps: steps.slice(0, 8) }))).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("makes slugs from any name", () => {
    expect(clinicSlugOf("Ünïcode — knee (copy)")).toMatch(/^unicode-knee-copy-[0-9a-f]{6}$/);
    expect(clinicSlugOf("!!!")).toMatch(/^exercise-[0-9a-f]{6}$/);
    expect(clinicSlugOf("x".repeat(80)).length).toBeLessThanOrEqual(67);
  });
});

describe("updateClinicExercise", () => {
  it("saves changes, keeps the figure when none is chosen, and search follows", async () => {
    const { actor } = await createTestClinic();
    const { id } = await createClinicExercise(actor, input());
    const saved = await updateClinicExercise(actor, { exerciseId: id, ...input({ name: "Seated knee lifts", aliases: ["knee lifts"], level: 2, figureSlug: undefined }) });
    expect(saved).toEqual({ id });
    const after = await getExercise(actor, { exerciseId: id });
    expect(after).toMatchObject({ name: "Seated knee lifts", level: 2, aliases: ["knee lifts"] });
    expect(after!.figure).toEqual(getFigure("sit-to-stand"));
    expect((await searchExercises(actor, { q: "Seated marching" })).items.map((i) => i.id)).not.toContain(id);
    expect((await searchExercises(actor, { q: "knee lifts" })).items[0]?.id).toBe(id);

    await updateClinicExercise(actor, { exerciseId: id, ...input({ figureSlug: null }) });
    expect((await getExercise(actor, { exerciseId: id }))!.figure).toBeNull();
    const events = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action).sort()).toEqual(["exercise.created", "exercise.updated", "exercise.updated"]);
  });

  it("refuses built-ins and other clinics' exercises, changing nothing", async () => {
    const a = await createTestClinic();
    const b = await createTestClinic();
    const { id } = await createClinicExercise(a.actor, input());
    expect(await updateClinicExercise(b.actor, { exerciseId: id, ...input({ name: "Hijacked" }) })).toBeNull();
    expect(await archiveClinicExercise(b.actor, { exerciseId: id })).toBeNull();
    const bridge = await builtInId("glute-bridge");
    expect(await updateClinicExercise(a.actor, { exerciseId: bridge, ...input({ name: "Hijacked" }) })).toBeNull();
    expect(await archiveClinicExercise(a.actor, { exerciseId: bridge })).toBeNull();
    expect(await updateClinicExercise(a.actor, { exerciseId: "nope", ...input() })).toBeNull();

    expect((await getExercise(a.actor, { exerciseId: id }))!.name).toBe("Seated marching");
    expect((await getExercise(a.actor, { exerciseId: bridge }))).toMatchObject({ name: "Glute bridge", archived: false, clinicOwn: false });
    expect(await db.select().from(auditEvents).where(eq(auditEvents.clinicId, b.actor.clinicId))).toEqual([]);
  });
});

describe("duplicateExercise", () => {
  it("copies a built-in into the clinic as an editable exercise, leaving the original alone", async () => {
    const { actor } = await createTestClinic();
    const bridge = await builtInId("glute-bridge");
    const original = await getExercise(actor, { exerciseId: bridge });
    const copy = await duplicateExercise(actor, { exerciseId: bridge });
    expect(copy).toEqual({ id: expect.any(String) });
    const saved = await getExercise(actor, { exerciseId: copy!.id });
    expect(saved).toMatchObject({ ...original!, id: copy!.id, slug: expect.stringMatching(/^glute-bridge-copy-/), name: "Glute bridge (copy)", clinicOwn: true });
    expect(figureSlugOf(saved!.figure)).toBe("glute-bridge");
    expect((await searchExercises(actor, { q: "glute bridge" })).items.map((i) => i.name)).toEqual(expect.arrayContaining(["Glute bridge", "Glute bridge (copy)"]));

    expect(await updateClinicExercise(actor, { exerciseId: copy!.id, ...input({ name: "Bridge with a band", figureSlug: undefined }) })).toEqual({ id: copy!.id });
    expect(figureSlugOf((await getExercise(actor, { exerciseId: copy!.id }))!.figure)).toBe("glute-bridge");
    expect((await getExercise(actor, { exerciseId: bridge }))!.name).toBe("Glute bridge");
  });

  it("copies an own exercise, and refuses another clinic's", async () => {
    const a = await createTestClinic();
    const b = await createTestClinic();
    const { id } = await createClinicExercise(a.actor, input());
    const again = await duplicateExercise(a.actor, { exerciseId: id });
    expect((await getExercise(a.actor, { exerciseId: again!.id }))!.name).toBe("Seated marching (copy)");
    expect(await duplicateExercise(b.actor, { exerciseId: id })).toBeNull();
    expect(await db.select().from(exercises).where(eq(exercises.clinicId, b.actor.clinicId))).toEqual([]);
  });
});
