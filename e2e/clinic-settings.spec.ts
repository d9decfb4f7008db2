// Clinic settings: an admin sets the country (United States), a US phone number, a logo and a brand
// colour (a low-contrast one and a phone that is no number are refused at their fields); a plan
// issued afterwards tells the patient to call 911, dials the phone's digits and shows the logo. A clinician gets 404 for the page, and POSTing its action changes nothing.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { createPatient, createClinician, database, expect as baseExpect, expectAccessible, issuePlanThroughUi, test, type Clinician } from "./fixtures";

// Uploads, renders and two sign-ins: generous on a shared 2-core machine.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

/** The fixtures' sign-in, with room for a slow argon2 check on a busy machine. */
async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
}

const shots = path.join(process.cwd(), "test-results", "clinic-settings");

async function logoPng(): Promise<Buffer> {
  // A two-colour mark, 480 × 160: wide like most clinic logos, and larger than what is kept (scaled to fit).
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160"><rect width="480" height="160" rx="24" fill="#1d4ed8"/><circle cx="80" cy="80" r="48" fill="#ffffff"/><rect x="150" y="60" width="290" height="40" rx="8" fill="#ffffff"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function issuePlan(page: Page, clinician: Clinician): Promise<{ planId: string; token: string }> {
  const suffix = crypto.randomBytes(3).toString("hex");
  const patient = await createPatient(clinician, "Casey", `Morgan ${suffix}`);
  return issuePlanThroughUi(page, patient.id, { timeout: 60_000 });
}

async function clinicRow(clinicId: string) {
  const [row] = await database()`select name, phone, country, time_zone, paper_size, accent_colour, logo_mime_type, length(logo_base64) as logo_length, updated_at from clinics where id = ${clinicId}`;
  return row;
}

