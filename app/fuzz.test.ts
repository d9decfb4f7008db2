// Hostile input against every server action and route handler, driven by fast-check against the
// real database: wrong types, huge strings, control characters, malformed forms and ids of
// another clinic. Every call ends in a 4xx or a message for the user, never a 500 (an uncaught
// error), and another clinic's rows never change; a refused call changes no row at all.
// The session is the one thing not real here: getActor returns the test clinician (the request
// scope next-auth reads cookies from does not exist outside Next). Everything below it is.
// For the same reason next/headers (request headers, the cookie jar the password actions re-issue
// or clear the session cookie in) and next/server's after() are minimal stand-ins below.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { templates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { duplicateExercise } from "@/lib/catalogue/clinic-exercises";
import { inviteUser } from "@/lib/team/team";
import { ensureShareLink } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { testSession } from "@/lib/testing/test-session";

vi.mock("@/lib/auth/actor", async (original) => (await import("@/lib/testing/test-session")).withTestSession(original));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// Minimal request scope: no request headers, and an empty cookie jar (no session cookie to re-issue).
vi.mock("next/headers", () => {
  const jar = new Map<string, { name: string; value: string }>();
  return {
    headers: async () => new Headers(),
    cookies: async () => ({ get: (name: string) => jar.get(name), set: (name: string, value: string) => void jar.set(name, { name, value }), delete: (name: string) => void jar.delete(name) }),
  };
});
// after() needs Next's request scope; here its tasks are collected, and call() awaits them once the
// action has answered (so an email written after the answer is part of that call, and a failing task fails it).
const afterTasks = vi.hoisted(() => [] as Promise<unknown>[]);
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: Promise<unknown> | (() => unknown)) => void afterTasks.push(Promise.resolve().then(() => (typeof task === "function" ? task() : task))),
}));

const runs = { numRuns: 60 };

// ---------------------------------------------------------------- hostile values

type Seed = { actor: Actor; patientId: string; planId: string; templateId: string; exerciseId: string; token: string; invitationId: string };
let mine: Seed;
let theirs: Seed;

async function seedClinic(): Promise<Seed> {
  const { actor } = await createTestClinic();
  const { patient, plan } = await createIssuedPlan(actor);
  const token = (await ensureShareLink(actor, { planId: plan.id }))!.token!;
  const [builtIn] = await db.execute<{ id: string }>(sql`select id from exercises where clinic_id is null and slug = 'glute-bridge'`);
  const own = await duplicateExercise(actor, { exerciseId: builtIn.id });
  const [template] = await db
    .insert(templates)
    .values({ clinicId: actor.clinicId, slug: `t-${plan.id.slice(0, 8)}`, name: "Their template", items: [{ exerciseId: builtIn.id, dose: null, note: null }] })
    .returning({ id: templates.id });
  await inviteUser(actor, { email: `invitee-${plan.id.slice(0, 8)}@example.test`, role: "clinician" });
  const [invitation] = await db.execute<{ id: string }>(sql`select id from invitations where clinic_id = ${actor.clinicId}`);
  return { actor, patientId: patient.id, planId: plan.id, templateId: template.id, exerciseId: own!.id, token, invitationId: invitation.id };
}

/** Strings an attacker would try, with the other clinic's ids among them. */
function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: fc.constantFrom("\u0000", "\u0007", "\u001b", "\r", "\n", "\t", "\u202e", "\ud800", "\uffff", "'", '"', "<", "\\", "%"), maxLength: 20 }),
    fc.constantFrom("", " ", "-".repeat(36), "0".repeat(36), "null", "undefined", "NaN", "Infinity", "1e309", "-1", "2147483648", "true", "[]", "{}", "<script>alert(1)</script>", "'; drop table patients; --", "../../etc/passwd"),
    fc.uuid(),
    fc.constant(null).map(() => mine.actor.userId),
    fc.constant(null).map(() => mine.patientId),
    fc.constant(null).map(() => theirs.patientId),
    fc.constant(null).map(() => theirs.planId),
    fc.constant(null).map(() => theirs.templateId),
    fc.constant(null).map(() => theirs.exerciseId),
    fc.constant(null).map(() => theirs.actor.userId),
    fc.constant(null).map(() => theirs.invitationId),
    fc.constant(null).map(() => mine.invitationId),
    fc.constant(null).map(() => mine.actor.email),
    fc.constantFrom("pain", "silence", "completed", "discharged", "admin", "clinician", "set", "clear", "yes", "2026-12-31"),
    fc.integer({ min: 1, max: 3 }).map((n) => "x".repeat(n * 40_000)),
  );
}

