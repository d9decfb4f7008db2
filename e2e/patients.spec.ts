import { createClinician, database, expect, expectAccessible, test } from "./fixtures";

test("adding a patient: a refused form keeps every value, then edit, archive and restore", async ({ signedIn: page }) => {
  await page.goto("/patients/new");
  await page.getByLabel("First name").fill("Ann");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Birth year").fill("1850");
  await page.getByLabel("Knee osteoarthritis").check();
  await page.getByLabel(/^Notes/).fill("Prefers morning appointments.");
  await page.getByRole("button", { name: "Add patient" }).click();

  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Please correct the highlighted fields.");
  await expect(page.getByText("Enter a last name")).toBeVisible();
  await expect(page.getByText("Enter an email address like name@example.com")).toBeVisible();
  await expect(page.getByText(/Birth year must be between 1900 and \d{4}/)).toBeVisible();
  await expect(page.getByLabel("Last name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("First name")).toHaveValue("Ann");
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Knee osteoarthritis")).toBeChecked();
  await expect(page.getByLabel(/^Notes/)).toHaveValue("Prefers morning appointments.");
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/pb-patient-form.png", fullPage: true });

  await page.getByLabel("Last name").fill("Whitfield");
  await page.getByLabel("Email").fill("ann.whitfield@example.test");
  await page.getByLabel("Birth year").fill("1962");
  await page.getByRole("button", { name: "Add patient" }).click();
  await expect(page.getByRole("heading", { name: "Ann Whitfield" })).toBeVisible();
  await expect(page.getByText("ann.whitfield@example.test")).toBeVisible();
  await expect(page.getByText(/added the patient/)).toBeVisible();

  await page.getByRole("link", { name: "Edit details" }).click();
  await expect(page.getByLabel("Knee osteoarthritis")).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Phone").fill("07700 900123");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("07700 900123")).toBeVisible();
  await expect(page.getByText(/edited the patient's details/)).toBeVisible();

  await page.getByRole("button", { name: "Archive patient Ann Whitfield" }).click();
  await expect(page.getByText("Patient archived.")).toBeVisible();
  await page.goto("/patients?q=Whitfield");
  await expect(page.getByRole("link", { name: "Whitfield, Ann" })).toHaveCount(0);
  await page.getByLabel("Archived patients").check();
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/archived=1/);
  await page.getByRole("link", { name: "Whitfield, Ann" }).click();
  await page.getByRole("button", { name: "Restore patient Ann Whitfield" }).click();
  await expect(page.getByText("Patient restored to the patient list.")).toBeVisible();
});

test("the patient list finds part of a name, forgives a typo, sorts and pages 25 at a time", async ({ signedIn: page, clinician }) => {
  const sql = database();
  const lastNames = ["Abbott", "Brennan", "Clarke", "Dunmore", "Evans", "Fairweather"];
  const rows = Array.from({ length: 30 }, (_, i) => ({ clinic_id: clinician.clinicId, first_name: `Sam${String(i).padStart(2, "0")}`, last_name: lastNames[i % 6] }));
  await sql`insert into patients ${sql(rows)}`;
  await sql`insert into patients (clinic_id, first_name, last_name) values (${clinician.clinicId}, 'Jonathan', 'Pryce')`;

  await page.goto("/patients");
  await expect(page.getByRole("status").filter({ hasText: "31 patients" })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(26);
  await expect(page.getByRole("row").nth(1)).toContainText("Abbott, Sam00");
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/pb-patients.png", fullPage: true });
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("row")).toHaveCount(7);
  await expect(page.getByRole("row").last()).toContainText("Pryce, Jonathan");

  await page.getByLabel("Search by name").fill("weath");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=weath/);
  await expect(page.getByRole("status").filter({ hasText: "5 patients matching “weath”" })).toBeVisible();

  await page.getByLabel("Search by name").fill("Jonatan Pryse");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No names contain “Jonatan Pryse”. Showing 1 close match.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Pryce, Jonathan" })).toBeVisible();

  await sql`update patients set notes = 'seen', updated_at = now() + interval '1 minute' where clinic_id = ${clinician.clinicId} and last_name = 'Evans' and first_name = 'Sam04'`;
  await page.goto("/patients?sort=updated");
  await expect(page.getByLabel("Sort by")).toHaveValue("updated");
  await expect(page.getByRole("row").nth(1)).toContainText("Evans, Sam04");
});

test("another clinic's patient and plan are not found, and stay unchanged", async ({ signedIn: page }) => {
  const other = await createClinician();
  const sql = database();
  const [patient] = await sql`insert into patients (clinic_id, first_name, last_name) values (${other.clinicId}, 'Hidden', 'Person') returning id, updated_at`;
  const [plan] = await sql`insert into plans (clinic_id, patient_id, title) values (${other.clinicId}, ${patient.id}, 'Hidden plan') returning id, revision`;

  for (const path of [`/patients/${patient.id}`, `/patients/${patient.id}/edit`, `/plans/${plan.id}`, `/plans/${plan.id}/edit`, `/plans/new?patient=${patient.id}`, "/patients/not-a-uuid"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await page.goto("/patients?q=Hidden");
  await expect(page.getByText("No patients match “Hidden”.")).toBeVisible();
  const [after] = await sql`select updated_at from patients where id = ${patient.id}`;
  expect(after.updated_at).toEqual(patient.updated_at);
});
