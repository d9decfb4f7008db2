// Team, outbox and activity belong to a clinic's admins. A clinician of the same clinic gets 404 for
// each page, and every team action POSTed with the clinician's session (the way React posts it)
// changes nothing; the same request from an admin does change things, so the refusals are real.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { createClinician, database, expect as baseExpect, test, type Clinician } from "./fixtures";
import { signInPatiently as signIn } from "./patient-sign-in";

const expect = baseExpect.configure({ timeout: 30_000 });

const actionFile = "app/(clinic)/settings/team/actions.ts";

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

function actionsFromManifest() {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename === actionFile)
    .map(([id, entry]) => ({ id, name: entry.exportedName!, page: Object.keys(entry.workers)[0] }));
}

const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

async function post(request: APIRequestContext, baseURL: string, action: { id: string; page: string }, form: Record<string, string>) {
  const url = action.page.replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "");
  const formData = new FormData();
  for (const [key, value] of Object.entries(form)) formData.append(key, value);
  const body = await encodeReply([{ ok: false }, formData]);
  const headers = { "Next-Action": action.id, Origin: baseURL, Accept: "text/x-component" };
  if (typeof body === "string") return request.post(url, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 });
  return request.post(url, { headers, multipart: body, maxRedirects: 0 });
}

async function addUser(admin: Clinician, role: "admin" | "clinician", label: string) {
  const password = `pw-${label}-${admin.userId.slice(0, 8)}-long`;
  const [user] = await database()`insert into users (clinic_id, email, name, role, password_hash)
    values (${admin.clinicId}, ${`${label}-${admin.userId.slice(0, 8)}@clinic.test`}, ${`${label} person`}, ${role}, ${await hashPassword(password)}) returning id, email`;
  return { id: user.id as string, email: user.email as string, password };
}

async function state(clinicId: string): Promise<string> {
  const sql = database();
  const rows = await Promise.all([
    sql`select id, role, active, session_version, updated_at, totp_secret_sealed, totp_enabled_at from users where clinic_id = ${clinicId} order by id`,
    sql`select require_two_factor, updated_at from clinics where id = ${clinicId}`,
    sql`select id, revoked_at, accepted_at from invitations where clinic_id = ${clinicId} order by id`,
    sql`select count(*)::int as n from outbound_emails where clinic_id = ${clinicId}`,
    sql`select count(*)::int as n from audit_events where clinic_id = ${clinicId} and action not like 'sign-in.%'`,
  ]);
  return JSON.stringify(rows);
}

test("a clinician gets 404 for the admin pages, and every team action changes nothing", async ({ browser, page, baseURL }) => {
  test.setTimeout(180_000);
  const admin = await createClinician();
  const clinician = await addUser(admin, "clinician", "clinician");
  const spare = await addUser(admin, "clinician", "spare");
  const [invitation] = await database()`insert into invitations (clinic_id, email, role, token_hash, invited_by, expires_at)
    values (${admin.clinicId}, 'pending@clinic.test', 'clinician', ${"f".repeat(64)}, ${admin.userId}, now() + interval '7 days') returning id`;
  // An admin with two-factor on (and the clinic requirement off): the two-factor actions' targets.
  const twoFactorAdmin = await addUser(admin, "admin", "twofactor");
  await database()`update users set totp_secret_sealed = 'v1.sealed', totp_enabled_at = now() where id = ${twoFactorAdmin.id}`;

  const actions = actionsFromManifest();
  expect(actions.map((a) => a.name).sort()).toEqual(["inviteAction", "requireTwoFactorAction", "resetTwoFactorAction", "revokeInvitationAction", "setActiveAction", "setRoleAction"]);
  const payloads: Record<string, Record<string, string>> = {
    inviteAction: { email: "intruder@example.test", role: "admin" },
    revokeInvitationAction: { invitationId: invitation.id },
    setActiveAction: { userId: admin.userId, active: "false" },
    setRoleAction: { userId: clinician.id, role: "admin" },
    resetTwoFactorAction: { userId: twoFactorAdmin.id },
    requireTwoFactorAction: { required: "true" },
  };

  await signIn(page, clinician);
  for (const url of ["/settings/team", "/settings/outbox", "/settings/activity"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  await expect(page.getByRole("link", { name: "Team" })).toHaveCount(0);

  const before = await state(admin.clinicId);
  for (const action of actions) {
    const response = await post(page.request, baseURL!, action, payloads[action.name]);
    expect(response.status(), action.name).toBeLessThan(500);
    expect(await response.text(), action.name).toContain("This page could not be found.");
  }
  expect(await state(admin.clinicId)).toBe(before);

  // Control: the admin's same kind of request does change things.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin);
  const live = await post(adminPage.request, baseURL!, actions.find((a) => a.name === "setRoleAction")!, { userId: spare.id, role: "admin" });
  expect(await live.text()).toContain("Now an admin.");
  expect((await database()`select role from users where id = ${spare.id}`)[0].role).toBe("admin");
  await adminContext.close();
});

test("signed out, every team action is turned away and nothing changes", async ({ request, baseURL }) => {
  const admin = await createClinician();
  const before = await state(admin.clinicId);
  for (const action of actionsFromManifest()) {
    const response = await post(request, baseURL!, action, { userId: admin.userId, active: "false", role: "clinician", email: "x@example.test", invitationId: admin.userId });
    expect(response.status(), action.name).toBeGreaterThanOrEqual(300);
    expect(response.status(), action.name).toBeLessThan(400);
    expect(response.headers().location ?? "", action.name).toContain("/sign-in");
  }
  expect(await state(admin.clinicId)).toBe(before);
});

test("deactivating a colleague ends their session at the next request; the last admin cannot be demoted", async ({ browser, page }) => {
  test.setTimeout(180_000);
  const admin = await createClinician();
  const colleague = await addUser(admin, "clinician", "leaver");
  const colleagueContext = await browser.newContext();
  const colleaguePage = await colleagueContext.newPage();
  await signIn(colleaguePage, colleague);

  await signIn(page, admin);
  await page.goto("/settings/team");
  await page.getByRole("button", { name: "Deactivate: leaver person" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deactivated" })).toBeVisible();
  await colleaguePage.goto("/patients");
  await expect(colleaguePage).toHaveURL(/\/sign-in/);

  await page.getByRole("button", { name: `Make clinician: ${admin.name}` }).click();
  await expect(page.getByRole("alert").filter({ hasText: "last active admin" })).toBeVisible();
  expect((await database()`select role from users where id = ${admin.userId}`)[0].role).toBe("admin");
  await colleagueContext.close();
});
