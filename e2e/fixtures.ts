// Fixtures: a fresh clinic with a signed-in clinician for each test, and a direct database handle
// for checking what a flow wrote.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import postgres from "postgres";
import { hashPassword } from "../lib/auth/password";

export const demo = { email: "demo@physioplan.test", password: "physio-demo" };

export type Clinician = { email: string; password: string; name: string; clinicName: string; clinicId: string; userId: string };

let sqlClient: postgres.Sql | undefined;
export function database(): postgres.Sql {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the suite with `npm test` or `npm run test:e2e`");
  sqlClient ??= postgres(url, { max: 2, onnotice: () => {} });
  return sqlClient;
}

export async function createClinician(clinicName?: string): Promise<Clinician> {
  const sql = database();
  const suffix = crypto.randomBytes(4).toString("hex");
  const password = `pw-${suffix}-long-enough`;
  const name = `Jordan Reyes ${suffix}`;
  const [clinic] = await sql`insert into clinics (name, phone, email) values (${clinicName ?? `Clinic ${suffix}`}, '0161 496 0000', ${`front-desk-${suffix}@clinic.test`}) returning id, name`;
  const [user] = await sql`insert into users (clinic_id, email, name, role, password_hash)
    values (${clinic.id}, ${`clinician-${suffix}@clinic.test`}, ${name}, 'admin', ${await hashPassword(password)}) returning id, email`;
  return { email: user.email, password, name, clinicName: clinic.name, clinicId: clinic.id, userId: user.id };
}

/** A patient under the clinician's care, written straight to the database. */
export async function createPatient(clinician: Clinician, firstName: string, lastName: string, conditions: string[] = ["knee-oa"]): Promise<{ id: string }> {
  const [patient] = await database()`insert into patients (clinic_id, clinician_id, first_name, last_name, conditions)
    values (${clinician.clinicId}, ${clinician.userId}, ${firstName}, ${lastName}, ${conditions}) returning id`;
  return { id: patient.id };
}

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Fails on any serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const test = base.extend<{ clinician: Clinician; signedIn: Page }>({
  clinician: async ({}, provide) => {
    await provide(await createClinician());
  },
  signedIn: async ({ page, clinician }, provide) => {
    await signIn(page, clinician);
    await provide(page);
  },
});

export { expect };

/** Creates a plan for the patient in the builder, as a clinician does; returns its id (the builder stays open). */
export async function createPlanThroughUi(page: Page, patientId: string, { title = "Knee plan", timeout }: { title?: string; timeout?: number } = {}): Promise<string> {
  await page.goto(`/plans/new?patient=${patientId}`);
  await page.getByLabel("Plan title").fill(title);
  await page.getByRole("button", { name: "Create plan" }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}\/edit$/, timeout === undefined ? undefined : { timeout });
  return /\/plans\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1];
}

/** Issues version 1 from the plan page, as a clinician does; returns the delivery panel's patient link field. */
export async function issueVersionOne(page: Page, planId: string): Promise<Locator> {
  await page.goto(`/plans/${planId}`);
  await page.getByRole("button", { name: "Issue version 1" }).click();
  await page.getByRole("button", { name: "Confirm: issue version 1" }).click();
  return page.getByRole("textbox", { name: "Patient link", exact: true });
}

/**
 * Creates a plan for the patient through the builder and issues version 1 from the plan page, as a
 * clinician does; returns the plan and the token of its patient link.
 */
export async function issuePlanThroughUi(page: Page, patientId: string, options?: { title?: string; timeout?: number }): Promise<{ planId: string; token: string }> {
  const planId = await createPlanThroughUi(page, patientId, options);
  const linkField = await issueVersionOne(page, planId);
  await expect(page.getByText("Version 1 issued.")).toBeVisible();
  const link = await linkField.inputValue();
  return { planId, token: link.split("/p/")[1] };
}

/** A PDF's text as pdftotext reads it, whitespace collapsed. */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-pdf-"));
  const file = path.join(dir, "handout.pdf");
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
