// Every server action is a public POST endpoint. Each exported action of the patients, plans and
// templates actions.ts files (and the plan page's outcome actions) is POSTed (the way React posts it: `Next-Action` header plus the encoded
// arguments) without a session, and with a session whose user has been deactivated (which passes the
// proxy and reaches the action's own check). Each is refused and the database is unchanged.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { createClinician, database, expect, signIn, test, type Clinician } from "./fixtures";

const actionFiles = ["app/(clinic)/patients/actions.ts", "app/(clinic)/plans/actions.ts", "app/(clinic)/templates/actions.ts", "app/(clinic)/plans/[planId]/_outcomes/outcome-actions.ts", "app/(clinic)/account/two-factor-actions.ts"];

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
type Seed = { clinician: Clinician; patientId: string; planId: string; templateId: string; spareTemplateId: string; sparePlanId: string; exerciseId: string };
type Payload = { form: Record<string, string> } | { object: unknown };

/** How the builder and the forms call each action; every exported action must have one. */
function payloads(seed: Seed): Record<string, Payload> {
  const { clinician, patientId, planId, templateId, exerciseId } = seed;
  return {
    createPatientAction: { form: { firstName: "Intruder", lastName: "Added", clinicianId: clinician.userId } },
    updatePatientAction: { form: { patientId, firstName: "Changed", lastName: "By intruder", clinicianId: clinician.userId } },
    archivePatientAction: { form: { patientId, archived: "true" } },
    erasePatientAction: { form: { patientId, confirmation: "Protected Patient" } },
    createPlanAction: { form: { patientId } },
    issuePlanAction: { form: { planId, revision: "1" } },
    archiveTemplateAction: { form: { templateId } },
    savePlanAction: {
      object: { planId, revision: 1, draft: { title: "Changed by intruder", conditions: [], notes: "", startDate: "", reviewDate: "", items: [{ exerciseId, dose: { reps: 5 }, note: null }] } },
    },
    saveTemplateAction: { object: { name: "Intruder template", description: "", conditions: [], items: [{ exerciseId, dose: { reps: 5 }, note: null }] } },
    searchExercisesAction: { object: { q: "bridge" } },
    // Reads a catalogue exercise: refused, it must not leak the exercise ("Glute bridge") either.
    exerciseVariantAction: { object: { slug: "glute-bridge" } },
    // The plan page's outcome measures: a PSFS record and the "ask the patient" request.
    recordPsfsAction: { form: { planId, recordedOn: "", name0: "Climbing stairs", score0: "3" } },
    setPsfsRequestAction: { form: { planId, ask: "on" } },
    // The user's own two-factor (which also serves a user owing an enrolment): refused like the rest.
    confirmEnrolmentAction: { form: { offer: "v1.not-an-offer", code: "123456" } },
    manageTwoFactorAction: { form: { intent: "new-codes", currentPassword: clinician.password } },
  };
}

function exportedNames(file: string): string[] {
  const source = fs.readFileSync(path.join(process.cwd(), file), "utf8");
  return [...source.matchAll(/^export (?:const|async function|function) (\w+)/gm)].map((m) => m[1]);
}

function actionsFromManifest() {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename && actionFiles.includes(entry.filename))
    .map(([id, entry]) => ({ id, name: entry.exportedName!, file: entry.filename!, page: Object.keys(entry.workers)[0] }));
}

/** "app/(clinic)/patients/[patientId]/edit/page" → "/patients/<id>/edit". */
function pathOf(page: string, seed: Seed): string {
  return page
    .replace(/^app/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\/page$/, "")
    .replace("[patientId]", seed.patientId)
    .replace("[planId]", seed.planId);
}

// React's own encoder for server action arguments, so these requests are exactly what the browser sends.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

async function post(request: APIRequestContext, baseURL: string, action: { id: string; page: string }, payload: Payload, seed: Seed) {
  const url = pathOf(action.page, seed);
  const headers = { "Next-Action": action.id, Origin: baseURL, Accept: "text/x-component" };
  let args: unknown[];
  if ("form" in payload) {
    // useActionState calls (previousState, formData).
    const formData = new FormData();
    for (const [key, value] of Object.entries(payload.form)) formData.append(key, value);
    args = [{ ok: false }, formData];
  } else {
    args = [payload.object];
  }
  const body = await encodeReply(args);
  if (typeof body === "string") {
    return request.post(url, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 });
  }
  return request.post(url, { headers, multipart: body, maxRedirects: 0 });
}