/** Any JSON-ish value, hostile strings included: what a forged action call can carry. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "planId", "draft", "items", "revision")), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** A form: the action's own field names and random ones, each once, repeated or missing. */
function hostileForm(fields: string[]): fc.Arbitrary<FormData> {
  const name = fc.oneof(fields.length ? fc.constantFrom(...fields) : fc.constant("_"), fc.string({ maxLength: 10 }), fc.constantFrom("$ACTION_ID_x", "__proto__"));
  return fc.array(fc.tuple(name, fc.oneof(hostileString(), fc.array(hostileString(), { minLength: 2, maxLength: 3 }))), { maxLength: 12 }).map((entries) => {
    const form = new FormData();
    for (const [key, value] of entries) for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    return form;
  });
}

// ---------------------------------------------------------------- what must not change

/**
 * A fingerprint of every row of a clinic the app can write: each row's version (xmin) and place,
 * so any insert, update or delete shows. Share links are compared by content instead: opening a
 * link updates its last-opened time, bookkeeping rather than data a request changes.
 */
async function clinicState(clinicId: string): Promise<string> {
  const tables = ["patients", "plans", "plan_items", "plan_versions", "session_logs", "templates", "exercises", "handout_files", "audit_events", "users", "invitations", "password_resets", "outbound_emails", "alert_acknowledgements", "psfs_activities", "outcome_measures", "outcome_scores", "outcome_requests"];
  const parts = tables.map(
    (table) => sql`(select md5(coalesce(string_agg(t.xmin::text || t.ctid::text, ',' order by t.ctid), '')) from ${sql.identifier(table)} t where t.clinic_id = ${clinicId})`,
  );
  parts.push(sql`(select md5(coalesce(string_agg(t.xmin::text || t.ctid::text, ','), '')) from clinics t where t.id = ${clinicId})`);
  parts.push(sql`(select md5(coalesce(string_agg((to_jsonb(t) - 'last_opened_at')::text, ',' order by t.id), '')) from share_links t where t.clinic_id = ${clinicId})`);
  const [row] = await db.execute<{ state: string }>(sql`select concat_ws(' ', ${sql.join(parts, sql`, `)}) as state`);
  return row.state;
}

function isRedirect(error: unknown): boolean {
  return error instanceof Error && (error as { digest?: string }).digest?.startsWith("NEXT_REDIRECT") === true;
}

type FormStateLike = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

/** Runs a call as the signed-in clinician; a redirect is a success. Anything else thrown is a 500. */
async function call(run: () => Promise<FormStateLike>): Promise<FormStateLike> {
  try {
    const state = await run();
    await Promise.all(afterTasks.splice(0));
    expect(typeof state.ok).toBe("boolean");
    if (!state.ok) expect(state.message ?? state.fieldErrors).toBeTruthy();
    return state;
  } catch (error) {
    await Promise.all(afterTasks.splice(0));
    if (isRedirect(error)) return { ok: true };
    throw error;
  }
}

beforeAll(async () => {
  mine = await seedClinic();
  theirs = await seedClinic();
  testSession.actor = mine.actor;
}, 60_000);

// ---------------------------------------------------------------- server actions

const actionModules = {
  "app/(clinic)/patients/actions.ts": () => import("./(clinic)/patients/actions"),
  "app/(clinic)/plans/actions.ts": () => import("./(clinic)/plans/actions"),
  "app/(clinic)/templates/actions.ts": () => import("./(clinic)/templates/actions"),
  "app/(clinic)/exercises/actions.ts": () => import("./(clinic)/exercises/actions"),
  "app/(clinic)/plans/[planId]/_delivery/delivery-actions.ts": () => import("./(clinic)/plans/[planId]/_delivery/delivery-actions"),
  "app/(clinic)/plans/[planId]/_ending/ending-actions.ts": () => import("./(clinic)/plans/[planId]/_ending/ending-actions"),
  "app/(clinic)/plans/[planId]/_outcomes/outcome-actions.ts": () => import("./(clinic)/plans/[planId]/_outcomes/outcome-actions"),
  "app/(clinic)/dashboard/actions.ts": () => import("./(clinic)/dashboard/actions"),
  "app/(clinic)/settings/actions.ts": () => import("./(clinic)/settings/actions"),
  "app/(clinic)/settings/team/actions.ts": () => import("./(clinic)/settings/team/actions"),
  "app/(clinic)/account/actions.ts": () => import("./(clinic)/account/actions"),
  "app/(clinic)/account/two-factor-actions.ts": () => import("./(clinic)/account/two-factor-actions"),
  "app/(auth)/forgot-password/actions.ts": () => import("./(auth)/forgot-password/actions"),
  "app/(auth)/invite/[token]/actions.ts": () => import("./(auth)/invite/[token]/actions"),
  "app/(auth)/reset-password/[token]/actions.ts": () => import("./(auth)/reset-password/[token]/actions"),
};

