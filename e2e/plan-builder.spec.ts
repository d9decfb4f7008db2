import type { Locator, Page } from "@playwright/test";
import { database, expect, expectAccessible, test } from "./fixtures";

const planItems = (page: Page) => page.getByRole("list", { name: "Exercises in this plan" }).getByRole("listitem");
const card = (page: Page, name: string) => planItems(page).filter({ has: page.getByRole("heading", { name }) });
const doseLine = (item: Locator) => item.getByTestId("dose-line");

async function itemNames(page: Page): Promise<string[]> {
  return (await planItems(page).getByRole("heading", { level: 3 }).allInnerTexts()).map((t) => t.replace(/^\d+\s*/, "").replace(/\s*Clinic$/, "").trim());
}

async function addFromSearch(page: Page, query: string, name: string) {
  await page.getByLabel("Search exercises").fill(query);
  await page.getByRole("button", { name: `Add ${name}`, exact: true }).click();
}

test("a new patient with stenosis gets an issued plan in under two minutes, then a revised version 2", async ({ signedIn: page }) => {
  test.setTimeout(180_000);
  const started = Date.now();

  // Patient
  await page.getByRole("link", { name: "Patients" }).click();
  await expect(page.getByRole("heading", { name: "Patients" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "New patient" }).click();
  await expectAccessible(page);
  await page.getByLabel("First name").fill("Margaret");
  await page.getByLabel("Last name").fill("Ellison");
  await page.getByLabel("Birth year").fill("1951");
  await page.getByLabel("Lumbar spinal stenosis").check();
  await page.getByRole("button", { name: "Add patient" }).click();
  await expect(page.getByRole("heading", { name: "Margaret Ellison" })).toBeVisible();
  await expectAccessible(page);

  // From the stenosis template
  await page.getByRole("link", { name: "New plan" }).click();
  await expect(page.getByRole("radio", { name: /Spinal stenosis: flexion bias/ })).toBeChecked();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/pb-new-plan.png", fullPage: true });
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("heading", { name: "Edit plan" })).toBeVisible();
  // (six: the template walks with rest breaks too)
  await expect(planItems(page)).toHaveCount(6);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.screenshot({ path: "/tmp/pb-builder-top.png" });

  // Add through search, with a typo
  await addFromSearch(page, "glute brige", "Glute bridge");
  await expect(page.getByTestId("builder-notice")).toContainText("Glute bridge added as exercise 7 of 7.");
  await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");

  // Change a dose: the dose line follows; a value outside the limits is refused at the field
  const bridge = card(page, "Glute bridge");
  await expect(doseLine(bridge)).toHaveText(/^3 sets of 10 · hold 3 s/);
  await bridge.getByLabel("Sets").fill("11");
  await expect(bridge.getByText("Sets must be between 1 and 10")).toBeVisible();
  await expect(bridge.getByLabel("Sets")).toHaveAttribute("aria-invalid", "true");
  await bridge.getByLabel("Sets").fill("4");
  await expect(doseLine(bridge)).toHaveText(/^4 sets of 10 · hold 3 s/);
  await expect(bridge.getByText("Sets must be between 1 and 10")).toHaveCount(0);

  // Reorder with the keyboard; the move is announced and focus stays on the button
  const up = page.getByRole("button", { name: "Move Glute bridge up" });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("builder-notice")).toContainText("Glute bridge moved to position 6 of 7.");
  await expect(up).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("builder-notice")).toContainText("Glute bridge moved to position 5 of 7.");
  expect((await itemNames(page))[4]).toBe("Glute bridge");

  // The caution warning: prone press-up for a patient with stenosis
  await addFromSearch(page, "prone press", "Prone press-up");
  await expect(page.getByTestId("builder-notice")).toContainText("Caution: Prone press-up is cautioned for lumbar spinal stenosis");
  await expect(card(page, "Prone press-up").getByText(/Prone press-up is cautioned for lumbar spinal stenosis: .*pelvis on the floor/)).toBeVisible();
  await expect(page.getByText("This plan has 8 exercises.")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/pb-builder.png", fullPage: true });
  await page.getByRole("button", { name: "Remove Prone press-up" }).click();
  await expect(page.getByTestId("builder-notice")).toContainText("Prone press-up removed. 7 exercises left.");
  await page.getByRole("button", { name: "Remove Glute bridge" }).click();
  await expect(page.getByTestId("builder-notice")).toContainText("Glute bridge removed. 6 exercises left.");
  await expect(page.getByText(/This plan has \d+ exercises/)).toHaveCount(0);

  // Save and issue version 1
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.getByRole("link", { name: "Back to plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spinal stenosis: flexion bias" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Issue version 1" }).click();
  await page.getByRole("button", { name: "Confirm: issue version 1" }).click();
  await expect(page.getByText("Version 1 issued.")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Version 1" })).toBeVisible();
  const elapsed = Date.now() - started;
  console.log(`new patient → issued version 1: ${(elapsed / 1000).toFixed(1)} s`);
  expect(elapsed).toBeLessThan(120_000);
  await expectAccessible(page);

  // Revise: change a dose, remove an exercise, issue version 2
  await page.getByRole("link", { name: "Edit plan" }).click();
  await expect(page.getByRole("heading", { name: "Edit plan" })).toBeVisible();
  await card(page, "Sit-to-stand").getByLabel("Reps").fill("8");
  await page.getByRole("button", { name: "Remove Single-leg stance" }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.getByRole("link", { name: "Back to plan" }).click();
  await expect(page.getByText("Version 1 issued · changes not yet issued")).toBeVisible();
  await page.getByRole("button", { name: "Issue version 2" }).click();
  await page.getByRole("button", { name: "Confirm: issue version 2" }).click();
  await expect(page.getByText("Version 2 issued.")).toBeVisible();
  const v2 = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Version 2" }) });
  await expect(v2).toContainText("Removed Single-leg stance");
  await expect(v2).toContainText("Sit-to-stand: dose changed");
  await page.screenshot({ path: "/tmp/pb-plan-page.png", fullPage: true });

  // The patient page lists the plan and who issued what
  await page.getByRole("link", { name: "Margaret Ellison" }).first().click();
  await expect(page.getByRole("row").filter({ hasText: "Spinal stenosis: flexion bias" })).toContainText("Version 2 issued");
  await expect(page.getByText(/issued version 2 of “Spinal stenosis: flexion bias”/)).toBeVisible();
  await page.screenshot({ path: "/tmp/pb-patient-page.png", fullPage: true });
});

async function seedPlan(clinicId: string, userId: string) {
  const sql = database();
  const [patient] = await sql`insert into patients (clinic_id, clinician_id, first_name, last_name, conditions) values (${clinicId}, ${userId}, 'Tom', 'Okoro', '{knee-oa}') returning id`;
  const [plan] = await sql`insert into plans (clinic_id, patient_id, title, conditions, created_by) values (${clinicId}, ${patient.id}, 'Knee plan', '{knee-oa}', ${userId}) returning id`;
  const [exercise] = await sql`select id, default_dose from exercises where clinic_id is null and slug = 'sit-to-stand'`;
  await sql`insert into plan_items (clinic_id, plan_id, exercise_id, position, dose) values (${clinicId}, ${plan.id}, ${exercise.id}, 0, ${sql.json(exercise.default_dose)})`;
  return plan.id as string;
}

test("two tabs on one plan: the later save is refused with a conflict and keeps its typing", async ({ signedIn: tabA, clinician, context }) => {
  const planId = await seedPlan(clinician.clinicId, clinician.userId);
  const tabB = await context.newPage();
  await tabA.goto(`/plans/${planId}/edit`);
  await tabB.goto(`/plans/${planId}/edit`);
  await expectAccessible(tabA);

  await tabA.getByLabel("Title").fill("Knee plan (from tab A)");
  await tabA.getByRole("button", { name: "Save", exact: true }).click();
  await expect(tabA.getByTestId("save-status")).toHaveText("Saved");

  await tabB.getByLabel("Title").fill("Knee plan (from tab B)");
  await card(tabB, "Sit-to-stand").getByLabel("Sets").fill("5");
  await tabB.getByRole("button", { name: "Save", exact: true }).click();
  const alert = tabB.getByRole("alert").filter({ hasText: "changed in another tab" });
  await expect(alert).toContainText(
    "This plan was changed in another tab or by someone else. Reload to see the latest version — your edits here are kept until you do.",
  );
  await expect(alert.getByRole("button", { name: "Reload" })).toBeVisible();
  await expect(tabB.getByLabel("Title")).toHaveValue("Knee plan (from tab B)");
  await expect(card(tabB, "Sit-to-stand").getByLabel("Sets")).toHaveValue("5");
  await expect(tabB.getByTestId("save-status")).toHaveText("Not saved: changed elsewhere");

  const [row] = await database()`select title, revision from plans where id = ${planId}`;
  expect(row).toEqual({ title: "Knee plan (from tab A)", revision: 2 });
  const [item] = await database()`select dose from plan_items where plan_id = ${planId}`;
  expect(item.dose.sets).toBe(3);

  // Reload shows tab A's content.
  tabB.on("dialog", (dialog) => dialog.accept());
  await alert.getByRole("button", { name: "Reload" }).click();
  await expect(tabB.getByLabel("Title")).toHaveValue("Knee plan (from tab A)");
});

test("a double-clicked save writes once, and a refused save keeps everything typed", async ({ signedIn: page, clinician }) => {
  const planId = await seedPlan(clinician.clinicId, clinician.userId);
  await page.goto(`/plans/${planId}/edit`);
  const item = card(page, "Sit-to-stand");

  await item.getByLabel("Hold").fill("700");
  await item.getByLabel("Note for the patient").fill("Use a firm chair.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toHaveText("Not saved: please correct the highlighted fields. Your edits are still here.");
  await expect(item.getByText("Hold must be between 1 and 600")).toBeVisible();
  await expect(item.getByLabel("Note for the patient")).toHaveValue("Use a firm chair.");
  await expect(item.getByLabel("Hold")).toBeFocused();

  await item.getByLabel("Hold").fill("2");
  await page.getByRole("button", { name: "Save", exact: true }).dblclick();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const [row] = await database()`select revision from plans where id = ${planId}`;
  expect(row.revision).toBe(2);
  const saves = await database()`select count(*)::int as n from audit_events where entity_id = ${planId} and action = 'plan.saved'`;
  expect(saves[0].n).toBe(1);
  const [saved] = await database()`select dose, note from plan_items where plan_id = ${planId}`;
  expect(saved).toMatchObject({ dose: { holdSeconds: 2 }, note: "Use a firm chair." });
});

test("templates: save the builder's plan as a template, find it on the templates page, use it, archive it", async ({ signedIn: page, clinician }) => {
  const planId = await seedPlan(clinician.clinicId, clinician.userId);
  await page.goto(`/plans/${planId}/edit`);
  await page.getByText("Save as template").click();
  await page.getByLabel("Template name").fill("Okoro knee starter");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("Template “Okoro knee starter” saved.")).toBeVisible();

  await page.getByRole("link", { name: "Templates" }).first().click();
  await expect(page.getByRole("heading", { name: "Templates", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("heading", { name: "Okoro knee starter" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Spinal stenosis: flexion bias" })).toBeVisible();
  await page.screenshot({ path: "/tmp/pb-templates.png", fullPage: true });

  await page.getByRole("link", { name: "Use for a patient: Okoro knee starter" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Choose Tom Okoro" }).click();
  await expect(page.getByRole("radio", { name: /Okoro knee starter/ })).toBeChecked();
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("heading", { name: "Edit plan" })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Okoro knee starter");
  await expect(planItems(page)).toHaveCount(1);

  await page.goto("/templates");
  await page.getByRole("button", { name: "Archive Okoro knee starter" }).click();
  await expect(page.getByRole("heading", { name: "Okoro knee starter" })).toHaveCount(0);
});

test("an exercise can be dragged to a new place", async ({ signedIn: page, clinician }) => {
  const planId = await seedPlan(clinician.clinicId, clinician.userId);
  const sql = database();
  const [bridge] = await sql`select id, default_dose from exercises where clinic_id is null and slug = 'glute-bridge'`;
  await sql`insert into plan_items (clinic_id, plan_id, exercise_id, position, dose) values (${clinician.clinicId}, ${planId}, ${bridge.id}, 1, ${sql.json(bridge.default_dose)})`;
  await page.goto(`/plans/${planId}/edit`);
  expect(await itemNames(page)).toEqual(["Sit-to-stand", "Glute bridge"]);

  await card(page, "Glute bridge").getByTitle("Drag to reorder").dragTo(card(page, "Sit-to-stand"));
  await expect(page.getByTestId("builder-notice")).toContainText("Glute bridge moved to position 1 of 2.");
  expect(await itemNames(page)).toEqual(["Glute bridge", "Sit-to-stand"]);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const order = await sql`select e.slug from plan_items i join exercises e on e.id = i.exercise_id where i.plan_id = ${planId} order by i.position`;
  expect(order.map((r) => r.slug)).toEqual(["glute-bridge", "sit-to-stand"]);
});

test("Easier and Harder swap an exercise for its catalogue variant, keeping the dose the clinician set", async ({ signedIn: page, clinician }) => {
  const planId = await seedPlan(clinician.clinicId, clinician.userId);
  await page.goto(`/plans/${planId}/edit`);
  const sitToStand = card(page, "Sit-to-stand");
  await expect(sitToStand.getByRole("button", { name: /^Easier/ })).toHaveCount(0);
  await sitToStand.getByLabel("Reps").fill("12");
  await expect(doseLine(sitToStand)).toHaveText(/^3 sets of 12 · rest 1 min between sets · 3 days a week$/);

  await sitToStand.getByRole("button", { name: "Harder: Mini squat with support, instead of Sit-to-stand" }).click();
  const squat = card(page, "Mini squat with support");
  await expect(squat).toBeVisible();
  await expect(planItems(page)).toHaveCount(1);
  // the 12 reps the clinician chose travel; the squat brings its own range limit, said in words
  await expect(doseLine(squat)).toHaveText("3 sets of 12 · rest 1 min between sets · range up to about a quarter squat (knee 0–45°) · 3 days a week");
  await expect(page.getByTestId("builder-notice")).toContainText("Sit-to-stand swapped for the harder Mini squat with support as exercise 1");
  await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");
  await expectAccessible(page);

  // and back: the squat's own range limit stays with the squat
  await squat.getByRole("button", { name: "Easier: Sit-to-stand, instead of Mini squat with support" }).click();
  await expect(doseLine(card(page, "Sit-to-stand"))).toHaveText("3 sets of 12 · rest 1 min between sets · 3 days a week");
  await card(page, "Sit-to-stand").getByRole("button", { name: /^Harder: Mini squat/ }).click();
  await expect(squat).toBeVisible();

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const rows = await database()`select e.slug, i.dose from plan_items i join exercises e on e.id = i.exercise_id where i.plan_id = ${planId}`;
  expect(rows).toHaveLength(1);
  expect(rows[0].slug).toBe("mini-squat");
  expect(rows[0].dose).toMatchObject({ sets: 3, reps: 12, rangeLimit: "up to about a quarter squat (knee 0–45°)", daysPerWeek: 3 });
});

test("the builder says what actually happened: offline, then a plan that no longer exists; the edits stay", async ({ signedIn: page, clinician, context }) => {
  const planId = await seedPlan(clinician.clinicId, clinician.userId);
  await page.goto(`/plans/${planId}/edit`);
  const item = card(page, "Sit-to-stand");
  await item.getByLabel("Note for the patient").fill("Use a firm chair.");

  await context.setOffline(true);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const failure = page.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(page.getByTestId("save-status")).toHaveText("Not saved");
  await expect(failure).toHaveText("Not saved. You are offline. Reconnect, then try again. Your edits are still here.");
  await context.setOffline(false);

  // The plan is deleted elsewhere: the answer is "not found", not "the server could not be reached".
  await database()`delete from plans where id = ${planId}`;
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(failure).toHaveText("Not saved: This plan no longer exists or is not in your clinic. Your edits are still here.");
  await expect(item.getByLabel("Note for the patient")).toHaveValue("Use a firm chair.");
});

test("a clinic page that does not exist answers 404 with the clinic's own not-found page", async ({ signedIn: page }) => {
  const response = await page.goto("/plans/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the dashboard" })).toBeVisible();
  await expectAccessible(page);
});
