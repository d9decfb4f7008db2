// Two-factor sign-in on the main e2e server, with codes from Debian's oathtool: an admin turns it on
// and requires it for the clinic; a colleague without it is sent to enrol at their next sign-in and
// can reach nothing else until enrolled; the admin resets a colleague's two-factor (audited, emailed).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { createClinician, database, expect as baseExpect, expectAccessible, test, type Clinician } from "./fixtures";
import { signInPatiently } from "./patient-sign-in";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });
const shots = path.join(process.cwd(), "test-results", "two-factor");

function oathtool(secret: string, offsetSeconds = 0): string {
  return execFileSync("oathtool", ["--totp", "-b", secret, "-N", `@${Math.floor(Date.now() / 1000) + offsetSeconds}`], { encoding: "utf8" }).trim();
}

/** Turns on two-factor from the page in front of the user (the account page or the required enrolment). */
async function enrol(page: Page): Promise<string> {
  const secret = (await page.getByTestId("two-factor-key").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Code from your app").fill(oathtool(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  return secret;
}

async function addColleague(admin: Clinician, label: string) {
  const password = `pw-${label}-${admin.userId.slice(0, 8)}-long`;
  const [user] = await database()`insert into users (clinic_id, email, name, role, password_hash)
    values (${admin.clinicId}, ${`${label}-${admin.userId.slice(0, 8)}@clinic.test`}, ${`${label} colleague`}, 'clinician', ${await hashPassword(password)}) returning id, email, name`;
  return { id: user.id as string, email: user.email as string, name: user.name as string, password };
}

test("a clinic that requires two-factor sends a colleague without it to enrol, and nowhere else, until they have", async ({ browser, page }) => {
  const admin = await createClinician();
  const colleague = await addColleague(admin, "casey");
  await signInPatiently(page, admin);

  // The admin cannot require it before turning it on for themselves.
  await page.goto("/settings/team");
  await page.getByRole("button", { name: "Require two-factor sign-in for everyone" }).click();
  await expect(page.getByText("Turn on two-factor sign-in for your own account first")).toBeVisible();
  await page.goto("/account");
  await page.getByText("Set up two-factor sign-in").click();
  await enrol(page);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await page.goto("/settings/team");
  await page.getByRole("button", { name: "Require two-factor sign-in for everyone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "now required" })).toBeVisible();
  expect((await database()`select require_two_factor from clinics where id = ${admin.clinicId}`)[0].require_two_factor).toBe(true);

  // The colleague signs in with a password (they have no code yet) and lands on the enrolment.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await phone.goto("/sign-in");
  await phone.getByLabel("Email").fill(colleague.email);
  await phone.getByLabel("Password").fill(colleague.password);
  await phone.getByRole("button", { name: "Sign in" }).click();
  await expect(phone).toHaveURL(/\/two-factor\/enrol$/, { timeout: 60_000 });
  await expect(phone.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  await expectAccessible(phone);
  fs.mkdirSync(shots, { recursive: true });
  await phone.screenshot({ path: path.join(shots, "required-enrol-phone.png"), fullPage: true });
  // Nothing else: pages lead back here, and their data is not served.
  for (const url of ["/dashboard", "/patients", "/account"]) {
    await phone.goto(url);
    await expect(phone, url).toHaveURL(/\/two-factor\/enrol$/);
  }
  const [patient] = await database()`insert into patients (clinic_id, clinician_id, first_name, last_name) values (${admin.clinicId}, ${admin.userId}, 'Hidden', 'Patient') returning id`;
  const record = await phone.request.get(`/patients/${patient.id}`, { maxRedirects: 0 });
  expect(record.status()).toBeGreaterThanOrEqual(300);
  expect(await record.text()).not.toContain("Hidden");

  await phone.goto("/two-factor/enrol");
  await enrol(phone);
  await phone.getByRole("button", { name: "I have saved them: continue" }).click();
  await expect(phone).toHaveURL(/\/dashboard$/);
  await phone.goto(`/patients/${patient.id}`);
  await expect(phone.getByRole("heading", { level: 1 })).toContainText("Hidden");

  // The admin resets the colleague's two-factor: their session ends, they are told, it is recorded.
  await page.goto("/settings/team");
  await page.getByRole("button", { name: `Reset two-factor: ${colleague.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Two-factor reset" })).toBeVisible();
  expect((await database()`select totp_enabled_at from users where id = ${colleague.id}`)[0].totp_enabled_at).toBeNull();
  expect((await database()`select count(*)::int as n from recovery_codes where user_id = ${colleague.id}`)[0].n).toBe(0);
  expect((await database()`select count(*)::int as n from outbound_emails where to_address = ${colleague.email} and kind = 'two-factor-changed'`)[0].n).toBe(2);
  await phone.goto("/dashboard");
  await expect(phone).toHaveURL(/\/sign-in/);
  await page.goto("/settings/activity?kind=two-factor");
  await expect(page.getByRole("cell", { name: `Reset the two-factor sign-in of ${colleague.email}` })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Required two-factor sign-in for everyone" })).toBeVisible();
  await phoneContext.close();
});

test("signing in with two-factor: no session before the code; the password step cannot be skipped by posting the code step alone", async ({ page, request }) => {
  const admin = await createClinician();
  await signInPatiently(page, admin);
  await page.goto("/account");
  await page.getByText("Set up two-factor sign-in").click();
  const secret = await enrol(page);

  // The code step without the password step's cookie: refused, no session.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const skipped = await request.post("/api/auth/callback/totp", { form: { csrfToken, code: oathtool(secret, 30), json: "true" }, maxRedirects: 0 });
  expect(skipped.status()).toBe(401);
  expect(((await skipped.json()) as { url: string }).url).toContain("error=TwoFactorExpired");
  expect((await request.storageState()).cookies.find((c) => c.name.endsWith("next-auth.session-token"))).toBeUndefined();

  // The password step answers "code owed": the sealed state only in an HttpOnly cookie, not in the answer.
  const passwordStep = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: admin.email, password: admin.password, json: "true" }, maxRedirects: 0 });
  expect(passwordStep.status()).toBe(401);
  const body = (await passwordStep.json()) as { url: string };
  expect(new URL(body.url).searchParams.get("error")).toBe("TwoFactorRequired");
  const cookies = (await request.storageState()).cookies;
  expect(cookies.find((c) => c.name.endsWith("next-auth.session-token"))).toBeUndefined();
  const pending = cookies.find((c) => c.name === "physioplan.two-factor-pending");
  expect(pending).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/auth" });
  expect(JSON.stringify(body)).not.toContain(pending!.value.slice(5, 30));
  expect((await request.get("/api/auth/session").then((r) => r.json())) as object).toEqual({});

  // With that cookie, the right code makes the session; the pending state is cleared.
  const done = await request.post("/api/auth/callback/totp", { form: { csrfToken, code: oathtool(secret, 30), json: "true" }, maxRedirects: 0 });
  expect(done.status()).toBe(200);
  const session = (await request.get("/api/auth/session").then((r) => r.json())) as { user?: { email: string } };
  expect(session.user?.email).toBe(admin.email);
  expect((await request.storageState()).cookies.find((c) => c.name === "physioplan.two-factor-pending")).toBeUndefined();
});