type FormAction = (previous: FormStateLike, form: FormData) => Promise<FormStateLike>;

/** How each action is called, and the field names its form uses. */
function drivers(all: Record<string, Record<string, unknown>>) {
  const form = (fn: unknown, fields: string[], numRuns = 25, forms: fc.Arbitrary<FormData> = hostileForm(fields)) => ({ kind: "form" as const, fn: fn as FormAction, fields, numRuns, forms });
  const object = (fn: unknown, shape: () => fc.Arbitrary<unknown>) => ({ kind: "object" as const, fn: fn as (input: unknown) => Promise<FormStateLike>, shape, numRuns: 25 });
  const patients = all["app/(clinic)/patients/actions.ts"];
  const plans = all["app/(clinic)/plans/actions.ts"];
  const exercises = all["app/(clinic)/exercises/actions.ts"];
  const delivery = all["app/(clinic)/plans/[planId]/_delivery/delivery-actions.ts"];
  const ending = all["app/(clinic)/plans/[planId]/_ending/ending-actions.ts"];
  const outcomes = all["app/(clinic)/plans/[planId]/_outcomes/outcome-actions.ts"];
  const psfsFields = ["planId", "recordedOn", ...[0, 1, 2, 3, 4, 5].flatMap((i) => [`name${i}`, `score${i}`])];
  const team = all["app/(clinic)/settings/team/actions.ts"];
  const account = all["app/(clinic)/account/actions.ts"];
  const twoFactor = all["app/(clinic)/account/two-factor-actions.ts"];
  // Hashing a password (argon2) is slow on purpose: the actions that may hash get fewer runs.
  const slow = 8;
  const patientFields = ["firstName", "lastName", "clinicianId", "birthYear", "email", "phone", "conditions", "notes"];
  const settingsFields = ["name", "address", "phone", "email", "website", "accentColour", "country", "timeZone", "paperSize", "safetyEmergencyNumber", "safetyUrgentAdvice", "safetyFamilyDoctor", "logo", "removeLogo"];
  const settingsWithLogo = () =>
    fc.tuple(fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.uint8Array({ maxLength: 200 }).map((bytes) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...bytes]))), fc.constantFrom("image/png", "image/jpeg", "image/svg+xml", "")).map(([bytes, type]) => {
      const data = new FormData();
      for (const [key, value] of Object.entries({ name: "Fuzz clinic", accentColour: "#0f766e", country: "GB", timeZone: "Europe/London", paperSize: "A4" })) data.append(key, value);
      data.append("logo", new File([bytes], "logo.png", { type }));
      return data;
    });
  const exerciseFields = ["name", "summary", "aliases", "regions", "categories", "level", "equipment", "suits", "cautionFor", "steps", "cues", "figureSlug"];
  const draft = () =>
    fc.record({
      planId: fc.oneof(hostileString(), fc.constant(theirs.planId)),
      revision: fc.oneof(fc.integer(), fc.constant(1), hostileValue),
      draft: fc.oneof(hostileValue, fc.record({ title: hostileString(), items: fc.array(fc.record({ exerciseId: hostileString(), dose: hostileValue, note: hostileValue }), { maxLength: 3 }) })),
    });
  return {
    createPatientAction: form(patients.createPatientAction, patientFields),
    updatePatientAction: form(patients.updatePatientAction, [...patientFields, "patientId"]),
    archivePatientAction: form(patients.archivePatientAction, ["patientId", "archived"]),
    erasePatientAction: form(patients.erasePatientAction, ["patientId", "confirmation"]),
    exerciseVariantAction: object(plans.exerciseVariantAction, () => fc.oneof(fc.record({ slug: fc.oneof(hostileString(), fc.constantFrom("glute-bridge", "wall-sit")) }), hostileValue)),
    createPlanAction: form(plans.createPlanAction, ["patientId", "templateId", "title"]),
    issuePlanAction: form(plans.issuePlanAction, ["planId", "revision"]),
    savePlanAction: object(plans.savePlanAction, () => fc.oneof(draft(), hostileValue)),
    searchExercisesAction: object(plans.searchExercisesAction, () => fc.oneof(fc.record({ q: hostileString(), region: hostileString(), offset: hostileValue }, { requiredKeys: [] }), hostileValue)),
    saveTemplateAction: object(plans.saveTemplateAction, () =>
      fc.oneof(fc.record({ name: hostileString(), description: hostileString(), conditions: hostileValue, items: fc.array(fc.record({ exerciseId: hostileString(), dose: hostileValue, note: hostileValue }), { maxLength: 3 }) }), hostileValue),
    ),
    archiveTemplateAction: form(all["app/(clinic)/templates/actions.ts"].archiveTemplateAction, ["templateId"]),
    createExerciseAction: form(exercises.createExerciseAction, exerciseFields),
    updateExerciseAction: {
      kind: "bound" as const,
      fn: exercises.updateExerciseAction as (id: string, previous: FormStateLike, form: FormData) => Promise<FormStateLike>,
      fields: exerciseFields,
      numRuns: 25,
    },
    duplicateExerciseAction: form(exercises.duplicateExerciseAction, ["exerciseId"]),
    archiveExerciseAction: form(exercises.archiveExerciseAction, ["exerciseId", "archived"]),
    createLinkAction: form(delivery.createLinkAction, ["planId"]),
    revokeLinkAction: form(delivery.revokeLinkAction, ["planId"]),
    replaceLinkAction: form(delivery.replaceLinkAction, ["planId"]),
    setExpiryAction: form(delivery.setExpiryAction, ["planId", "intent", "expiresOn"]),
    linkCopiedAction: form(delivery.linkCopiedAction, ["planId"]),
    emailLinkAction: form(delivery.emailLinkAction, ["planId", "consent"]),
    setEndDateAction: form(ending.setEndDateAction, ["planId", "endDate"]),
    endPlanAction: form(ending.endPlanAction, ["planId", "reason", "note"]),
    reopenPlanAction: form(ending.reopenPlanAction, ["planId", "endDate"]),
    recordPsfsAction: form(outcomes.recordPsfsAction, psfsFields),
    setPsfsRequestAction: form(outcomes.setPsfsRequestAction, ["planId", "ask"]),
    acknowledgeAlertAction: form(all["app/(clinic)/dashboard/actions.ts"].acknowledgeAlertAction, ["planId", "kind"]),
    // Hostile forms (strings where the logo File goes), and well-formed ones with random bytes as the logo.
    saveClinicSettingsAction: form(all["app/(clinic)/settings/actions.ts"].saveClinicSettingsAction, settingsFields, 25, fc.oneof(hostileForm(settingsFields), settingsWithLogo())),
    inviteAction: form(team.inviteAction, ["email", "role"]),
    setActiveAction: form(team.setActiveAction, ["userId", "active"]),
    setRoleAction: form(team.setRoleAction, ["userId", "role"]),
    revokeInvitationAction: form(team.revokeInvitationAction, ["invitationId"]),
    resetTwoFactorAction: form(team.resetTwoFactorAction, ["userId"]),
    requireTwoFactorAction: form(team.requireTwoFactorAction, ["required"]),
    confirmEnrolmentAction: form(twoFactor.confirmEnrolmentAction, ["offer", "code"]),
    manageTwoFactorAction: form(twoFactor.manageTwoFactorAction, ["intent", "currentPassword"], slow),
    changePasswordAction: form(account.changePasswordAction, ["currentPassword", "newPassword", "confirmPassword"], slow),
    signOutEverywhereAction: form(account.signOutEverywhereAction, [], slow),
    requestResetAction: form(all["app/(auth)/forgot-password/actions.ts"].requestResetAction, ["email"], slow),
    acceptInvitationAction: form(all["app/(auth)/invite/[token]/actions.ts"].acceptInvitationAction, ["token", "name", "password", "confirmPassword"], slow),
    resetPasswordAction: form(all["app/(auth)/reset-password/[token]/actions.ts"].resetPasswordAction, ["token", "password", "confirmPassword"], slow),
  };
}

