// A clinic runs itself by email: the admin invites a colleague, the invitation is read from a real
// SMTP server, accepted; the colleague signs in, issues a plan and emails its link to the patient,
// which arrives and opens. Then "forgot password": the same answer for unknown emails, and a reset
// link that works once. The app under test sends to the SMTP server this file starts.
import crypto from "node:crypto";
import { createClinician, database, expect as baseExpect, expectAccessible, issuePlanThroughUi, test } from "./fixtures";
import { startMailServer } from "./mail-server";
import { signInPatiently as signIn } from "./patient-sign-in";

// Long flows on a shared machine: patient waits rather than flaky timeouts.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ mode: "serial", timeout: 300_000 });


let mail: Awaited<ReturnType<typeof startMailServer>>;
test.beforeAll(async () => {
  mail = await startMailServer();
});
test.afterAll(async () => {
  await mail?.close();
});

/** Every text or JSON column of every table that holds the string in clear. */
async function foundInDatabase(needle: string): Promise<string[]> {
  const sql = database();
  const columns = await sql`select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and (c.data_type in ('text', 'character varying', 'json', 'jsonb') or (c.data_type = 'ARRAY' and c.udt_name = '_text'))`;
  expect(columns.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await sql`select 1 from ${sql(table_name)} where strpos(${sql(column_name)}::text, ${needle}) > 0 limit 1`;
    if (rows.length) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

test("an admin invites a colleague by email; the colleague joins, issues a plan and emails its link to the patient", async ({ browser, page }) => {
  const admin = await createClinician(`Harbour Physio ${crypto.randomBytes(3).toString("hex")}`);
  const colleagueEmail = `sam-${crypto.randomBytes(4).toString("hex")}@harbour.test`;
  await signIn(page, admin);

  await page.getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Colleague's email").fill(colleagueEmail);
  await expect(page.getByLabel("Role")).toHaveValue("clinician");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${colleagueEmail}`);
  await expect(page.getByText(colleagueEmail, { exact: true })).toBeVisible();

  const invitation = await mail.waitFor(colleagueEmail, /invites you to Physioplan/);
  expect(invitation.subject).toBe(`${admin.clinicName} invites you to Physioplan`);
  expect(invitation.raw).toMatch(/Content-Type: text\/plain/i);
  expect(invitation.raw).toMatch(/Content-Type: text\/html/i);
  const inviteUrl = /https?:\/\/[^\s"<>]+\/invite\/[A-Za-z0-9_-]{43}/.exec(invitation.text)?.[0];
  expect(inviteUrl).toBeDefined();
  expect(invitation.html).toContain(inviteUrl);
  const inviteToken = inviteUrl!.split("/invite/")[1];
  expect(await foundInDatabase(inviteToken)).toEqual([]);

  // The colleague, in a browser of their own, follows the emailed link as it is.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await colleague.goto(inviteUrl!);
  await expect(colleague.getByRole("heading", { name: `Join ${admin.clinicName}` })).toBeVisible();
  await expectAccessible(colleague);
  await colleague.getByLabel("Your name").fill("Sam Taylor");
  await colleague.getByLabel("Password", { exact: true }).fill("1qaz2wsx3edc");
  await colleague.getByLabel("Password again").fill("1qaz2wsx3edc");
  await colleague.getByRole("button", { name: "Create my account" }).click();
  await expect(colleague.getByText("one of the most common passwords")).toBeVisible();
  const password = "kettle harbour lantern 42";
  await colleague.getByLabel("Password", { exact: true }).fill(password);
  await colleague.getByLabel("Password again").fill(password);
  await colleague.getByRole("button", { name: "Create my account" }).click();
  await expect(colleague).toHaveURL(/\/sign-in\?reason=invitation-accepted/);
  await expect(colleague.getByText("Your account is ready")).toBeVisible();

  // The link worked once.
  const again = await colleagueContext.newPage();
  await again.goto(inviteUrl!);
  await expect(again.getByRole("heading", { name: "This invitation no longer works" })).toBeVisible();
  await again.close();

  // The colleague's sign-in from the sign-in page (the base URL's host, where the session cookie lives).
  await colleague.goto("/sign-in");
  await colleague.getByLabel("Email").fill(colleagueEmail);
  await colleague.getByLabel("Password").fill(password);
  await colleague.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague).toHaveURL(/\/dashboard$/);
  await expect(colleague.getByRole("link", { name: "Team" })).toHaveCount(0);
  const [colleagueRow] = await database()`select id, role, clinic_id from users where email = ${colleagueEmail}`;
  expect(colleagueRow).toMatchObject({ role: "clinician", clinic_id: admin.clinicId });

  // A patient with an email; the colleague builds and issues a plan from the plan page.
  const [patient] = await database()`insert into patients (clinic_id, clinician_id, first_name, last_name, email, conditions)
    values (${admin.clinicId}, ${colleagueRow.id}, 'Ria', 'Moreno', ${`ria-${crypto.randomBytes(3).toString("hex")}@patients.test`}, ${["knee-oa"]}) returning id, email`;
  const { token: shareToken } = await issuePlanThroughUi(colleague, patient.id, { title: "Knee osteoarthritis plan" });

  // Email the link: the consent tick is needed once.
  await colleague.getByRole("button", { name: "Email the link to the patient" }).click();
  await expect(colleague.getByText("Tick this once the patient has agreed")).toBeVisible();
  await colleague.getByLabel(`Ria has agreed to receive their plan link by email at ${patient.email}`).check();
  await colleague.getByRole("button", { name: "Email the link to the patient" }).click();
  await expect(colleague.getByRole("status").filter({ hasText: "Link emailed" })).toContainText(`Link emailed to ${patient.email}.`);
  await expectAccessible(colleague);

  const planMail = await mail.waitFor(patient.email, /Your exercise plan/);
  expect(planMail.subject).toBe(`Your exercise plan from ${admin.clinicName}`);
  expect(planMail.subject + planMail.text).not.toMatch(/knee|osteoarthritis/i);
  expect(planMail.raw).toMatch(/Content-Type: text\/html/i);
  const planUrl = /https?:\/\/[^\s"<>]+\/p\/[A-Za-z0-9_-]{43}/.exec(planMail.text)?.[0];
  expect(planUrl?.endsWith(`/p/${shareToken}`)).toBe(true);
  expect(planMail.html).toContain(planUrl);
  const patientPage = await browser.newPage();
  const response = await patientPage.goto(planUrl!);
  expect(response?.status()).toBe(200);
  await expect(patientPage.getByRole("heading", { name: "Knee osteoarthritis plan" })).toBeVisible();
  await patientPage.close();
  await colleagueContext.close();

  // The admin's activity log shows who did it.
  await page.goto("/settings/activity");
  await expectAccessible(page);
  await expect(page.getByRole("cell", { name: `Invited ${colleagueEmail} as a clinician` })).toBeVisible();
  await page.getByLabel("Kind").selectOption("email");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("cell", { name: "Emailed a plan link to a patient" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Emailed a plan link" })).toContainText("Sam Taylor");
  await expect(page.getByRole("cell", { name: /Invited/ })).toHaveCount(0);
  await page.goto("/settings/outbox");
  await expect(page.getByRole("heading", { name: `Your exercise plan from ${admin.clinicName}` })).toBeVisible();
});

test("forgot password answers alike for an unknown email, and its link works once", async ({ browser }) => {
  const user = await createClinician();
  const answers: { status: number; text: string }[] = [];
  for (const email of [user.email, `nobody-${crypto.randomBytes(4).toString("hex")}@clinic.test`]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    // The sign-in page has an Email field too: wait for the reset page before typing.
    await page.waitForURL("**/forgot-password");
    await page.getByLabel("Email").fill(email);
    const [actionResponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/forgot-password")),
      page.getByRole("button", { name: "Send me a reset link" }).click(),
    ]);
    await expect(page.getByRole("status")).toBeVisible();
    expect(response?.status()).toBe(200);
    answers.push({ status: actionResponse.status(), text: (await page.getByRole("main").innerText()).replace(email, "<email>") });
    if (email === user.email) await expectAccessible(page);
    await context.close();
  }
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[0].text).toContain("If an account uses this email");

  const reset = await mail.waitFor(user.email, /Reset your Physioplan password/);
  const resetUrl = /https?:\/\/[^\s"<>]+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(reset.text)?.[0];
  expect(resetUrl).toBeDefined();
  expect(await foundInDatabase(resetUrl!.split("/reset-password/")[1])).toEqual([]);

  // A session signed in before the reset ends with it.
  const before = await browser.newContext();
  const beforePage = await before.newPage();
  await signIn(beforePage, user);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(resetUrl!);
  await page.getByLabel("New password", { exact: true }).fill("a brand new long password");
  await page.getByLabel("New password again").fill("a brand new long password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=password-reset/);
  await page.goto(resetUrl!);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await signIn(page, { email: user.email, password: "a brand new long password" });
  await mail.waitFor(user.email, /password was changed/);

  await beforePage.goto("/patients");
  await expect(beforePage).toHaveURL(/\/sign-in/);
  await before.close();
  await context.close();
});

test("changing the password keeps this session and ends the others", async ({ browser }) => {
  const user = await createClinician();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, user);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);

  await page.getByRole("link", { name: /your account/ }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill("a brand new long password");
  await page.getByLabel("New password again").fill("a brand new long password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is not your current password.")).toBeVisible();

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("a brand new long password");
  await page.getByLabel("New password again").fill("a brand new long password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Password changed");
  await mail.waitFor(user.email, /password was changed/);

  await page.goto("/patients");
  await expect(page).toHaveURL(/\/patients$/);
  await otherPage.goto("/patients");
  await expect(otherPage).toHaveURL(/\/sign-in/);

  // Sign out everywhere ends this one too.
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out-everywhere/);
  await page.goto("/patients");
  await expect(page).toHaveURL(/\/sign-in/);
  await other.close();
  await context.close();
});
