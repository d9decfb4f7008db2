// A patient's data over its life: archiving ends their link (page, handout and log answer as an
// unknown token does) and restoring does not revive it; reads are audited; an admin exports the
// data as JSON and erases the patient; a clinician can do neither.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { createClinician, database, expect, expectAccessible, issuePlanThroughUi, signIn, test, type Clinician } from "./fixtures";

type Issued = { patientId: string; patientName: string; planId: string; token: string };

async function issuedPlan(page: Page, clinician: Clinician): Promise<Issued> {
  const suffix = crypto.randomBytes(3).toString("hex");
  const [patient] = await database()`insert into patients (clinic_id, clinician_id, first_name, last_name, email, conditions)
    values (${clinician.clinicId}, ${clinician.userId}, 'Rosalind', ${`Achterberg ${suffix}`}, ${`r.achterberg.${suffix}@example.test`}, ${["knee-oa"]}) returning id, full_name`;
  return { ...(await issuePlanThroughUi(page, patient.id)), patientId: patient.id, patientName: patient.full_name };
}

/** What the patient's three doors answer for a token: page, handout and a session log. */
async function patientDoors(request: APIRequestContext, token: string) {
  const page = await request.get(`/p/${token}`);
  const handout = await request.get(`/p/${token}/handout.pdf`);
  const log = await request.post(`/p/${token}/log`, { form: { clientKey: crypto.randomUUID(), pain: "2" }, maxRedirects: 0 });
  return { page: page.status(), handout: handout.status(), log: log.status() };
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await database()`select action from audit_events where entity_id = ${entityId} order by id`;
  return rows.map((r) => r.action as string);
}

test("archiving ends the patient's link; restoring does not revive it until the clinician creates a new one", async ({ signedIn: page, clinician, request }) => {
  test.setTimeout(90_000);
  const plan = await issuedPlan(page, clinician);
  const unknown = await patientDoors(request, crypto.randomBytes(32).toString("base64url"));
  expect(unknown).toEqual({ page: 404, handout: 404, log: 404 });
  expect((await request.get(`/p/${plan.token}`)).status()).toBe(200);

  await page.goto(`/patients/${plan.patientId}`);
  await page.getByRole("button", { name: `Archive patient ${plan.patientName}` }).click();
  await expect(page.getByText("Patient archived.")).toBeVisible();
  expect(await patientDoors(request, plan.token)).toEqual(unknown);
  // The same page as an unknown token's, word for word.
  expect(await (await request.get(`/p/${plan.token}`)).text()).toBe(await (await request.get(`/p/${crypto.randomBytes(32).toString("base64url")}`)).text());

  await page.reload();
  await page.getByRole("button", { name: `Restore patient ${plan.patientName}` }).click();
  await expect(page.getByText("Patient restored")).toBeVisible();
  expect(await patientDoors(request, plan.token)).toEqual(unknown);

  await page.goto(`/plans/${plan.planId}`);
  await expect(page.getByText("This plan has no active patient link.")).toBeVisible();
  await page.getByRole("button", { name: "Create a new link" }).click();
  const field = page.getByRole("textbox", { name: "Patient link", exact: true });
  await expect(field).toHaveValue(/\/p\/[A-Za-z0-9_-]{43}$/);
  const fresh = (await field.inputValue()).split("/p/")[1];
  expect(fresh).not.toBe(plan.token);
  expect((await request.get(`/p/${fresh}`)).status()).toBe(200);
  expect((await request.get(`/p/${plan.token}`)).status()).toBe(404);
});