describe("every server action, fed hostile input", () => {
  it("has a driver here for each exported action", async () => {
    const exported: string[] = [];
    for (const [file, load] of Object.entries(actionModules)) {
      const source = fs.readFileSync(path.join(process.cwd(), file), "utf8");
      expect(source.startsWith('"use server"')).toBe(true);
      const loaded = (await load()) as Record<string, unknown>;
      exported.push(...Object.keys(loaded).filter((name) => typeof loaded[name] === "function"));
    }
    const all = Object.fromEntries(await Promise.all(Object.entries(actionModules).map(async ([file, load]) => [file, (await load()) as Record<string, unknown>])));
    expect(Object.keys(drivers(all)).sort()).toEqual([...new Set(exported)].sort());
  });

  // Runs before the fuzzing, which may end the plan, withdraw the invitation or use up the reset limit.
  it("carries out well-formed requests of the actor's own clinic (the drivers reach the actions)", async () => {
    const all = Object.fromEntries(await Promise.all(Object.entries(actionModules).map(async ([file, load]) => [file, (await load()) as Record<string, unknown>])));
    const d = drivers(all);
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.append(key, value);
      return data;
    };
    const { planId } = mine;
    const calls = [
      () => d.linkCopiedAction.fn({ ok: false }, form({ planId })),
      () => d.setEndDateAction.fn({ ok: false }, form({ planId, endDate: "2030-01-01" })),
      () => d.recordPsfsAction.fn({ ok: false }, form({ planId, name0: "Climbing stairs", score0: "3" })),
      () => d.setPsfsRequestAction.fn({ ok: false }, form({ planId, ask: "on" })),
      () => d.saveClinicSettingsAction.fn({ ok: false }, form({ name: "Fuzz clinic", accentColour: "#0f766e", country: "GB", timeZone: "Europe/London", paperSize: "A4" })),
      () => d.inviteAction.fn({ ok: false }, form({ email: "new-colleague@example.test", role: "clinician" })),
      () => d.revokeInvitationAction.fn({ ok: false }, form({ invitationId: mine.invitationId })),
      () => d.requestResetAction.fn({ ok: false }, form({ email: mine.actor.email })),
    ];
    for (const run of calls) expect(await call(run)).toMatchObject({ ok: true });
  }, 60_000);

  it("answers with a message or a field error, never throws, and never touches another clinic", async () => {
    const all = Object.fromEntries(await Promise.all(Object.entries(actionModules).map(async ([file, load]) => [file, (await load()) as Record<string, unknown>])));
    const theirsBefore = await clinicState(theirs.actor.clinicId);
    for (const [name, driver] of Object.entries(drivers(all))) {
      const input: fc.Arbitrary<() => Promise<FormStateLike>> =
        driver.kind === "form"
          ? driver.forms.map((form) => () => driver.fn({ ok: false }, form))
          : driver.kind === "bound"
            ? fc.tuple(fc.oneof(hostileString(), fc.constant(theirs.exerciseId)), hostileForm(driver.fields)).map(([id, form]) => () => driver.fn(id, { ok: false }, form))
            : driver.shape().map((value) => () => driver.fn(value));
      await fc.assert(
        fc.asyncProperty(input, async (run) => {
          const before = await clinicState(mine.actor.clinicId);
          const state = await call(run);
          if (!state.ok) expect(await clinicState(mine.actor.clinicId), `${name} refused but changed a row`).toBe(before);
        }),
        { numRuns: driver.numRuns },
      );
    }
    expect(await clinicState(theirs.actor.clinicId)).toBe(theirsBefore);
  }, 300_000);

  it("given the other clinic's ids in well-formed requests, refuses every one and changes nothing of theirs", async () => {
    const all = Object.fromEntries(await Promise.all(Object.entries(actionModules).map(async ([file, load]) => [file, (await load()) as Record<string, unknown>])));
    const d = drivers(all);
    const theirsBefore = await clinicState(theirs.actor.clinicId);
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.append(key, value);
      return data;
    };
    const { patientId, planId, templateId, exerciseId } = theirs;
    const refusals = [
      () => d.updatePatientAction.fn({ ok: false }, form({ patientId, firstName: "Taken", lastName: "Over", clinicianId: mine.actor.userId })),
      () => d.archivePatientAction.fn({ ok: false }, form({ patientId, archived: "true" })),
      () => d.createPlanAction.fn({ ok: false }, form({ patientId })),
      () => d.issuePlanAction.fn({ ok: false }, form({ planId, revision: "1" })),
      () => d.savePlanAction.fn({ planId, revision: 1, draft: { title: "Taken over", conditions: [], notes: "", startDate: "", reviewDate: "", items: [] } }),
      () => d.archiveTemplateAction.fn({ ok: false }, form({ templateId })),
      () => d.updateExerciseAction.fn(exerciseId, { ok: false }, form({ name: "Taken over", summary: "x", regions: "knee", categories: "strength", level: "1", steps: "One" })),
      () => d.archiveExerciseAction.fn({ ok: false }, form({ exerciseId, archived: "true" })),
      () => d.duplicateExerciseAction.fn({ ok: false }, form({ exerciseId })),
      () => d.createLinkAction.fn({ ok: false }, form({ planId })),
      () => d.revokeLinkAction.fn({ ok: false }, form({ planId })),
      () => d.replaceLinkAction.fn({ ok: false }, form({ planId })),
      () => d.setExpiryAction.fn({ ok: false }, form({ planId, intent: "clear" })),
      () => d.erasePatientAction.fn({ ok: false }, form({ patientId, confirmation: "Zoë Łukasiewicz-Núñez" })),
      () => d.linkCopiedAction.fn({ ok: false }, form({ planId })),
      () => d.emailLinkAction.fn({ ok: false }, form({ planId, consent: "yes" })),
      () => d.setEndDateAction.fn({ ok: false }, form({ planId, endDate: "2030-01-01" })),
      () => d.endPlanAction.fn({ ok: false }, form({ planId, reason: "discharged" })),
      () => d.reopenPlanAction.fn({ ok: false }, form({ planId, endDate: "" })),
      () => d.acknowledgeAlertAction.fn({ ok: false }, form({ planId, kind: "pain" })),
      () => d.recordPsfsAction.fn({ ok: false }, form({ planId, name0: "Taken over", score0: "3" })),
      () => d.setPsfsRequestAction.fn({ ok: false }, form({ planId, ask: "on" })),
      () => d.setActiveAction.fn({ ok: false }, form({ userId: theirs.actor.userId, active: "false" })),
      () => d.setRoleAction.fn({ ok: false }, form({ userId: theirs.actor.userId, role: "clinician" })),
      () => d.revokeInvitationAction.fn({ ok: false }, form({ invitationId: theirs.invitationId })),
    ];
    for (const refusal of refusals) expect((await call(refusal)).ok).toBe(false);
    expect(await clinicState(theirs.actor.clinicId)).toBe(theirsBefore);
  }, 60_000);

  it("takes NUL characters (which Postgres cannot store) in well-formed requests without a 500", async () => {
    const all = Object.fromEntries(await Promise.all(Object.entries(actionModules).map(async ([file, load]) => [file, (await load()) as Record<string, unknown>])));
    const d = drivers(all);
    const nul = "Ada\u0000Lovelace";
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.append(key, value);
      return data;
    };
    const { patientId, planId } = mine;
    const calls = [
      () => d.createPatientAction.fn({ ok: false }, form({ firstName: nul, lastName: nul, clinicianId: mine.actor.userId, notes: nul })),
      () => d.updatePatientAction.fn({ ok: false }, form({ patientId, firstName: nul, lastName: "Test", clinicianId: mine.actor.userId })),
      () => d.createPlanAction.fn({ ok: false }, form({ patientId, title: nul })),
      () => d.createExerciseAction.fn({ ok: false }, form({ name: nul, summary: nul, regions: "knee", categories: "strength", level: "1", steps: nul })),
      () => d.savePlanAction.fn({ planId, revision: 1, draft: { title: nul, conditions: [], notes: nul, startDate: "", reviewDate: "", items: [] } }),
      () => d.saveTemplateAction.fn({ name: nul, description: nul, conditions: [], items: [] }),
      () => d.searchExercisesAction.fn({ q: nul }),
      () => d.recordPsfsAction.fn({ ok: false }, form({ planId, name1: nul, score1: "4" })),
    ];
    for (const run of calls) await call(run);
  }, 60_000);
});

