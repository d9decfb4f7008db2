// Pain monitoring as physiotherapists use it: a knee patient on a phone without JavaScript logs a
// session with pain during exercise and how the last session felt the morning after (worse, knee
// more swollen); the clinician's dashboard and plan page show each alert with why it fired, and an
// acknowledged one goes quiet. And "Too easy? / Too hard?", ticked in the builder, on the patient's page.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { createPatient, createPlanThroughUi, database, expect, expectAccessible, issueVersionOne, test, type Clinician } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, javaScriptEnabled: false };
const shots = process.env.E2E_SCREENSHOTS;

/** A knee patient's plan from the builder, with "Too easy? / Too hard?" ticked on its first exercise, issued. */
async function issueKneePlan(page: Page, clinician: Clinician, lastName: string) {
  const patient = await createPatient(clinician, "Rosa", lastName);
  const planId = await createPlanThroughUi(page, patient.id);
  const box = page.getByRole("checkbox", { name: "Show “Too easy? / Too hard?” to the patient" });
  await expect(box.first()).not.toBeChecked();
  await box.first().check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const linkField = await issueVersionOne(page, planId);
  await expect(page.getByText("Version 1 issued.")).toBeVisible();
  const link = await linkField.inputValue();
  return { planId, token: link.split("/p/")[1] };
}

test("a knee patient logs pain during exercise and a worse, more swollen morning after; the clinician sees why", async ({ browser, signedIn: page, clinician }) => {
  const lastName = `Mensah ${crypto.randomBytes(3).toString("hex")}`;
  const { planId, token } = await issueKneePlan(page, clinician, lastName);
  // Two earlier sessions, the newer one yesterday, already saying the morning after was worse.
  const sql = database();
  for (const daysAgo of [2, 1]) {
    await sql`insert into session_logs (clinic_id, plan_id, version, logged_on, items_done, pain, next_day, next_day_of, client_key, created_at)
      values (${clinician.clinicId}, ${planId}, 1, (now() at time zone 'Europe/London')::date - ${daysAgo}::int, '[]'::jsonb, 3,
        ${daysAgo === 1 ? "worse" : null}, ${daysAgo === 1 ? sql`(now() at time zone 'Europe/London')::date - 2` : null}, ${crypto.randomUUID()}, now() - make_interval(days => ${daysAgo}))`;
  }

  const context = await browser.newContext(phone);
  const patient = await context.newPage();
  await patient.goto(`/p/${token}`);
  // The line the clinician allowed, on the first exercise only.
  await expect(patient.locator("[data-progression]")).toHaveCount(1);
  await expect(patient.locator("[data-progression]")).toContainText(/Too easy\? .+ Too hard\? /);

  const log = patient.getByRole("region", { name: "Log today’s session" });
  await expect(log.getByRole("heading", { name: /After your last session/ })).toBeVisible();
  await log.getByRole("group", { name: /How were your pain and stiffness/ }).getByText("Worse", { exact: true }).click();
  await log.getByRole("group", { name: /Was your knee more swollen/ }).getByText("More swollen", { exact: true }).click();
  await log.locator("label").filter({ has: patient.getByRole("checkbox") }).first().click();
  await log.getByRole("group", { name: /during the exercises/ }).getByText("7", { exact: true }).click();
  await log.getByRole("group", { name: /today, overall/ }).getByText("4", { exact: true }).click();
  if (shots) {
    await log.screenshot({ path: `${shots}/log-form-phone.png` });
    await patient.locator("article").first().screenshot({ path: `${shots}/first-exercise-phone.png` });
  }
  await patient.getByRole("button", { name: "Save today's session" }).click();
  await expect(patient.getByText("Thank you — today's session is saved.")).toBeVisible();
  const [row] = await sql`select pain, exercise_pain, next_day, swelling, next_day_of::text = ((now() at time zone 'Europe/London')::date - 1)::text as about_yesterday
    from session_logs where plan_id = ${planId} order by created_at desc limit 1`;
  expect(row).toEqual({ pain: 4, exercise_pain: 7, next_day: "worse", swelling: "worse", about_yesterday: true });
  await context.close();
  // The form with its new questions passes the accessibility check (axe needs JavaScript to run).
  const checking = await browser.newContext({ ...phone, javaScriptEnabled: true });
  const checked = await checking.newPage();
  await checked.goto(`/p/${token}#log`);
  await expectAccessible(checked);
  await checking.close();

  await page.goto("/dashboard");
  const entry = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Open plan for Rosa ${lastName}` }) });
  await expect(entry.getByText(/^Pain during exercise 7\/10 on \w{3} \d{1,2} \w{3} \(above 5\)$/)).toBeVisible();
  await expect(entry.getByText(/^Pain or stiffness worse the morning after 2 of the last 2 sessions \(the latest after the session on \w{3} \d{1,2} \w{3}\)$/)).toBeVisible();
  await expect(entry.getByText(/^Knee more swollen the morning after the session on \w{3} \d{1,2} \w{3}$/)).toBeVisible();
  if (shots) await entry.screenshot({ path: `${shots}/dashboard-entry.png` });

  await entry.getByRole("button", { name: `Acknowledge the pain-during-exercise alert for Rosa ${lastName}` }).click();
  await expect(entry.getByText(/^Pain during exercise 7\/10/)).toHaveCount(0);
  await expect(entry.getByText(/^Knee more swollen the morning after/)).toBeVisible();

  await page.goto(`/plans/${planId}`);
  const alerts = page.getByTestId("adherence-alerts");
  await expect(alerts).toContainText("Pain or stiffness worse the morning after 2 of the last 2 sessions");
  await expect(alerts).toContainText("Knee more swollen the morning after the session on");
  await expect(alerts).not.toContainText("Pain during exercise");
  await expect(page.getByText(/The pain-during-exercise alert was last acknowledged by/)).toBeVisible();
  if (shots) await page.getByRole("region", { name: "Adherence" }).screenshot({ path: `${shots}/plan-adherence.png` });
  await expectAccessible(page);
});
