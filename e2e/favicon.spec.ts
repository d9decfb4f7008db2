import { expect, test } from "./fixtures";

// Browsers ask for /favicon.ico on every page, the patient's page included; a 404 there is noise in
// every log and a broken icon in every tab.
test("/favicon.ico is an icon, on clinic pages and beside the patient page", async ({ request, page }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const bytes = await response.body();
  // ICONDIR: reserved 0, type 1 (icon), then at least one image.
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);

  await page.goto("/sign-in");
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toMatch(/^\/favicon\.ico/);
});