async function seedClinic(clinician: Clinician): Promise<Seed> {
  const sql = database();
  const [exercise] = await sql`select id, default_dose from exercises where clinic_id is null and slug = 'glute-bridge'`;
  const [patient] = await sql`insert into patients (clinic_id, clinician_id, first_name, last_name) values (${clinician.clinicId}, ${clinician.userId}, 'Protected', 'Patient') returning id`;
  const plans = [];
  for (const title of ["Protected plan", "Spare plan"]) {
    const [plan] = await sql`insert into plans (clinic_id, patient_id, title) values (${clinician.clinicId}, ${patient.id}, ${title}) returning id`;
    await sql`insert into plan_items (clinic_id, plan_id, exercise_id, position, dose) values (${clinician.clinicId}, ${plan.id}, ${exercise.id}, 0, ${sql.json(exercise.default_dose)})`;
    plans.push(plan.id as string);
  }
  const templates = [];
  for (const name of ["Protected template", "Spare template"]) {
    const slug = name.toLowerCase().replace(/ /g, "-");
    const [template] = await sql`insert into templates (clinic_id, slug, name, items) values (${clinician.clinicId}, ${slug}, ${name}, ${sql.json([{ exerciseId: exercise.id, dose: null, note: null }])}) returning id`;
    templates.push(template.id as string);
  }
  return { clinician, patientId: patient.id, planId: plans[0], sparePlanId: plans[1], templateId: templates[0], spareTemplateId: templates[1], exerciseId: exercise.id };
}

/** Everything the actions could touch in this clinic, as text. */
async function state(clinicId: string): Promise<string> {
  const sql = database();
  const rows = await Promise.all([
    sql`select id, first_name, last_name, archived, updated_at from patients where clinic_id = ${clinicId} order by id`,
    sql`select id, title, revision, status, latest_version, updated_at from plans where clinic_id = ${clinicId} order by id`,
    sql`select id, plan_id, position, dose, note from plan_items where clinic_id = ${clinicId} order by id`,
    sql`select count(*)::int as n from plan_versions where clinic_id = ${clinicId}`,
    sql`select id, name, archived, updated_at from templates where clinic_id = ${clinicId} order by id`,
    sql`select count(*)::int as n from audit_events where clinic_id = ${clinicId}`,
    sql`select (select count(*)::int from outcome_measures where clinic_id = ${clinicId}) as measures, (select count(*)::int from psfs_activities where clinic_id = ${clinicId}) as activities, (select count(*)::int from outcome_requests where clinic_id = ${clinicId}) as requests`,
    sql`select id, totp_secret_sealed, totp_enabled_at, totp_last_step from users where clinic_id = ${clinicId} order by id`,
    sql`select count(*)::int as n from recovery_codes r join users u on u.id = r.user_id where u.clinic_id = ${clinicId}`,
  ]);
  return JSON.stringify(rows);
}

test("every patients, plans, templates and outcome server action is listed in the build and has a payload here", async () => {
  const actions = actionsFromManifest();
  const expected = actionFiles.flatMap(exportedNames).sort();
  expect(actions.map((a) => a.name).sort()).toEqual(expected);
  const fake = { patientId: "x", planId: "x", templateId: "x", spareTemplateId: "x", sparePlanId: "x", exerciseId: "x", clinician: {} as Clinician };
  expect(Object.keys(payloads(fake)).sort()).toEqual(expected);
});

test("with no session, every action is refused and nothing changes", async ({ request, baseURL }) => {
  const seed = await seedClinic(await createClinician());
  const before = await state(seed.clinician.clinicId);
  const all = payloads(seed);
  for (const action of actionsFromManifest()) {
    const response = await post(request, baseURL!, action, all[action.name], seed);
    // The proxy turns a signed-out visitor away before the action runs: a redirect to sign-in.
    expect(response.status(), action.name).toBeGreaterThanOrEqual(300);
    expect(response.status(), action.name).toBeLessThan(400);
    expect(response.headers().location ?? "", action.name).toContain("/sign-in");
  }
  expect(await state(seed.clinician.clinicId)).toBe(before);
});

test("with a session whose user was deactivated, every action refuses by itself and nothing changes", async ({ page, baseURL }) => {
  const clinician = await createClinician();
  const seed = await seedClinic(clinician);
  await signIn(page, clinician);
  const actions = actionsFromManifest();
  const byName = new Map(actions.map((a) => [a.name, a]));
  const sql = database();

  // Controls: the same requests, signed in, do change things; so the refusals below are real.
  const liveArchive = await post(page.request, baseURL!, byName.get("archiveTemplateAction")!, { form: { templateId: seed.spareTemplateId } }, seed);
  expect(await liveArchive.text()).toContain("archived");
  expect((await sql`select archived from templates where id = ${seed.spareTemplateId}`)[0].archived).toBe(true);
  const liveSave = await post(
    page.request,
    baseURL!,
    byName.get("savePlanAction")!,
    { object: { planId: seed.sparePlanId, revision: 1, draft: { title: "Saved by the control", conditions: [], notes: "", startDate: "", reviewDate: "", items: [] } } },
    seed,
  );
  expect(await liveSave.text()).toContain("Saved");
  expect((await sql`select title from plans where id = ${seed.sparePlanId}`)[0].title).toBe("Saved by the control");

  await sql`update users set active = false where id = ${clinician.userId}`;
  const before = await state(clinician.clinicId);
  const all = payloads(seed);
  for (const action of actions) {
    const response = await post(page.request, baseURL!, action, all[action.name], seed);
    const body = await response.text();
    expect(response.status(), action.name).toBeLessThan(500);
    expect(body, action.name).toContain("Your session has ended");
    expect(body, action.name).not.toContain("Glute bridge");
  }
  expect(await state(clinician.clinicId)).toBe(before);
});
