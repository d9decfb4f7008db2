// A plan that ends: the clinician discharges it, the patient's link then shows "this plan has
// ended" with the clinic's phone and refuses a session; re-opened, the plan is back. And the
// dashboard's attention list: acknowledging an alert, and paging through a long list.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { database, expect, expectAccessible, issuePlanThroughUi, test, type Clinician } from "./fixtures";

// Long flows on a shared machine: the default minute is tight for sign-in, issue and two pages.
test.describe.configure({ timeout: 180_000 });

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** A knee patient's plan from the built-in knee template, issued from the plan page. */
async function issuePlan(page: Page, clinician: Clinician, lastName: string) {
  const [patient] = await database()`insert into patients (clinic_id, clinician_id, first_name, last_name, conditions)
    values (${clinician.clinicId}, ${clinician.userId}, 'Rosa', ${lastName}, ${["knee-oa"]}) returning id`;
  return issuePlanThroughUi(page, patient.id);
}

async function logPain(page: Page, token: string, pain: number) {
  await page.goto(`/p/${token}`);
  await page.locator("label").filter({ has: page.getByRole("radio", { name: String(pain), exact: true }) }).click();
  await page.getByRole("button", { name: "Save today's session" }).click();
  await expect(page.getByText("Thank you — today's session is saved.")).toBeVisible();
}

test("discharge a plan: its link shows the ended page, logging is refused; re-opened, the plan is back", async ({ browser, signedIn: page, clinician }) => {
  const { planId, token } = await issuePlan(page, clinician, `Okafor ${crypto.randomBytes(3).toString("hex")}`);
  const patientContext = await browser.newContext(phone);
  const patient = await patientContext.newPage();
  await patient.goto(`/p/${token}`);
  await expect(patient.getByRole("heading", { level: 1, name: "Knee plan" })).toBeVisible();

  const ending = page.getByRole("region", { name: "Plan end" });
  await expect(ending.getByText("No end date or review date: the plan runs until you complete or discharge it.")).toBeVisible();
  await ending.getByText("Complete or discharge…").click();
  await ending.getByRole("button", { name: "Discharge" }).click();
  await expect(ending.getByText("Give a reason for the discharge")).toBeVisible();
  await expect(ending.getByLabel(/^Reason/)).toHaveAttribute("aria-invalid", "true");
  await ending.getByLabel(/^Reason/).fill("Moved away; care passed to a local clinic");
  await ending.getByRole("button", { name: "Discharge" }).click();
  await expect(ending.getByRole("status").filter({ hasText: "Discharged" })).toBeVisible();
  await expect(ending.getByText("Reason: Moved away; care passed to a local clinic")).toBeVisible();
  await expect(page.getByText("Ended · discharged")).toBeVisible();
  await expectAccessible(page);
  const [row] = await database()`select status, end_reason, ended_by from plans where id = ${planId}`;
  expect(row).toEqual({ status: "ended", end_reason: "discharged", ended_by: clinician.userId });

  // The patient still has the old page open and submits it: refused, with a clear message.
  await patient.locator("label").filter({ has: patient.getByRole("radio", { name: "3", exact: true }) }).click();
  const [refused] = await Promise.all([patient.waitForResponse((r) => r.url().endsWith("/log")), patient.getByRole("button", { name: "Save today's session" }).click()]);
  expect(refused.status()).toBe(409);
  await expect(patient.getByRole("alert")).toHaveText("Your session was not saved: this plan has ended, so it takes no more sessions.");
  expect(await database()`select id from session_logs where plan_id = ${planId}`).toHaveLength(0);

  const ended = await patient.goto(`/p/${token}`);
  expect(ended?.status()).toBe(200);
  const headers = ended!.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["x-robots-tag"]).toBe("noindex");
  await expect(patient.getByRole("heading", { level: 1, name: "This plan has ended" })).toBeVisible();
  await expect(patient.getByRole("link", { name: "0161 496 0000" })).toHaveAttribute("href", "tel:01614960000");
  await expect(patient.getByText(clinician.clinicName)).toBeVisible();
  await expect(patient.getByText("Knee plan")).toHaveCount(0);
  await expect(patient.getByText("Moved away")).toHaveCount(0);
  expect(await patient.locator("script").count()).toBe(0);
  await expectAccessible(patient);
  const handout = await patient.request.get(`/p/${token}/handout.pdf`);
  expect(handout.status()).toBe(410);

  // Re-opened with a new end date: the link shows the plan again and takes sessions.
  await page.reload();
  const endOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await ending.getByLabel("New end date").fill(endOn);
  await ending.getByRole("button", { name: "Re-open plan" }).click();
  await expect(ending.getByText(/^Runs until/)).toBeVisible();
  await logPain(patient, token, 2);
  expect(await database()`select pain from session_logs where plan_id = ${planId}`).toEqual([{ pain: 2 }]);
  await patientContext.close();
});

