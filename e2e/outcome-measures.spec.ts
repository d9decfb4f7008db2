// Outcome measures: the clinician records a baseline PSFS on the plan page and asks the patient to
// score their activities; the patient scores on a phone with JavaScript off; the plan page's chart
// and table then show the change against the minimal important change, and NPRS weekly averages.
import crypto from "node:crypto";
import { createPatient, database, expect, expectAccessible, issuePlanThroughUi, test } from "./fixtures";

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

test("PSFS: a clinician's baseline, the patient's score on their phone, and the change on the plan page", async ({ browser, signedIn: page, clinician }) => {
  // One long flow across two browsers, with two accessibility scans.
  test.setTimeout(180_000);
  const suffix = crypto.randomBytes(3).toString("hex");
  const patient = await createPatient(clinician, "Priya", `Shah ${suffix}`);
  const { planId, token } = await issuePlanThroughUi(page, patient.id);

  // The baseline, recorded by the clinician: the patient names two activities.
  const outcomes = page.getByRole("region", { name: "Outcome measures" });
  await expect(outcomes.getByText("No scores yet.")).toBeVisible();
  const record = outcomes.getByRole("form", { name: "Record PSFS scores" });
  await record.getByLabel("Activity 1", { exact: true }).fill("Climbing stairs");
  await record.getByLabel("Score 1", { exact: true }).fill("2");
  await record.getByLabel("Activity 2 (optional)").fill("Kneeling to garden");
  await record.getByLabel("Score 2", { exact: true }).fill("3");
  // A score out of range is refused at its field, and what was typed stays.
  await record.getByLabel("Activity 3 (optional)").fill("Running for the bus");
  await record.getByLabel("Score 3", { exact: true }).evaluate((input: HTMLInputElement) => input.removeAttribute("max"));
  await record.getByLabel("Score 3", { exact: true }).fill("12");
  await record.getByRole("button", { name: "Save baseline PSFS" }).click();
  await expect(record.getByText("Choose a score from 0 (unable to do it) to 10")).toBeVisible();
  await expect(record.getByLabel("Activity 1", { exact: true })).toHaveValue("Climbing stairs");
  expect((await database()`select count(*)::int as n from outcome_measures where plan_id = ${planId}`)[0].n).toBe(0);
  await record.getByLabel("Activity 3 (optional)").fill("");
  await record.getByLabel("Score 3", { exact: true }).fill("");
  await record.getByRole("button", { name: "Save baseline PSFS" }).click();
  await expect(outcomes.getByText("PSFS saved: average 2.5 out of 10.")).toBeVisible();
  const table = outcomes.getByRole("table", { name: "PSFS scores" });
  await expect(table.getByRole("row").nth(1)).toContainText(/\(baseline\)\s*Jordan Reyes \w+\s*2\s*3\s*2\.5\s*—/);

  // Ask the patient: the link now shows the form.
  await outcomes.getByRole("button", { name: "Ask the patient to score their activities" }).click();
  await expect(outcomes.getByText("Asked: the patient's link now shows the activity form.")).toBeVisible();
  await expect(outcomes.getByRole("button", { name: "Stop asking the patient" })).toBeVisible();

  // axe runs as a script, so the patient page's accessibility is checked in a phone with JavaScript on.
  const scanned = await browser.newContext(phone);
  const scan = await scanned.newPage();
  await scan.goto(`/p/${token}`);
  await expect(scan.getByRole("region", { name: "Your activities" })).toBeVisible();
  await expectAccessible(scan);
  await scanned.close();

  // The patient, on a phone with JavaScript off.
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const phonePage = await context.newPage();
  await phonePage.goto(`/p/${token}`);
  const section = phonePage.getByRole("region", { name: "Your activities" });
  await expect(section).toBeVisible();
  const stairs = section.getByRole("group", { name: "1. Climbing stairs" });
  const kneeling = section.getByRole("group", { name: "2. Kneeling to garden" });
  await expect(stairs.getByRole("radio")).toHaveCount(11);
  await stairs.locator("label").filter({ hasText: /^6$/ }).click();
  await kneeling.locator("label").filter({ hasText: /^7$/ }).click();
  await section.screenshot({ path: "/tmp/psfs-patient-form-phone.png", scale: "css" });
  const posted = phonePage.waitForResponse((response) => response.url().endsWith("/activities"));
  await section.getByRole("button", { name: "Save my scores" }).click();
  expect((await posted).status()).toBe(303);
  await expect(phonePage.getByText("Thank you — your activity scores are saved.")).toBeVisible();
  await expect(phonePage.getByRole("group", { name: "1. Climbing stairs" })).toHaveCount(0);
  await phonePage.screenshot({ path: "/tmp/psfs-patient-saved-phone.png", scale: "css" });
  await context.close();

  // Two sessions logged this week (pain 4 and 6), for the NPRS weekly average.
  for (const pain of [4, 6]) {
    await database()`insert into session_logs (clinic_id, plan_id, version, logged_on, items_done, pain, client_key)
      values (${clinician.clinicId}, ${planId}, 1, (now() at time zone 'Europe/London')::date, '[]'::jsonb, ${pain}, ${crypto.randomUUID()})`;
  }

  // The plan page: the table and chart show the change, with the minimal important change marked.
  await page.reload();
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row").nth(2)).toContainText(/Patient \(link\)\s*6\s*7\s*6\.5\s*\+4\.0 \(meaningful\)/);
  await expect(table.getByRole("row", { name: /Change since baseline/ })).toContainText(/\+4\.0\s*\+4\.0\s*\+4\.0\s*Meaningful \(≥ 2\)/);
  await expect(outcomes.getByTestId("psfs-verdict")).toContainText("change +4.0, meaningful improvement (change ≥ 2: meaningful)");
  const chart = outcomes.getByRole("img", { name: /PSFS average and each activity over time/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("desc")).toContainText("Baseline average 2.5 out of 10");
  await expect(chart.locator("desc")).toContainText("Change +4.0 points: meaningful improvement");
  await expect(outcomes.getByTestId("psfs-mic")).toHaveCount(1);
  await expect(outcomes.getByTestId("psfs-mic-label")).toHaveText("baseline + 2 = 4.5: change ≥ 2 is meaningful");
  // The request closed with the patient's answer.
  await expect(outcomes.getByRole("button", { name: "Ask the patient to score their activities" })).toBeVisible();

  const nprs = outcomes.getByRole("img", { name: /Pain \(NPRS\), weekly averages/ });
  await expect(nprs).toBeVisible();
  await outcomes.getByText("Show the weekly averages as a table").click();
  const nprsTable = outcomes.getByRole("table", { name: "Pain (NPRS), weekly averages" });
  await expect(nprsTable.getByRole("row").nth(1)).toContainText(/2\s*5\.0\/10/);

  await expectAccessible(page);
  await outcomes.screenshot({ path: "/tmp/psfs-plan-page.png" });
});

test("PSFS: asked before any score, the patient names and scores their own activities", async ({ browser, signedIn: page, clinician }) => {
  test.setTimeout(120_000);
  const suffix = crypto.randomBytes(3).toString("hex");
  const patient = await createPatient(clinician, "Tomasz", `Nowak ${suffix}`, ["nslbp"]);
  const { planId, token } = await issuePlanThroughUi(page, patient.id);
  const outcomes = page.getByRole("region", { name: "Outcome measures" });
  await outcomes.getByRole("button", { name: "Ask the patient to score their activities" }).click();
  await expect(outcomes.getByText(/where they name and score their activities until they answer/)).toBeVisible();

  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const phonePage = await context.newPage();
  await phonePage.goto(`/p/${token}`);
  const section = phonePage.getByRole("region", { name: "Your activities" });
  await section.getByRole("group", { name: "Activity 1" }).getByLabel("What is the activity?").fill("Sitting through a film");
  await section.getByRole("group", { name: "Activity 1" }).locator("label").filter({ hasText: /^3$/ }).click();
  // A second activity named but not scored: refused at its field, the first one's answers kept.
  await section.getByRole("group", { name: "Activity 2 (optional)" }).getByLabel("What is the activity?").fill("Putting on socks");
  await section.getByRole("button", { name: "Save my scores" }).click();
  await expect(phonePage.getByText("Please score each activity from 0 to 10")).toBeVisible();
  await expect(section.getByRole("group", { name: "Activity 1" }).getByLabel("What is the activity?")).toHaveValue("Sitting through a film");
  await phonePage.screenshot({ path: "/tmp/psfs-patient-first-score-phone.png", fullPage: false, scale: "css" });
  await section.getByRole("group", { name: "Activity 2 (optional)" }).locator("label").filter({ hasText: /^5$/ }).click();
  await section.getByRole("button", { name: "Save my scores" }).click();
  await expect(phonePage.getByText("Thank you — your activity scores are saved.")).toBeVisible();
  await context.close();

  await page.reload();
  const table = outcomes.getByRole("table", { name: "PSFS scores" });
  await expect(table.getByRole("columnheader", { name: "Sitting through a film" })).toBeVisible();
  await expect(table.getByRole("row").nth(1)).toContainText(/\(baseline\)\s*Patient \(link\)\s*3\s*5\s*4\.0\s*—/);
  expect((await database()`select count(*)::int as n from psfs_activities where plan_id = ${planId}`)[0].n).toBe(2);
});
