// Two app instances on one PostgreSQL database behind Debian's nginx (config from deploy/nginx/),
// as the README's "More than one instance" describes: a session, the sign-in lockout, a revoked
// link and a cached handout all hold across instances. nginx and both apps are children of this
// test, on ports next to E2E_PORT, and each is started under `timeout`, so none outlives a crashed run.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Page, request as playwrightRequest } from "@playwright/test";
import { createPatient, createClinician, createPlanThroughUi, database, expect, issueVersionOne, test, type Clinician } from "./fixtures";

const root = path.resolve(import.meta.dirname, "..");
const basePort = Number(process.env.E2E_PORT ?? 3100);
const appPorts = { a: basePort + 2, b: basePort + 3 };
const proxyPort = basePort + 10;
const origin = `http://127.0.0.1:${proxyPort}`;
const secret = "two-instances-secret-two-instances-0000";
const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));

type Child = { process: ChildProcess; log: { text: string } };
const children: Child[] = [];

function start(command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  // `timeout` ends the child after 15 minutes even if this test process dies without cleaning up.
  const child = spawn("timeout", ["--signal=TERM", "900", command, ...args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const entry = { process: child, log: { text: "" } };
  child.stdout!.on("data", (chunk) => (entry.log.text += chunk));
  child.stderr!.on("data", (chunk) => (entry.log.text += chunk));
  children.push(entry);
  return entry;
}

async function healthy(url: string, child: Child) {
  await expect
    .poll(
      async () => {
        if (child.process.exitCode !== null) throw new Error(`exited early:\n${child.log.text}`);
        return fetch(url).then((r) => r.status, () => 0);
      },
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(200);
}

const apps: Record<"a" | "b", Child> = {} as never;

// Three servers on a small shared machine: generous time per test.
test.describe.configure({ mode: "serial", timeout: 240_000 });
// A real PostgreSQL: three app processes on the embedded PGlite's one backend are not a deployment.
test.skip(process.env.DATABASE_PREPARE === "false", "needs DATABASE_URL (a real PostgreSQL)");

test.beforeAll(async () => {
  test.setTimeout(240_000);
  expect(nginx, "Debian's nginx is needed: apt-get install -y nginx").toBeTruthy();
  const databaseUrl = process.env.E2E_DATABASE_URL!;
  for (const name of ["a", "b"] as const) {
    apps[name] = start(process.execPath, ["scripts/serve.mjs"], {
      ...process.env,
      PORT: String(appPorts[name]),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: origin,
      PUBLIC_URL: origin,
      TRUSTED_PROXIES: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    });
  }
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "physioplan-nginx-"));
  const config = fs
    .readFileSync(path.join(root, "deploy/nginx/e2e.conf.template"), "utf8")
    .replaceAll("__PREFIX__", prefix)
    .replaceAll("__DEPLOY__", path.join(root, "deploy/nginx"))
    .replaceAll("__PORT__", String(proxyPort))
    .replaceAll("__APP_A__", `127.0.0.1:${appPorts.a}`)
    .replaceAll("__APP_B__", `127.0.0.1:${appPorts.b}`);
  fs.writeFileSync(path.join(prefix, "nginx.conf"), config);
  execFileSync(nginx!, ["-t", "-p", prefix, "-c", path.join(prefix, "nginx.conf")], { stdio: "pipe" });
  const proxy = start(nginx!, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], process.env);
  await healthy(`http://127.0.0.1:${appPorts.a}/api/health`, apps.a);
  await healthy(`http://127.0.0.1:${appPorts.b}/api/health`, apps.b);
  await healthy(`${origin}/api/health`, proxy);
  // The first request to a cold instance loads its routes; do it here, not inside a timed step.
  for (const instance of ["a", "b"]) {
    for (const route of ["/sign-in", "/api/auth/csrf", "/api/auth/providers"]) {
      await fetch(`${origin}${route}`, { headers: { "x-physioplan-instance": instance } });
    }
  }
});

test.afterAll(async () => {
  // The apps' output, for a failed run.
  fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
  for (const name of ["a", "b"] as const) fs.writeFileSync(path.join(root, "test-results", `two-instances-app-${name}.log`), apps[name]?.log.text ?? "");
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.process.exitCode !== null) return resolve(null);
          child.process.once("exit", resolve);
          child.process.kill("SIGTERM");
        }),
    ),
  );
});

async function via(browser: import("@playwright/test").Browser, instance: "a" | "b") {
  return browser.newContext({ baseURL: origin, extraHTTPHeaders: { "x-physioplan-instance": instance } });
}

async function signInThrough(page: Page, who: Clinician) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
}

