import { database, demo, expect, expectAccessible, signIn, test } from "./fixtures";

test("the demo account signs in and sees the dashboard", async ({ page }) => {
  await signIn(page, demo);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Riverside Physiotherapy").first()).toBeVisible();
  await expect(page.getByText("Dr Sam Okafor").first()).toBeVisible();
  await expectAccessible(page);
});

test("a wrong password shows one message and stays on sign-in", async ({ page, clinician }) => {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.getByLabel("Email").fill(clinician.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(/do not match an account/);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("Email")).toHaveValue(clinician.email);
});

test("a signed-out visit to a clinic page lands on sign-in, then returns there", async ({ page, clinician }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  await expect(page.getByText("Please sign in to continue.")).toBeVisible();
  await page.getByLabel("Email").fill(clinician.email);
  await page.getByLabel("Password").fill(clinician.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("sign out ends the session", async ({ signedIn: page, clinician }) => {
  await expect(page.getByText(clinician.name).first()).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the 11th failure is answered 429 on the credentials callback", async ({ request, clinician }) => {
  const headers = { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200)}` };
  const post = async (password: string) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
    return request.post("/api/auth/callback/credentials", {
      headers,
      form: { csrfToken, email: clinician.email, password, json: "true" },
      maxRedirects: 0,
    });
  };
  for (let i = 0; i < 10; i++) expect((await post(`wrong-${i}`)).status()).not.toBe(429);
  const locked = await post(clinician.password);
  expect(locked.status()).toBe(429);
});

test("a deactivated user is signed out at the next request", async ({ signedIn: page, clinician }) => {
  await database()`update users set active = false where id = ${clinician.userId}`;
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("bumping session_version ends existing sessions", async ({ signedIn: page, clinician }) => {
  await page.reload();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await database()`update users set session_version = session_version + 1 where id = ${clinician.userId}`;
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
});
