import { expect, test } from "./fixtures";

test("screenshots", async ({ signedIn: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/exercises");
  await page.screenshot({ path: "/tmp/cat-list.png", fullPage: true });
  await page.goto("/exercises?q=brige");
  await page.screenshot({ path: "/tmp/cat-brige.png", fullPage: true });
  await page.goto("/exercises?q=xylophone");
  await page.screenshot({ path: "/tmp/cat-empty.png" });
  await page.goto("/exercises?q=hamstring");
  await page.getByRole("link", { name: "Hamstring stretch with towel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: "/tmp/cat-detail.png", fullPage: true });
  await page.goto("/exercises?q=plank");
  await page.getByRole("link", { name: "Side plank" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: "/tmp/cat-detail-hold.png", fullPage: true });
  await page.getByRole("button", { name: "Duplicate and edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit exercise" })).toBeVisible();
  await page.screenshot({ path: "/tmp/cat-edit.png", fullPage: true });
  await page.goto("/exercises/new");
  await page.getByRole("button", { name: "Create exercise" }).click();
  await expect(page.getByText("Name is required")).toBeVisible();
  await page.screenshot({ path: "/tmp/cat-new-errors.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/exercises?region=knee");
  await page.screenshot({ path: "/tmp/cat-mobile.png", fullPage: false });
});
