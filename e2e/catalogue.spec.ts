import crypto from "node:crypto";
import { builtInExercises } from "../lib/catalogue/exercises";
import { createClinician, expect, expectAccessible, signIn, test } from "./fixtures";

const builtIns = builtInExercises.length;
const status = (page: import("@playwright/test").Page) => page.getByRole("status").filter({ hasText: /exercise/ });
const cards = (page: import("@playwright/test").Page) => page.getByRole("main").getByRole("article");

test("browse the catalogue, filter through the URL, and go back", async ({ signedIn: page }) => {
  await page.goto("/exercises");
  await expect(page.getByRole("heading", { level: 1, name: "Exercises" })).toBeVisible();
  await expect(status(page)).toContainText(`${builtIns} exercises`);
  await expect(cards(page)).toHaveCount(24);
  await expect(page.getByRole("link", { name: "Figure contact sheet" })).toHaveAttribute("href", "/exercises/figures");
  await expect(page.getByRole("link", { name: "New exercise" })).toHaveAttribute("href", "/exercises/new");
  await expect(cards(page).first().getByRole("img")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Region").selectOption("knee");
  await expect(page).toHaveURL(/\/exercises\?region=knee$/);
  const knee = builtInExercises.filter((e) => e.regions.includes("knee"));
  await expect(status(page)).toContainText(`${knee.length} exercises`);
  for (const card of await cards(page).all()) await expect(card.getByRole("list", { name: "Tags" })).toContainText("Knee");

  await page.getByLabel("Category").selectOption("strength");
  await expect(page).toHaveURL(/\/exercises\?region=knee&category=strength$/);
  const kneeStrength = knee.filter((e) => e.categories.includes("strength"));
  await expect(status(page)).toContainText(`${kneeStrength.length} exercises`);
  await page.getByLabel("Level").selectOption("3");
  await expect(page).toHaveURL(/region=knee&category=strength&level=3$/);
  await expect(status(page)).toContainText(`${kneeStrength.filter((e) => e.level === 3).length} exercise`);

  await page.goBack();
  await expect(page).toHaveURL(/\/exercises\?region=knee&category=strength$/);
  await expect(page.getByLabel("Level")).toHaveValue("");
  await expect(status(page)).toContainText(`${kneeStrength.length} exercises`);
  await page.goBack();
  await expect(page).toHaveURL(/\/exercises\?region=knee$/);
  await expect(page.getByLabel("Category")).toHaveValue("");
  await expect(page.getByLabel("Region")).toHaveValue("knee");

  // A shared link opens the same list.
  await page.goto("/exercises?condition=stenosis&equipment=chair");
  await expect(page.getByLabel("Condition")).toHaveValue("stenosis");
  await expect(page.getByLabel("Equipment")).toHaveValue("chair");
  const want = builtInExercises.filter((e) => e.suits.includes("stenosis") && e.equipment.includes("chair"));
  await expect(cards(page)).toHaveCount(want.length);

  await page.goto("/exercises?q=xylophone");
  await expect(page.getByRole("heading", { name: "No exercises match" })).toBeVisible();
  await expectAccessible(page);
});

test("a typo finds the exercise, which opens with its figures, steps and dose", async ({ signedIn: page }) => {
  await page.goto("/exercises");
  await page.getByLabel("Search exercises").fill("hamstrng");
  await page.getByLabel("Search exercises").press("Enter");
  await expect(page).toHaveURL(/\/exercises\?q=hamstrng$/);
  const link = page.getByRole("link", { name: "Hamstring stretch with towel" });
  await expect(link).toBeVisible();

  await page.getByLabel("Search exercises").fill("knee to chest");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=knee\+to\+chest/);
  await expect(cards(page).nth(0)).toContainText(/knee-to-chest stretch/);
  await expect(cards(page).nth(1)).toContainText(/knee-to-chest stretch/);

  await page.goBack();
  await expect(page.getByLabel("Search exercises")).toHaveValue("hamstrng");
  await page.getByRole("link", { name: "Hamstring stretch with towel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hamstring stretch with towel" })).toBeVisible();
  await expect(page.getByRole("img", { name: /start position/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /end position/ })).toBeVisible();
  const hamstring = builtInExercises.find((e) => e.slug === "hamstring-stretch-towel")!;
  const steps = page.getByRole("region", { name: "Steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(hamstring.steps.length + hamstring.cues.length);
  await expect(page.getByText(hamstring.steps[0])).toBeVisible();
  await expect(page.getByText("Default dose")).toBeVisible();
  await expect(page.getByRole("button", { name: "Duplicate and edit" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expectAccessible(page);
});

test("a clinic's own exercise: created, found by search, and invisible to another clinic", async ({ signedIn: page, browser }) => {
  const name = `Zebra lunge ${crypto.randomBytes(3).toString("hex")}`;
  await page.goto("/exercises");
  await page.getByRole("link", { name: "New exercise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New exercise" })).toBeVisible();
  await expectAccessible(page);

  // A refused save keeps what was typed and says what is wrong at each field.
  await page.getByLabel("Summary").fill("A lunge with a pause at the bottom.");
  await page.getByLabel("Reps").fill("");
  await page.getByRole("button", { name: "Create exercise" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toContainText("Please correct the highlighted fields");
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription("Name is required");
  await expect(page.getByRole("group", { name: "Regions" })).toHaveAccessibleDescription("Choose at least one region");
  await expect(page.getByLabel("Steps")).toHaveAccessibleDescription(/Give at least one step/);
  await expect(page.getByLabel("Reps")).toHaveAccessibleDescription("Give reps, a hold time or a duration");
  await expect(page.getByLabel("Summary")).toHaveValue("A lunge with a pause at the bottom.");
  await expectAccessible(page);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("group", { name: "Regions" }).getByLabel("Knee").check();
  await page.getByRole("group", { name: "Categories" }).getByLabel("Strength").check();
  await page.getByRole("group", { name: "Suits these conditions" }).getByLabel("Knee osteoarthritis").check();
  await page.getByLabel("Steps").fill("Stand with one foot forward.\nLower your back knee towards the floor.\nPause, then push back up.");
  await page.getByLabel("Reps").fill("8");
  await page.getByLabel("Figure", { exact: true }).selectOption({ label: "Split squat" });
  await page.getByRole("button", { name: "Create exercise" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Clinic’s own").first()).toBeVisible();
  await expect(page.getByRole("img", { name: /start position/ })).toBeVisible();
  await expect(page.getByText("2 sets of 8")).toBeVisible();
  const url = page.url();
  const exerciseId = url.split("/").pop()!;

  await page.goto(`/exercises?q=${encodeURIComponent(name)}`);
  await expect(cards(page).first()).toContainText(name);
  await expect(cards(page).first()).toContainText("Clinic’s own");

  // Another clinic sees it nowhere: not by search, not by filters, not by its address.
  const other = await createClinician();
  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signIn(theirs, other);
  await theirs.goto(`/exercises?q=${encodeURIComponent(name)}`);
  await expect(theirs.getByRole("heading", { name: "No exercises match" })).toBeVisible();
  await theirs.goto("/exercises?region=knee&category=strength&condition=knee-oa");
  await expect(theirs.getByText(name)).toHaveCount(0);
  const response = await theirs.goto(`/exercises/${exerciseId}`);
  expect(response?.status()).toBe(404);
  await expect(theirs.getByRole("heading", { name: "Exercise not found" })).toBeVisible();
  await expect(theirs.getByText(name)).toHaveCount(0);
  expect((await theirs.goto(`/exercises/${exerciseId}/edit`))?.status()).toBe(404);
  expect((await theirs.goto("/exercises/not-a-uuid"))?.status()).toBe(404);
  await context.close();

  // Its own clinic edits it, then archives it out of search.
  await page.goto(url);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expectAccessible(page);
  await page.getByLabel("Name", { exact: true }).fill(`${name} slow`);
  await page.getByLabel("Steps").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Steps")).toHaveAccessibleDescription(/Give at least one step/);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`${name} slow`);
  await page.getByLabel("Steps").fill("Stand tall.\nLunge slowly.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name} slow` })).toBeVisible();

  await page.getByRole("button", { name: `Archive ${name} slow` }).click();
  await expect(page.getByText("Exercise archived.")).toBeVisible();
  await page.goto(`/exercises?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("heading", { name: "No exercises match" })).toBeVisible();
});

test("duplicate and edit makes a clinic copy of a built-in exercise", async ({ signedIn: page }) => {
  await page.goto("/exercises?q=glute+bridge");
  await page.getByRole("link", { name: "Glute bridge", exact: true }).click();
  await page.getByRole("button", { name: "Duplicate and edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit exercise" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Glute bridge (copy)");
  await expect(page.getByLabel("Figure", { exact: true })).toHaveValue("glute-bridge");
  await page.getByLabel("Name", { exact: true }).fill("Glute bridge with band");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Glute bridge with band" })).toBeVisible();
  await expect(page.getByRole("img", { name: /start position/ })).toBeVisible();

  await page.goto("/exercises?q=glute+bridge");
  await expect(page.getByRole("link", { name: "Glute bridge", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Glute bridge with band" })).toBeVisible();
});
