// Issue 11 against the running server: security headers on every kind of response, no CSP
// violation while a clinician works and a patient reads, malformed ids answered 404 on every route,
// and 50 MB posts refused with 413 without the server's memory growing.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { Page } from "@playwright/test";
import { database, expect, issuePlanThroughUi, signIn, test, type Clinician } from "./fixtures";

/** A plan issued through the UI (the builder and the delivery panel run their scripts under the CSP). */
async function issuePlan(page: Page, clinician: Clinician) {
  const [patient] = await database()`insert into patients (clinic_id, clinician_id, first_name, last_name, conditions)
    values (${clinician.clinicId}, ${clinician.userId}, 'Casey', ${`Hardening ${crypto.randomBytes(3).toString("hex")}`}, ${["knee-oa"]}) returning id`;
  return { ...(await issuePlanThroughUi(page, patient.id)), patientId: patient.id as string };
}

/** Records every CSP violation the browser reports, as events and as console errors. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} on ${location.pathname}`);
    });
  });
  return violations;
}

// One test at a time: the 50 MB posts load the server, and the machine this runs on may be busy.
test.describe.configure({ mode: "default", timeout: 240_000 });

function directives(policy: string | undefined): Map<string, string> {
  expect(policy, "Content-Security-Policy").toBeTruthy();
  return new Map(policy!.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(" ")]));
}

test("security headers: nonce CSP on clinic, sign-in and 404 pages, a script-free CSP under /p/, and the rest", async ({ page, request, clinician }) => {
  await signIn(page, clinician);
  const { token } = await issuePlan(page, clinician);

  // A clinic page, twice: a fresh nonce each time, on every script Next writes.
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const response = await page.request.get("/dashboard");
    expect(response.status()).toBe(200);
    const csp = directives(response.headers()["content-security-policy"]);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp.get("script-src")!)![1];
    nonces.push(nonce);
    expect(csp.get("script-src")).not.toContain("unsafe-inline");
    expect(csp.get("script-src")).not.toContain("unsafe-eval");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(response.headers()["permissions-policy"]).toContain("camera=()");
    expect(response.headers()["cross-origin-opener-policy"]).toBe("same-origin");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    // The public URL of this run is http: no HSTS (it would pin a plain-http host to https).
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  // The sign-in page and a 404, signed out.
  for (const [path, status] of [
    ["/sign-in", 200],
    ["/no-such-page", 404],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    const csp = directives(response.headers()["content-security-policy"]);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp.get("script-src")!)![1];
    for (const [tag] of (await response.text()).matchAll(/<script\b[^>]*>/g)) expect(tag, path).toContain(`nonce="${nonce}"`);
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(response.headers()["permissions-policy"]).toContain("microphone=()");
  }

  // The patient's side: no script of any kind.
  for (const [path, status] of [
    [`/p/${token}`, 200],
    [`/p/${token}/handout.pdf`, 200],
    [`/p/${"A".repeat(43)}`, 404],
    [`/p/${token}/no-such-thing`, 404],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    const csp = directives(response.headers()["content-security-policy"]);
    expect(csp.get("default-src"), path).toBe("'none'");
    expect(csp.has("script-src"), path).toBe(false);
    expect(csp.get("frame-ancestors"), path).toBe("'none'");
    expect(csp.get("form-action"), path).toBe("'self'");
    expect(response.headers()["referrer-policy"], path).toBe("no-referrer");
    expect(response.headers()["cross-origin-opener-policy"], path).toBe("same-origin");
  }
});

test("no CSP violation while a clinician works and a patient reads and logs", async ({ browser, clinician }) => {
  const clinic = await browser.newPage();
  const clinicViolations = await watchCsp(clinic);
  await signIn(clinic, clinician);
  const { planId, patientId, token } = await issuePlan(clinic, clinician);
  for (const path of ["/dashboard", "/patients", `/patients/${patientId}`, "/exercises", "/templates", `/plans/${planId}`, `/plans/${planId}/edit`]) {
    await clinic.goto(path);
    await clinic.waitForLoadState("networkidle");
  }
  // Scripts run: the builder's search panel answers as you type.
  await clinic.getByLabel("Search exercises").fill("glute brige");
  await expect(clinic.getByRole("button", { name: "Add Glute bridge", exact: true })).toBeVisible();
  expect(clinicViolations).toEqual([]);

  const patient = await browser.newPage();
  const patientViolations = await watchCsp(patient);
  await patient.goto(`/p/${token}`);
  await expect(patient.getByRole("heading", { name: "Knee plan" })).toBeVisible();
  // The stylesheet applied (a blocked one would leave the page unstyled).
  expect(await patient.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  await patient.locator("label").filter({ hasText: /^3$/ }).click();
  await patient.getByRole("button", { name: "Save today's session" }).click();
  await expect(patient.getByText("Thank you — today's session is saved.")).toBeVisible();
  expect(patientViolations).toEqual([]);
  await clinic.close();
  await patient.close();
});

test("malformed ids give 404 on every route, never 500", async ({ page, clinician }) => {
  await signIn(page, clinician);
  const bad = ["-".repeat(36), "0".repeat(36), "00000000-0000-0000-0000-00000000000g", "%00", "x".repeat(300), "'%20or%201=1--"];
  const routes = (id: string) => [
    `/patients/${id}`,
    `/patients/${id}/edit`,
    `/plans/${id}`,
    `/plans/${id}/edit`,
    `/plans/${id}/handout.pdf`,
    `/exercises/${id}`,
    `/exercises/${id}/edit`,
    `/p/${id}`,
    `/p/${id}/handout.pdf`,
    `/figures/${id}`,
  ];
  const failures: string[] = [];
  for (const id of bad) {
    for (const path of routes(id)) {
      const status = (await page.request.get(path, { maxRedirects: 0 })).status();
      if (status !== 404) failures.push(`${path.slice(0, 80)} → ${status}`);
    }
    const log = await page.request.post(`/p/${id}/log`, { form: { pain: "3", clientKey: crypto.randomUUID() }, maxRedirects: 0 });
    if (log.status() !== 404) failures.push(`POST /p/${id.slice(0, 40)}/log → ${log.status()}`);
  }
  // Query-string ids take the same path: a bad one is treated as absent (200), never a 500.
  for (const id of bad) {
    const status = (await page.request.get(`/plans/new?patient=${id}`)).status();
    if (status >= 500) failures.push(`/plans/new?patient=${id.slice(0, 40)} → ${status}`);
  }
  expect(failures).toEqual([]);
});

/** The PID listening on the app's port: the Next server itself. */
function serverPid(port: number): number {
  const out = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" }).stdout;
  return Number(/pid=(\d+)/.exec(out)![1]);
}

