// The defects outside checkers found (issue 12, item 9; the favicon has its own spec): the builder's
// search within a few Tab presses, the patient page's "On this page" links inside a 320 px screen,
// figure labels at 9 px or more on screen, and no form with an empty `action`.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { database, expect, issuePlanThroughUi, test, type Clinician } from "./fixtures";

async function addPatient(clinician: Clinician): Promise<{ id: string; name: string }> {
  const suffix = crypto.randomBytes(3).toString("hex");
  const [patient] = await database()`insert into patients (clinic_id, clinician_id, first_name, last_name, conditions)
    values (${clinician.clinicId}, ${clinician.userId}, 'Winifred', ${`Osei ${suffix}`}, ${["knee-oa"]}) returning id, full_name`;
  return { id: patient.id, name: patient.full_name };
}

/** The smallest size, in CSS px, at which the page's inline figures draw a word. */
async function smallestFigureLabelPx(page: Page): Promise<{ labels: number; smallest: number }> {
  return page.locator("svg[role=img] text").evaluateAll((texts) => {
    const sizes = texts
      .filter((t) => (t as SVGTextElement).getBoundingClientRect().width > 0)
      .map((t) => Number(t.getAttribute("font-size")) * ((t as SVGTextElement).getScreenCTM()?.a ?? 0));
    return { labels: sizes.length, smallest: Math.min(...sizes) };
  });
}

test("the builder's search is reached within a few Tab presses, through a skip link", async ({ signedIn: page, clinician }) => {
  test.setTimeout(90_000);
  const patient = await addPatient(clinician);
  const { planId } = await issuePlanThroughUi(page, patient.id);
  await page.goto(`/plans/${planId}/edit`);
  // a plan long enough that tabbing through the exercises would take a hundred presses
  for (const query of ["bridge", "clam", "wall sit"]) {
    await page.getByLabel("Search exercises").fill(query);
    await page.getByRole("button", { name: /^Add / }).first().click();
  }
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  // (the knee template's exercises and the three added)
  expect(await page.getByRole("list", { name: "Exercises in this plan" }).getByRole("listitem").count()).toBeGreaterThanOrEqual(6);

  const skip = page.getByRole("link", { name: "Skip to Add exercises" });
  let presses = 0;
  while (presses < 15) {
    await page.keyboard.press("Tab");
    presses++;
    if (await skip.evaluate((link) => link === document.activeElement)) break;
  }
  await expect(skip).toBeFocused();
  expect(presses).toBeLessThanOrEqual(12);
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Search exercises")).toBeFocused();
});

test("the patient page's On this page links fit a 320 px screen without scrolling sideways", async ({ signedIn: page, clinician, browser }) => {
  test.setTimeout(90_000);
  const patient = await addPatient(clinician);
  const { token } = await issuePlanThroughUi(page, patient.id);
  const phone = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const patientPage = await phone.newPage();
  await patientPage.goto(`/p/${token}`);
  const nav = patientPage.getByRole("navigation", { name: "On this page" });
  await expect(nav.getByRole("link")).toHaveCount(4);
  for (const selector of ["nav[aria-label='On this page']", "nav[aria-label='On this page'] ul", "html"]) {
    const { scrollWidth, clientWidth } = await patientPage.locator(selector).evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth, selector).toBeLessThanOrEqual(clientWidth);
  }
  for (const link of await nav.getByRole("link").all()) {
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
  await patientPage.screenshot({ path: "/tmp/checker-patient-320.png" });
  await phone.close();
});

test("figure labels on the clinic's pages are drawn at 9 px or more, on a phone and on a desktop", async ({ signedIn: page }) => {
  test.setTimeout(90_000);
  for (const viewport of [{ width: 320, height: 800 }, { width: 1280, height: 900 }]) {
    await page.setViewportSize(viewport);
    for (const path of ["/exercises", "/exercises/figures"]) {
      await page.goto(path);
      const { labels, smallest } = await smallestFigureLabelPx(page);
      expect(labels, `${path} at ${viewport.width} px`).toBeGreaterThan(0);
      expect(smallest, `${path} at ${viewport.width} px`).toBeGreaterThanOrEqual(9);
      await page.screenshot({ path: `/tmp/checker-figures${path.replaceAll("/", "-")}-${viewport.width}.png` });
    }
    // an exercise held at its end: its detail page draws "Hold"
    await page.goto("/exercises?q=plank");
    await page.getByRole("link", { name: /plank/i }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const { smallest, labels } = await smallestFigureLabelPx(page);
    expect(labels).toBeGreaterThan(0);
    expect(smallest).toBeGreaterThanOrEqual(9);
  }
});

test("the patient record's forms (Archive patient, erase) post to the page's address, not an empty action", async ({ signedIn: page, clinician }) => {
  const patient = await addPatient(clinician);
  for (const archived of [false, true]) {
    // the HTML the server sends, before any script runs
    const html = await (await page.request.get(`/patients/${patient.id}`)).text();
    expect(html).toContain(archived ? "Restore patient" : "Archive patient");
    const forms = html.match(/<form[^>]*>/g) ?? [];
    expect(forms.length).toBeGreaterThanOrEqual(2); // archive and erase
    for (const form of forms) expect(form).toMatch(new RegExp(` action="/patients/${patient.id}"`));
    await page.goto(`/patients/${patient.id}`);
    await page.getByRole("button", { name: `${archived ? "Restore" : "Archive"} patient ${patient.name}` }).click();
    await expect(page.getByText(archived ? "Patient restored" : "Patient archived.")).toBeVisible();
  }
});

/** The opening tags of the forms in the HTML the server sent, before any script ran. */
function formTags(html: string): string[] {
  return html.match(/<form\b[^>]*>/g) ?? [];
}

test("no clinic or sign-in page renders a form with an empty action", async ({ signedIn: page, clinician, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const patient = await addPatient(clinician);
  const { planId } = await issuePlanThroughUi(page, patient.id);
  const signedOut = await playwright.request.newContext({ baseURL });
  const pages: { path: string; request: typeof page.request; forms: number }[] = [
    { path: "/sign-in", request: signedOut, forms: 1 },
    { path: "/forgot-password", request: signedOut, forms: 1 },
    { path: "/account", request: page.request, forms: 3 },
    { path: "/settings", request: page.request, forms: 1 },
    { path: "/settings/team", request: page.request, forms: 2 },
    { path: `/plans/${planId}`, request: page.request, forms: 5 },
    { path: `/plans/${planId}/edit`, request: page.request, forms: 1 },
    { path: "/exercises/new", request: page.request, forms: 1 },
    { path: "/patients/new", request: page.request, forms: 1 },
    { path: `/patients/${patient.id}`, request: page.request, forms: 2 },
  ];
  for (const { path, request, forms } of pages) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const tags = formTags(await response.text());
    expect(tags.length, `${path}: its forms`).toBeGreaterThanOrEqual(forms);
    for (const tag of tags) expect(tag, path).not.toMatch(/\saction=""/);
    // and in the page a person has, once React has hydrated it
    if (request === page.request) {
      await page.goto(path);
      await expect(page.locator("form").first()).toBeAttached();
      expect(await page.locator('form[action=""]').count(), path).toBe(0);
    }
  }
  await signedOut.dispose();
});
