// Patient delivery: an issued plan's link opened on a phone with no account, the PDF handouts
// (text, QR code), revoking, logging sessions, and the clinician seeing adherence and alerts.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type APIResponse, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { generateToken } from "../lib/sharing/token";
import { createPatient, createPlanThroughUi, database, expect, expectAccessible, issueVersionOne, test, type Clinician, pdfText } from "./fixtures";

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

type IssuedPlan = { planId: string; patientName: string; token: string; link: string; names: string[]; doseLines: string[] };

/**
 * The clinician's real flow: a new plan for a knee patient from the built-in knee template, issued
 * from the plan page, whose delivery panel then shows the patient link.
 */
async function issuePlanThroughUi(page: Page, clinician: Clinician): Promise<IssuedPlan> {
  const suffix = crypto.randomBytes(3).toString("hex");
  const lastName = `Łukasiewicz-Núñez ${suffix}`;
  const patient = await createPatient(clinician, "Zoë", lastName);
  const planId = await createPlanThroughUi(page, patient.id);
  const linkField = await issueVersionOne(page, planId);
  await expect(page.getByText("Version 1 issued.")).toBeVisible();
  await expect(linkField).toHaveValue(/\/p\/[A-Za-z0-9_-]{43}$/);
  const link = await linkField.inputValue();
  const [version] = await database()`select snapshot from plan_versions where plan_id = ${planId} and version = 1`;
  const items = (version.snapshot as { items: { name: string; doseLine: string }[] }).items;
  return {
    planId,
    patientName: `Zoë ${lastName}`,
    token: link.split("/p/")[1],
    link,
    names: items.map((item) => item.name),
    doseLines: items.map((item) => item.doseLine),
  };
}

function expectPatientHeaders(response: APIResponse | { headers(): Record<string, string> } | null) {
  const headers = response!.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["x-robots-tag"]).toBe("noindex");
}

async function patientContext(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ ...phone, ...options });
}


