// The sign-in attacks of issue 11 against the real server: spoofed X-Forwarded-For, open redirects
// after a genuine sign-in, a cookie copied before sign-out, and tokens past their idle or absolute limit.
import { encode } from "next-auth/jwt";
import { createClinician, database, expect, test } from "./fixtures";

// playwright.config.ts gives the app server this secret.
const secret = "e2e-secret-e2e-secret-e2e-secret-0000000";

test("a spoofed X-Forwarded-For neither escapes the lockout nor names the locked address", async ({ request, clinician }) => {
  const post = async (password: string, i: number) => {
    const headers = { "x-forwarded-for": `203.0.113.${i}` };
    const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
    return request.post("/api/auth/callback/credentials", { headers, form: { csrfToken, email: clinician.email, password, json: "true" }, maxRedirects: 0 });
  };
  for (let i = 0; i < 10; i++) expect((await post(`wrong-${i}`, i)).status()).toBe(401);
  // Before the fix each new header value was a new lockout key: 25 tries never met a 429.
  const locked = await post(clinician.password, 99);
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
  // The key is the socket address the app's server saw (no proxy is trusted here), not the header.
  const keys = await database()`select distinct key from rate_limit_events where bucket = 'sign-in-failure' and key like ${`${clinician.email}|%`}`;
  expect(keys.map((k) => k.key)).toEqual([`${clinician.email}|127.0.0.1`]);
});

for (const callbackUrl of ["/%5Cexample.org", "/%09/example.org", "//evil.example", "https://evil.example/dashboard", "/%5C%5Cevil.example"]) {
  test(`after sign-in, callbackUrl=${callbackUrl} lands on the dashboard`, async ({ page, clinician }) => {
    const offOrigin: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith("http://127.0.0.1")) offOrigin.push(r.url());
    });
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill(clinician.email);
    await page.getByLabel("Password").fill(clinician.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    expect(offOrigin).toEqual([]);
  });
}

test("a same-origin callbackUrl is kept", async ({ page, clinician }) => {
  await page.goto("/sign-in?callbackUrl=%2Fpatients");
  await page.getByLabel("Email").fill(clinician.email);
  await page.getByLabel("Password").fill(clinician.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/patients$/);
});

test("a session cookie copied before sign-out is refused after it", async ({ browser, signedIn: page }) => {
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name === "next-auth.session-token")).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await expect(stolen.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await thief.close();
});

test("a token past 12 hours since sign-in, or 30 idle minutes, is refused; a fresh one is accepted", async ({ browser, baseURL }) => {
  const clinician = await createClinician();
  const now = Math.floor(Date.now() / 1000);
  const visit = async (times: { authAt: number; seenAt: number }) => {
    const token = await encode({ secret, token: { uid: clinician.userId, sv: 1, name: clinician.name, email: clinician.email, ...times } });
    const context = await browser.newContext();
    await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL! }]);
    const page = await context.newPage();
    await page.goto("/dashboard");
    const url = new URL(page.url()).pathname;
    await context.close();
    return url;
  };
  expect(await visit({ authAt: now - 60, seenAt: now - 60 })).toBe("/dashboard");
  expect(await visit({ authAt: now - 12 * 3600 - 60, seenAt: now - 60 })).toBe("/sign-in");
  expect(await visit({ authAt: now - 3600, seenAt: now - 31 * 60 })).toBe("/sign-in");
});