test("a session started on one instance continues on the other", async ({ browser }) => {
  const clinician = await createClinician();
  const first = await via(browser, "a");
  const page = await first.newPage();
  await signInThrough(page, clinician);
  const onA = await page.reload();
  expect(onA?.headers()["x-physioplan-upstream"]).toBe(`127.0.0.1:${appPorts.a}`);

  const second = await via(browser, "b");
  await second.addCookies(await first.cookies());
  const next = await second.newPage();
  const onB = await next.goto("/patients");
  expect(onB?.headers()["x-physioplan-upstream"]).toBe(`127.0.0.1:${appPorts.b}`);
  await expect(next.getByRole("heading", { name: "Patients" })).toBeVisible();
  await expect(next.getByText(clinician.name).first()).toBeVisible();
  await first.close();
  await second.close();
});

test("the lockout counts failures on both instances, keyed by the address nginx saw", async () => {
  const clinician = await createClinician();
  const api = await playwrightRequest.newContext({ baseURL: origin });
  const post = async (instance: "a" | "b", password: string) => {
    // A different spoofed address each time: nginx appends the real one, and TRUSTED_PROXIES=1 takes that.
    const headers = { "x-physioplan-instance": instance, "x-forwarded-for": `203.0.113.${crypto.randomInt(1, 254)}` };
    const { csrfToken } = await (await api.get("/api/auth/csrf", { headers })).json();
    return api.post("/api/auth/callback/credentials", { headers, form: { csrfToken, email: clinician.email, password, json: "true" }, maxRedirects: 0 });
  };
  for (let i = 0; i < 10; i++) expect((await post(i % 2 ? "b" : "a", `wrong-${i}`)).status()).toBe(401);
  expect((await post("a", clinician.password)).status()).toBe(429);
  expect((await post("b", clinician.password)).status()).toBe(429);
  const keys = await database()`select distinct key from rate_limit_events where bucket = 'sign-in-failure' and key like ${`${clinician.email}|%`}`;
  expect(keys.map((k) => k.key)).toEqual([`${clinician.email}|127.0.0.1`]);
  await api.dispose();
});

test("a handout rendered on one instance is served from the cache by the other; a link revoked on one is dead on the other", async ({ browser }) => {
  const clinician = await createClinician();
  const contextA = await via(browser, "a");
  const page = await contextA.newPage();
  await signInThrough(page, clinician);

  // Issue a plan on A, as a clinician does.
  const patient = await createPatient(clinician, "Ada", `Okonkwo ${crypto.randomBytes(3).toString("hex")}`);
  const planId = await createPlanThroughUi(page, patient.id);
  const linkField = await issueVersionOne(page, planId);
  await expect(linkField).toHaveValue(/\/p\/[A-Za-z0-9_-]{43}$/);
  const link = await linkField.inputValue();
  expect(link.startsWith(`${origin}/p/`)).toBe(true);
  const token = link.split("/p/")[1];
  const [version] = await database()`select id from plan_versions where plan_id = ${planId} and version = 1`;

  // Rendered by A …
  const patientApi = await playwrightRequest.newContext({ baseURL: origin });
  const fromA = await patientApi.get(`/p/${token}/handout.pdf`, { headers: { "x-physioplan-instance": "a" } });
  expect(fromA.status()).toBe(200);
  expect(fromA.headers()["x-physioplan-upstream"]).toBe(`127.0.0.1:${appPorts.a}`);
  const rows = await database()`select pdf from handout_files where plan_version_id = ${version.id}`;
  expect(rows).toHaveLength(1);
  const pdfA = await fromA.body();
  expect(Buffer.compare(Buffer.from(rows[0].pdf), pdfA)).toBe(0);
  // … and served by B from the database, byte for byte, without rendering.
  const fromB = await patientApi.get(`/p/${token}/handout.pdf`, { headers: { "x-physioplan-instance": "b" } });
  expect(fromB.status()).toBe(200);
  expect(fromB.headers()["x-physioplan-upstream"]).toBe(`127.0.0.1:${appPorts.b}`);
  expect(Buffer.compare(await fromB.body(), pdfA)).toBe(0);
  const rendered = `handout rendered: version ${version.id}`;
  expect(apps.a.log.text).toContain(rendered);
  expect(apps.b.log.text).not.toContain(rendered);
  expect((await patientApi.get(`/p/${token}`, { headers: { "x-physioplan-instance": "b" } })).status()).toBe(200);

  // Revoked on A: dead on B at once, page and handout.
  await page.goto(`/plans/${planId}`);
  await page.getByText("Revoke link…").click();
  await page.getByRole("button", { name: "Revoke now" }).click();
  await expect(page.getByRole("button", { name: "Create a new link" })).toBeVisible();
  const deadPage = await patientApi.get(`/p/${token}`, { headers: { "x-physioplan-instance": "b" } });
  expect(deadPage.status()).toBe(404);
  expect(deadPage.headers()["x-physioplan-upstream"]).toBe(`127.0.0.1:${appPorts.b}`);
  expect((await patientApi.get(`/p/${token}/handout.pdf`, { headers: { "x-physioplan-instance": "b" } })).status()).toBe(404);
  await patientApi.dispose();
  await contextA.close();
});