// ---------------------------------------------------------------- route handlers

const origin = "http://127.0.0.1:3000";
const status4xx = (status: number) => status >= 400 && status < 500;

describe("every route handler, fed hostile input", () => {
  it("GET /p/<token> and /p/<token>/handout.pdf: 404 or 400 for any token or query, never a 500", async () => {
    const { GET: page } = await import("./p/[token]/route");
    const { GET: pdf } = await import("./p/[token]/handout.pdf/route");
    const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom("large", "paper", "version", "log"), fc.string({ maxLength: 6 })), hostileString()), { maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(hostileString(), query, async (token, params) => {
        const search = new URLSearchParams(params.map(([k, v]) => [k, v.slice(0, 200)])).toString();
        const url = `${origin}/p/${encodeURIComponent(token.slice(0, 200).toWellFormed())}${search ? `?${search}` : ""}`;
        const context = { params: Promise.resolve({ token }) };
        expect([200, 404]).toContain((await page(new NextRequest(url), context)).status);
        expect(status4xx((await pdf(new NextRequest(url.replace(/(\?|$)/, "/handout.pdf$1")), context)).status)).toBe(true);
      }),
      runs,
    );
  }, 120_000);

  /** Hostile forms and bodies posted to one of the patient page's form routes: only `statuses` come back, and a refused post stores nothing. */
  async function fuzzPatientForm(route: "log" | "activities", fields: string[], statuses: number[]) {
    const { POST } = route === "log" ? await import("./p/[token]/log/route") : await import("./p/[token]/activities/route");
    const theirsBefore = await clinicState(theirs.actor.clinicId);
    const body = fc.oneof(
      hostileForm(fields).map((form) => form as BodyInit),
      fc.string({ unit: "binary", maxLength: 300 }).map((text) => text as BodyInit),
    );
    const contentType = fc.constantFrom("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/json", "");
    await fc.assert(
      fc.asyncProperty(body, contentType, async (payload, type) => {
        const before = await clinicState(mine.actor.clinicId);
        const request = new NextRequest(`${origin}/p/${mine.token}/${route}`, { method: "POST", body: payload, ...(typeof payload === "string" && type ? { headers: { "Content-Type": type } } : {}) });
        const response = await POST(request, { params: Promise.resolve({ token: mine.token }) });
        expect(statuses).toContain(response.status);
        if (response.status !== 303) expect(await clinicState(mine.actor.clinicId)).toBe(before);
      }),
      runs,
    );
    expect(await clinicState(theirs.actor.clinicId)).toBe(theirsBefore);
  }

  it("POST /p/<token>/log: any form gets 303, 400, 409, 413 or 429; a refused one stores nothing", async () => {
    await fuzzPatientForm("log", ["clientKey", "done", "pain", "comment"], [303, 400, 409, 413, 429]);
  }, 120_000);

  it("POST /p/<token>/activities: any form gets 303, 400, 409 or 413; a refused one stores nothing", async () => {
    const { setPsfsRequest } = await import("@/lib/outcomes/psfs");
    // Asked (when the plan still runs), so a well-formed answer could be stored.
    await setPsfsRequest(mine.actor, { planId: mine.planId, open: true }).catch(() => null);
    await fuzzPatientForm("activities", ["clientKey", ...[0, 1, 2, 3, 4, 5].flatMap((i) => [`name${i}`, `score${i}`])], [303, 400, 409, 413]);
  }, 120_000);

  it("GET /plans/<id>/handout.pdf (the clinician's): 4xx for malformed ids, the other clinic's plan, and bad options", async () => {
    const { GET } = await import("./(clinic)/plans/[planId]/handout.pdf/route");
    const planId = fc.oneof(hostileString(), fc.constant(theirs.planId));
    const query = fc.array(fc.tuple(fc.constantFrom("large", "paper", "version"), hostileString()), { maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(planId, query, async (id, params) => {
        const search = new URLSearchParams(params.map(([k, v]) => [k, v.slice(0, 200)])).toString();
        const response = await GET(new NextRequest(`${origin}/plans/x/handout.pdf?${search}`), { params: Promise.resolve({ planId: id }) });
        expect(status4xx(response.status)).toBe(true);
      }),
      runs,
    );
  }, 120_000);

  it("GET /figures/<file>: 404 for anything that is not a stored figure", async () => {
    const { GET } = await import("./figures/[file]/route");
    await fc.assert(
      fc.asyncProperty(hostileString(), async (file) => {
        const response = await GET(new Request(`${origin}/figures/x`), { params: Promise.resolve({ file }) });
        expect(response.status).toBe(404);
      }),
      runs,
    );
  });
});