test("opening the record and the plan, downloading a handout and copying the link are audited", async ({ signedIn: page, clinician, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const plan = await issuedPlan(page, clinician);
  await page.goto(`/patients/${plan.patientId}`);
  await expect(page.getByRole("heading", { level: 1, name: plan.patientName })).toBeVisible();
  expect(await auditActions(plan.patientId)).toContain("patient.viewed");
  expect(await auditActions(plan.planId)).toContain("plan.viewed");

  await page.goto(`/plans/${plan.planId}`);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect.poll(() => auditActions(plan.planId)).toContain("share-link.copied");

  const pdf = await page.request.get(`/plans/${plan.planId}/handout.pdf?large=1`);
  expect(pdf.status()).toBe(200);
  const [download] = await database()`select actor_id, detail from audit_events where entity_id = ${plan.planId} and action = 'handout.downloaded'`;
  expect(download).toEqual({ actor_id: clinician.userId, detail: { version: 1, variant: "a4-large" } });
  const [copied] = await database()`select actor_id from audit_events where entity_id = ${plan.planId} and action = 'share-link.copied'`;
  expect(copied.actor_id).toBe(clinician.userId);
});

test("an admin exports a patient's data as JSON and erases the patient after typing their name", async ({ signedIn: page, clinician }) => {
  test.setTimeout(90_000);
  const plan = await issuedPlan(page, clinician);
  await page.goto(`/patients/${plan.patientId}`);
  await expect(page.getByRole("heading", { name: "Data protection" })).toBeVisible();
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`patient-${plan.patientId}-export.json`);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(exported.patient).toMatchObject({ id: plan.patientId, fullName: plan.patientName });
  expect(exported.plans[0].versions[0].snapshot.patient.displayName).toContain("Rosalind");
  expect(await auditActions(plan.patientId)).toContain("patient.exported");

  await page.getByText("Erase this patient…").click();
  const confirm = page.getByLabel(`Type ${plan.patientName} to confirm`);
  await confirm.fill("Rosalind Somebody");
  await page.getByRole("button", { name: "Erase patient permanently" }).click();
  await expect(page.getByText("Type the patient's full name exactly as shown")).toBeVisible();
  await expect(page.getByLabel(`Type ${plan.patientName} to confirm`)).toHaveAttribute("aria-invalid", "true");
  expect((await database()`select count(*)::int as n from patients where id = ${plan.patientId}`)[0].n).toBe(1);

  await page.getByLabel(`Type ${plan.patientName} to confirm`).fill(plan.patientName);
  await page.getByRole("button", { name: "Erase patient permanently" }).click();
  await expect(page).toHaveURL(/\/patients\?erased=1$/);
  await expect(page.getByRole("status").filter({ hasText: "The patient was erased." })).toBeVisible();
  const sql = database();
  expect((await sql`select count(*)::int as n from patients where id = ${plan.patientId}`)[0].n).toBe(0);
  expect((await sql`select count(*)::int as n from plans where id = ${plan.planId}`)[0].n).toBe(0);
  expect(await auditActions(plan.patientId)).toEqual(["patient.erased"]);
  expect(await auditActions(plan.planId)).toEqual([]);
  expect((await page.request.get(`/p/${plan.token}`)).status()).toBe(404);
  expect((await page.request.get(`/patients/${plan.patientId}`)).status()).toBe(404);
});

// React's own encoder for server action arguments (as e2e/unauthenticated-actions.spec.ts posts them).
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

function actionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const [id] = Object.entries(manifest.node).find(([, entry]) => entry.filename === "app/(clinic)/patients/actions.ts" && entry.exportedName === name)!;
  return id;
}

test("a clinician sees no export or erase, gets 404 for the export, and a POSTed erase changes nothing", async ({ page, browser, baseURL }) => {
  const admin = await createClinician();
  const adminPage = await browser.newPage();
  await signIn(adminPage, admin);
  const plan = await issuedPlan(adminPage, admin);
  await adminPage.close();

  const suffix = crypto.randomBytes(4).toString("hex");
  const password = `pw-${suffix}-long-enough`;
  const { hashPassword } = await import("../lib/auth/password");
  await database()`insert into users (clinic_id, email, name, role, password_hash)
    values (${admin.clinicId}, ${`colleague-${suffix}@clinic.test`}, ${`Casey Colleague ${suffix}`}, 'clinician', ${await hashPassword(password)})`;
  await signIn(page, { email: `colleague-${suffix}@clinic.test`, password });

  await page.goto(`/patients/${plan.patientId}`);
  await expect(page.getByRole("heading", { level: 1, name: plan.patientName })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Data protection" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Export data (JSON)" })).toHaveCount(0);
  const exportResponse = await page.request.get(`/patients/${plan.patientId}/export.json`);
  expect(exportResponse.status()).toBe(404);
  expect(await exportResponse.text()).not.toContain("Rosalind");

  const formData = new FormData();
  formData.append("patientId", plan.patientId);
  formData.append("confirmation", plan.patientName);
  const body = await encodeReply([{ ok: false }, formData]);
  const headers = { "Next-Action": actionId("erasePatientAction"), Origin: baseURL!, Accept: "text/x-component" };
  const response =
    typeof body === "string"
      ? await page.request.post(`/patients/${plan.patientId}`, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 })
      : await page.request.post(`/patients/${plan.patientId}`, { headers, multipart: body, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(500);
  expect(await response.text()).toContain("This patient no longer exists or is not in your clinic.");
  expect((await database()`select count(*)::int as n from patients where id = ${plan.patientId}`)[0].n).toBe(1);
  expect(await auditActions(plan.patientId)).not.toContain("patient.erased");
  expect(await auditActions(plan.patientId)).not.toContain("patient.exported");
  expect((await page.request.get(`/p/${plan.token}`)).status()).toBe(200);
});