function rssMb(pid: number): number {
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
}

/** Posts `total` bytes (declared, or chunked), and resolves with the answer as soon as it comes. */
function bigPost(url: string, total: number, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(chunked ? {} : { "Content-Length": String(total) }) },
    });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, "comment=".padEnd(1024 * 1024, "a"));
    let sent = 0;
    const pump = () => {
      while (sent < total && !answered) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      request.end();
    };
    pump();
  });
}

test("50 MB posts to the sign-in callback and the session log get 413, and the server's memory stays flat", async ({ baseURL, page, clinician }) => {
  await signIn(page, clinician);
  const { token } = await issuePlan(page, clinician);
  const pid = serverPid(Number(new URL(baseURL!).port));
  const before = rssMb(pid);
  const total = 50 * 1024 * 1024;
  const urls = [`${baseURL}/api/auth/callback/credentials`, `${baseURL}/p/${token}/log`];
  const answers = await Promise.all(urls.flatMap((url) => [bigPost(url, total, false), bigPost(url, total, true), bigPost(url, total, false), bigPost(url, total, true)]));
  for (const answer of answers) {
    expect(answer.status).toBe(413);
    expect(answer.body.length).toBeLessThan(200);
  }
  const after = rssMb(pid);
  // Eight 50 MB bodies at once: before the caps the server grew by hundreds of megabytes.
  expect(after - before).toBeLessThan(64);
  expect((await page.request.get("/api/health")).status()).toBe(200);
  expect((await database()`select count(*)::int as n from session_logs where plan_id in (select plan_id from share_links where clinic_id = ${clinician.clinicId})`)[0].n).toBe(0);
});

test("the credentials callback answers hostile bodies below 500", async ({ request }) => {
  const hostile = ["", "\u0000", "-".repeat(36), "x".repeat(15_000), "%", "%zz", "<script>", "'; drop table users; --", "\ud800", "a=b=c&&&=", "email[]=1&email[]=2"];
  const failures: string[] = [];
  for (const value of hostile) {
    for (const data of [`email=${encodeURIComponent(value.toWellFormed())}&password=${encodeURIComponent(value.toWellFormed())}&csrfToken=x`, value]) {
      const response = await request.post("/api/auth/callback/credentials", { data, headers: { "Content-Type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`${JSON.stringify(data.slice(0, 40))} → ${response.status()}`);
    }
  }
  expect(failures).toEqual([]);
});