function decodeQr(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-qr-"));
  const file = path.join(dir, "handout.pdf");
  fs.writeFileSync(file, pdf);
  try {
    execFileSync("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", file, path.join(dir, "page")]);
    return execFileSync("zbarimg", ["--raw", "-q", path.join(dir, "page.png")], { encoding: "utf8" }).trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test.describe("the patient's link", () => {
  test("issue, open on a phone with no session, download both handouts, log a session; the clinician sees it and revokes", async ({
    browser,
    signedIn,
    clinician,
    baseURL,
  }) => {
    // The whole journey, clinician and patient, with two accessibility scans and two handouts.
    test.setTimeout(120_000);
    const plan = await issuePlanThroughUi(signedIn, clinician);
    expect(plan.link).toBe(`${baseURL}/p/${plan.token}`);
    const stored = await database()`select token_hash from share_links where plan_id = ${plan.planId}`;
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(plan.token);

    const context = await patientContext(browser);
    const page = await context.newPage();
    const response = await page.goto(`/p/${plan.token}`);
    expect(response?.status()).toBe(200);
    expectPatientHeaders(response);
    await expect(page.getByRole("heading", { level: 1, name: "Knee plan" })).toBeVisible();
    await expect(page.getByText(plan.patientName)).toBeVisible();
    await expect(page.getByText(clinician.clinicName).first()).toBeVisible();
    for (const [i, name] of plan.names.entries()) {
      const exercise = page.getByRole("article", { name: `Exercise ${i + 1}: ${name}` });
      await expect(exercise).toBeVisible();
      await expect(exercise.getByText(plan.doseLines[i])).toBeVisible();
      await expect(exercise.getByRole("img", { name: `${name}: start and end positions` })).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "Stop and get urgent help" })).toBeVisible();
    // The figures are image files: every one has loaded and drawn something.
    const figureSizes = await page.locator("article img").evaluateAll((images: HTMLImageElement[]) => images.map((image) => image.complete && image.naturalWidth));
    expect(figureSizes).toHaveLength(plan.names.length);
    for (const width of figureSizes) expect(width).toBeGreaterThan(100);
    expect(await page.locator("script").count()).toBe(0);
    await expectAccessible(page);
    await page.screenshot({ path: "/tmp/patient-page-phone.png", fullPage: true, scale: "css" });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: "/tmp/patient-page-print.png", fullPage: true, scale: "css" });
    await page.emulateMedia({ media: "screen" });

    // Nothing is loaded from another origin.
    const origins = new Set<string>();
    page.on("request", (request) => origins.add(new URL(request.url()).origin));
    await page.reload();
    expect([...origins]).toEqual([new URL(baseURL!).origin]);

    for (const [label, large] of [
      ["Download PDF", false],
      ["Large-print PDF", true],
    ] as const) {
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: label }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(large ? "knee-plan-v1-large-print.pdf" : "knee-plan-v1.pdf");
      const pdf = fs.readFileSync((await file.path())!);
      const text = pdfText(pdf);
      expect(text).toContain(plan.patientName);
      for (const name of plan.names) expect(text).toContain(name);
      for (const dose of plan.doseLines) expect(text).toContain(dose);
      expect(text).toContain("Stop and get urgent help");
      expect(text).toContain("Loss of control of your bladder or bowel");
      expect(decodeQr(pdf)).toBe(plan.link);
    }
    const pdfResponse = await page.request.get(`/p/${plan.token}/handout.pdf?large=1`);
    expect(pdfResponse.status()).toBe(200);
    expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
    expect(pdfResponse.headers()["content-disposition"]).toBe('attachment; filename="knee-plan-v1-large-print.pdf"');
    expectPatientHeaders(pdfResponse);
    expect((await page.request.get(`/p/${plan.token}/handout.pdf?paper=tabloid`)).status()).toBe(400);

    // Log a session; the same form submitted twice stores one row.
    await page.getByRole("checkbox", { name: `1. ${plan.names[0]}` }).check();
    await page.getByRole("checkbox", { name: `2. ${plan.names[1]}` }).check();
    await page.locator("label").filter({ has: page.getByRole("radio", { name: "8", exact: true }) }).click();
    await page.getByLabel("Anything to tell your physiotherapist?").fill("Knee flared up after the step-ups");
    await page.locator("form:has(input[name=clientKey])").evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(page.getByRole("status").filter({ hasText: /saved/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Sessions you logged in the last 14 days" }).getByRole("cell", { name: "8/10" })).toBeVisible();
    const rows = await database()`select pain, comment, items_done from session_logs where plan_id = ${plan.planId}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ pain: 8, comment: "Knee flared up after the step-ups" });
    expect(rows[0].items_done).toHaveLength(2);
    await page.screenshot({ path: "/tmp/patient-page-logged.png", fullPage: true, scale: "css" });

    // The clinician sees the session and the pain alert, on the plan page and the dashboard.
    await signedIn.goto(`/plans/${plan.planId}`);
    const alerts = signedIn.getByTestId("adherence-alerts");
    await expect(alerts).toContainText("Pain 8/10 logged on");
    await expect(signedIn.getByText("Knee flared up after the step-ups")).toBeVisible();
    await expect(signedIn.getByText("1 session logged in all")).toBeVisible();
    await expectAccessible(signedIn);
    await signedIn.screenshot({ path: "/tmp/plan-delivery.png", fullPage: true, scale: "css" });
    const clinicianPdf = await signedIn.request.get(`/plans/${plan.planId}/handout.pdf?paper=letter`);
    expect(clinicianPdf.status()).toBe(200);
    expect(decodeQr(await clinicianPdf.body())).toBe(plan.link);

    await signedIn.goto("/dashboard");
    const attention = signedIn.getByRole("region", { name: "Patients who need attention" });
    await expect(attention.getByText(plan.patientName, { exact: true })).toBeVisible();
    await expect(attention.getByText(/Pain 8\/10 logged on/)).toBeVisible();
    await expectAccessible(signedIn);
    await signedIn.screenshot({ path: "/tmp/dashboard.png", fullPage: true, scale: "css" });

    // Revoking kills the link at once: the page and the PDF answer 404.
    await signedIn.goto(`/plans/${plan.planId}`);
    await signedIn.getByText("Revoke link…").click();
    await signedIn.getByRole("button", { name: "Revoke now" }).click();
    await expect(signedIn.getByRole("button", { name: "Create a new link" })).toBeVisible();
    const revoked = await page.goto(`/p/${plan.token}`);
    expect(revoked?.status()).toBe(404);
    expectPatientHeaders(revoked);
    await expect(page.getByRole("heading", { name: "This link is not active" })).toBeVisible();
    const deadPdf = await page.request.get(`/p/${plan.token}/handout.pdf`);
    expect(deadPdf.status()).toBe(404);
    expectPatientHeaders(deadPdf);
    expect((await signedIn.request.get(`/plans/${plan.planId}/handout.pdf`)).status()).toBe(409);
    await context.close();
  });

  test("works with JavaScript off: the plan renders and the log form submits", async ({ browser, signedIn, clinician }) => {
    const plan = await issuePlanThroughUi(signedIn, clinician);
    const context = await patientContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/p/${plan.token}`);
    for (const name of plan.names) await expect(page.getByRole("heading", { name })).toBeVisible();
    const clientKey = await page.locator("input[name=clientKey]").inputValue();
    await page.getByRole("checkbox", { name: `3. ${plan.names[2]}` }).check();
    await page.locator("label").filter({ hasText: /^3$/ }).click();
    const posted = page.waitForResponse((response) => response.url().endsWith("/log"));
    await page.getByRole("button", { name: "Save today's session" }).click();
    expect((await posted).status()).toBe(303);
    await expect(page.getByText("Thank you — today's session is saved.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Sessions you logged in the last 14 days" }).getByRole("cell", { name: "3/10" })).toBeVisible();
    expect(await page.locator("input[name=clientKey]").inputValue()).not.toBe(clientKey);

    // The same form posted again (a double click, a resubmitted page) stores nothing new.
    const again = await page.request.post(`/p/${plan.token}/log`, { form: { clientKey, pain: "3", done: "2" }, maxRedirects: 0 });
    expect(again.status()).toBe(303);
    expect(again.headers()["location"]).toBe(`/p/${plan.token}?log=duplicate#log`);
    const rows = await database()`select pain from session_logs where plan_id = ${plan.planId}`;
    expect(rows.map((r) => r.pain)).toEqual([3]);

    // Bad input and the hourly limit answer with a status and the page saying what went wrong.
    const bad = await page.request.post(`/p/${plan.token}/log`, { form: { clientKey: crypto.randomUUID(), pain: "11", comment: "Sore today" }, maxRedirects: 0 });
    expect(bad.status()).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain("Choose how much pain you had, from 0 to 10");
    expect(badPage).toContain(">Sore today</textarea>");
    for (let i = 0; i < 19; i++) {
      const ok = await page.request.post(`/p/${plan.token}/log`, { form: { clientKey: crypto.randomUUID(), pain: "2" }, maxRedirects: 0 });
      expect(ok.status()).toBe(303);
    }
    const limited = await page.request.post(`/p/${plan.token}/log`, { form: { clientKey: crypto.randomUUID(), pain: "2", comment: "Twenty-first" }, maxRedirects: 0 });
    expect(limited.status()).toBe(429);
    const limitedPage = await limited.text();
    expect(limitedPage).toContain("Please try again later");
    expect(limitedPage).toContain(">Twenty-first</textarea>");
    expect(await database()`select id from session_logs where plan_id = ${plan.planId}`).toHaveLength(20);
    await context.close();
  });

  test("unknown, expired and replaced links answer 404 with the same plain page", async ({ browser, signedIn, clinician }) => {
    const plan = await issuePlanThroughUi(signedIn, clinician);
    const context = await patientContext(browser);
    const page = await context.newPage();
    for (const token of [generateToken(), "not-a-token"]) {
      const response = await page.goto(`/p/${token}`);
      expect(response?.status()).toBe(404);
      expectPatientHeaders(response);
      await expect(page.getByRole("heading", { name: "This link is not active" })).toBeVisible();
      await expect(page.getByText("Please ask your clinic for a new one.")).toBeVisible();
    }
    await expectAccessible(page);
    await page.screenshot({ path: "/tmp/patient-not-active.png" });

    await database()`update share_links set expires_at = now() - interval '1 minute' where plan_id = ${plan.planId}`;
    expect((await page.goto(`/p/${plan.token}`))?.status()).toBe(404);
    expect((await page.request.get(`/p/${plan.token}/handout.pdf`)).status()).toBe(404);
    await signedIn.goto(`/plans/${plan.planId}`);
    await expect(signedIn.getByText(/This link expired on/)).toBeVisible();
    await signedIn.getByRole("button", { name: "Remove expiry" }).click();
    await expect(signedIn.getByText("Expiry removed")).toBeVisible();
    expect((await page.goto(`/p/${plan.token}`))?.status()).toBe(200);

    await signedIn.getByText("Replace link…").click();
    await signedIn.getByRole("button", { name: "Replace with a new link" }).click();
    await expect(signedIn.getByRole("textbox", { name: "Patient link", exact: true })).not.toHaveValue(plan.link);
    const fresh = await signedIn.getByRole("textbox", { name: "Patient link", exact: true }).inputValue();
    expect((await page.goto(`/p/${plan.token}`))?.status()).toBe(404);
    expect((await page.goto(fresh))?.status()).toBe(200);
    await context.close();
  });
});