test("an admin sets the United States, a logo and a readable colour; the next plan says 911 and shows the logo", async ({ page }) => {
  const clinician = await createClinician();
  await signIn(page, clinician);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.waitForURL(/\/settings$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Clinic profile" })).toBeVisible();
  await expect(page.getByLabel("Country")).toHaveValue("GB");
  await expect(page.getByText("In an emergency, call 999 or go to A&E.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Country").selectOption({ label: "United States" });
  // The country brings its usual paper and time zone, and the wording patients will read.
  await expect(page.getByLabel("Default paper size")).toHaveValue("LETTER");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
  await expect(page.getByText("In an emergency, call 911 or go to the emergency room.")).toBeVisible();
  await page.getByLabel("Time zone").selectOption("America/Chicago");
  await page.getByLabel("Address").fill("1 Pier Street, Chicago, IL 60611");
  await page.getByLabel("Phone", { exact: true }).fill("call the front desk");
  const png = await logoPng();
  await page.getByLabel("Logo", { exact: true }).setInputFiles({ name: "harbour-logo.png", mimeType: "image/png", buffer: png });

  // Gold on white is 1.6:1: refused at the field, and nothing is saved.
  const before = await clinicRow(clinician.clinicId);
  await page.getByLabel("Brand colour", { exact: true }).fill("#ffd700");
  await page.getByRole("button", { name: "Save settings" }).click();
  const colour = page.getByLabel("Brand colour", { exact: true });
  await expect(colour).toHaveAttribute("aria-invalid", "true");
  await expect(colour).toHaveAccessibleDescription(/too light to read on white \(contrast 1\.\d\d:1; at least 4\.5:1 is needed\)/);
  const phoneField = page.getByLabel("Phone", { exact: true });
  await expect(phoneField).toHaveAttribute("aria-invalid", "true");
  await expect(phoneField).toHaveAccessibleDescription(/Enter the phone number with digits, spaces, hyphens, dots or brackets/);
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the highlighted fields." })).toBeVisible();
  expect(await clinicRow(clinician.clinicId)).toEqual(before);
  // What was typed is kept.
  await expect(page.getByLabel("Country")).toHaveValue("US");
  await expect(page.getByLabel("Address")).toHaveValue("1 Pier Street, Chicago, IL 60611");

  await colour.fill("#1d4ed8");
  // A US number as Americans write it is taken, and stored as typed.
  await phoneField.fill("(312) 555-0147");
  await page.getByLabel("Logo", { exact: true }).setInputFiles({ name: "harbour-logo.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved.");
  await expect(page.getByRole("img", { name: "Current logo" })).toBeVisible();
  const saved = await clinicRow(clinician.clinicId);
  expect(saved).toMatchObject({ phone: "(312) 555-0147", country: "US", time_zone: "America/Chicago", paper_size: "LETTER", accent_colour: "#1d4ed8", logo_mime_type: "image/png" });
  await expectAccessible(page);
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, "settings.png"), fullPage: true });

  const { planId, token } = await issuePlan(page, clinician);
  const patient = await page.context().browser()!.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const phone = await patient.newPage();
  await phone.goto(`/p/${token}`);
  await expect(phone.getByText("call 911 or go to the emergency room straight away")).toBeVisible();
  const body = await phone.locator("body").innerText();
  expect(body).not.toMatch(/\b999\b|NHS 111|A&E/);
  await expect(phone.getByRole("link", { name: "(312) 555-0147" }).first()).toHaveAttribute("href", "tel:3125550147");
  const logo = phone.locator('header img[src^="data:image/png;base64,"]');
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  await phone.screenshot({ path: path.join(shots, "patient-page.png"), fullPage: false });
  const pdf = await phone.request.get(`/p/${token}/handout.pdf`);
  expect(pdf.status()).toBe(200);
  fs.writeFileSync(path.join(shots, "handout-us.pdf"), await pdf.body());
  await patient.close();

  // A later change of country: version 1 stays as issued, and the plan page says what a re-issue would change.
  await page.goto("/settings");
  await page.getByLabel("Country").selectOption({ label: "Canada" });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved.");
  await page.goto(`/plans/${planId}`);
  const note = page.getByRole("note");
  await expect(note).toContainText("The clinic's settings have changed since version 1 was issued");
  await expect(note).toContainText("Safety wording (Canada: emergency 911, urgent advice 811, family doctor)");
  await expect(page.getByRole("button", { name: "Issue version 2" })).toBeVisible();
});

// React's own encoder for server action arguments, as in unauthenticated-actions.spec.ts.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

function settingsActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const [id] = Object.entries(manifest.node).find(([, entry]) => entry.filename === "app/(clinic)/settings/actions.ts" && entry.exportedName === "saveClinicSettingsAction")!;
  return id;
}

test("a clinician gets 404 for settings, sees no link to them, and posting the settings action changes nothing", async ({ page, baseURL }) => {
  const clinician = await createClinician();
  await database()`update users set role = 'clinician' where id = ${clinician.userId}`;
  await signIn(page, clinician);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  const response = await page.goto("/settings");
  expect(response?.status()).toBe(404);

  const before = await clinicRow(clinician.clinicId);
  const form = new FormData();
  for (const [key, value] of Object.entries({ name: "Taken over", accentColour: "#000000", country: "US", timeZone: "America/Chicago", paperSize: "LETTER" })) form.append(key, value);
  form.append("logo", new Blob([new Uint8Array(await logoPng())], { type: "image/png" }), "logo.png");
  const body = await encodeReply([{ ok: false }, form]);
  const headers = { "Next-Action": settingsActionId(), Origin: baseURL!, Accept: "text/x-component" };
  const posted =
    typeof body === "string"
      ? await page.request.post("/settings", { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 })
      : await page.request.post("/settings", { headers, multipart: body, maxRedirects: 0 });
  expect(posted.status()).toBeLessThan(500);
  expect(await clinicRow(clinician.clinicId)).toEqual(before);
  const [audit] = await database()`select count(*)::int as n from audit_events where clinic_id = ${clinician.clinicId} and action = 'clinic.settings-changed'`;
  expect(audit.n).toBe(0);
});
