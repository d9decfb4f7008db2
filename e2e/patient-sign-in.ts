// Signing in with a longer wait than fixtures.signIn: the specs of long flows run on shared machines
// where an argon2 hash under load can take more than the default 10 seconds.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export async function signInPatiently(page: Page, who: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
}