test("acknowledge a pain alert on the dashboard: quiet until the patient logs pain again", async ({ browser, signedIn: page, clinician }) => {
  const lastName = `Byrne ${crypto.randomBytes(3).toString("hex")}`;
  const { token } = await issuePlan(page, clinician, lastName);
  const patientContext = await browser.newContext(phone);
  const patient = await patientContext.newPage();
  await logPain(patient, token, 8);

  await page.goto("/dashboard");
  const attention = page.getByRole("region", { name: "Patients who need attention" });
  await expect(attention.getByText(`Rosa ${lastName}`, { exact: true })).toBeVisible();
  await expect(attention.getByText(/^Pain 8\/10 logged on/)).toBeVisible();
  await expectAccessible(page);
  await attention.getByRole("button", { name: `Acknowledge the pain alert for Rosa ${lastName}` }).click();
  await expect(attention.getByText("Nobody right now.")).toBeVisible();
  const audit = await database()`select actor_id, detail from audit_events where clinic_id = ${clinician.clinicId} and action = 'alert.acknowledged'`;
  expect(audit).toEqual([{ actor_id: clinician.userId, detail: { kind: "pain" } }]);

  await logPain(patient, token, 3);
  await page.reload();
  await expect(attention.getByText("Nobody right now.")).toBeVisible();
  await logPain(patient, token, 9);
  await page.reload();
  await expect(attention.getByText(/^Pain 9\/10 logged on/)).toBeVisible();
  await patientContext.close();
});

test("the attention list comes a page at a time, the longest silence first", async ({ signedIn: page, clinician }) => {
  const { planId } = await issuePlan(page, clinician, "Anchor");
  const sql = database();
  // 23 more issued plans, silent for 8 to 30 days: copies of the issued one, each with a live link.
  const [version] = await sql`select snapshot from plan_versions where plan_id = ${planId}`;
  for (let i = 0; i < 23; i++) {
    const [patient] = await sql`insert into patients (clinic_id, first_name, last_name) values (${clinician.clinicId}, 'Silent', ${`Patient ${String(i).padStart(2, "0")}`}) returning id`;
    const [plan] = await sql`insert into plans (clinic_id, patient_id, title, status, latest_version, has_unissued_changes)
      values (${clinician.clinicId}, ${patient.id}, 'Back plan', 'issued', 1, false) returning id`;
    await sql`insert into plan_versions (clinic_id, plan_id, version, snapshot, issued_at)
      values (${clinician.clinicId}, ${plan.id}, 1, ${sql.json(version.snapshot)}, now() - make_interval(days => ${8 + i}))`;
    await sql`insert into share_links (clinic_id, plan_id, token_hash) values (${clinician.clinicId}, ${plan.id}, ${crypto.randomBytes(32).toString("hex")})`;
  }
  await page.goto("/dashboard");
  const attention = page.getByRole("region", { name: "Patients who need attention" });
  const pages = attention.getByRole("navigation", { name: "Pages of the attention list" });
  await expect(pages.getByText("Page 1 of 2 · 23 in all")).toBeVisible();
  await expect(attention.getByRole("listitem").filter({ hasText: "Silent Patient" }).first()).toContainText("Silent Patient 22");
  await expect(attention.getByText("Nothing logged for 30 days")).toBeVisible();
  await expect(attention.getByText("Silent Patient 02", { exact: true })).toHaveCount(0);
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/dashboard\?page=2$/);
  await expect(pages.getByText("Page 2 of 2 · 23 in all")).toBeVisible();
  await expect(attention.getByText("Silent Patient 00", { exact: true })).toBeVisible();
  await expect(attention.getByText("Silent Patient 02", { exact: true })).toBeVisible();
  await expect(attention.getByText("Silent Patient 03", { exact: true })).toHaveCount(0);
  await expect(pages.getByRole("link", { name: "Previous page" })).toBeVisible();
});
