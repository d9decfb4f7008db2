import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, passwordResets, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { isCommonPassword, newPasswordProblem } from "@/lib/auth/passwords";
import { sendEmail } from "@/lib/email/send";
import { listOutbox } from "@/lib/email/outbox";
import { createTestClinic } from "@/lib/testing/fixtures";
import { findInDatabase } from "@/lib/testing/secrets";
import { changePassword, signOutEverywhere } from "./password";
import { isUsableResetToken, requestPasswordReset, resetPassword } from "./password-reset";

const ip = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("new passwords", () => {
  it("need 12 characters and must not be among the 10,000 most common", () => {
    expect(isCommonPassword("123qweasdzxc")).toBe(true);
    expect(isCommonPassword("PASSWORD")).toBe(true);
    expect(isCommonPassword("a tidy harbour at dawn")).toBe(false);
    expect(newPasswordProblem("eleven char")).toMatch(/at least 12/);
    expect(newPasswordProblem("1qaz2wsx3edc")).toMatch(/most common/);
    expect(newPasswordProblem("lee@harbour.test", { email: "Lee@Harbour.test" })).toMatch(/email or name/);
    expect(newPasswordProblem("aaaaaaaaaaaaaa")).toMatch(/too few/);
    expect(newPasswordProblem("a tidy harbour at dawn")).toBeNull();
  });
});

describe("changing a password", () => {
  it("needs the current one, refuses weak ones, and ends the other sessions", async () => {
    const { actor, user } = await createTestClinic({ password: "the old password 1" });
    await expect(changePassword(actor, { currentPassword: "not it at all", newPassword: "a tidy harbour at dawn" })).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["This is not your current password."] },
    });
    await expect(changePassword(actor, { currentPassword: "the old password 1", newPassword: "1q2w3e4r5t6y" })).rejects.toMatchObject({
      fieldErrors: { newPassword: [expect.stringMatching(/most common/)] },
    });
    const [unchanged] = await db.select().from(users).where(eq(users.id, user.id));
    expect(unchanged.sessionVersion).toBe(user.sessionVersion);

    const { sessionVersion } = await changePassword(actor, { currentPassword: "the old password 1", newPassword: "a tidy harbour at dawn" });
    expect(sessionVersion).toBe(user.sessionVersion + 1);
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion })).toBeNull();
    expect(await loadActor({ userId: user.id, sessionVersion })).not.toBeNull();
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after.passwordHash, "a tidy harbour at dawn")).toBe(true);
    const outbox = await listOutbox(actor);
    expect(outbox!.find((m) => m.to === user.email)?.subject).toBe("Your Physioplan password was changed");
  });

  it("sign out everywhere ends every session", async () => {
    const { actor, user } = await createTestClinic();
    await signOutEverywhere(actor);
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion })).toBeNull();
  });
});

async function resetToken(email: string, clinicIp: string) {
  const result = await requestPasswordReset({ email, ip: clinicIp });
  expect(result.limited).toBe(false);
  if (result.limited || !result.email) throw new Error("no email");
  await sendEmail(result.email);
  const token = result.email.text.match(/\/reset-password\/([A-Za-z0-9_-]{43})/)?.[1];
  expect(token).toBeDefined();
  expect(result.email.html).toContain(`/reset-password/${token}`);
  return token!;
}

describe("forgot password", () => {
  it("answers alike for an unknown email, and sends nothing", async () => {
    const unknown = await requestPasswordReset({ email: `nobody-${crypto.randomUUID()}@example.test`, ip: ip() });
    expect(unknown).toEqual({ limited: false, email: null });
    const { user } = await createTestClinic();
    const known = await requestPasswordReset({ email: user.email, ip: ip() });
    expect(known.limited).toBe(false);
    // What the caller shows depends on `limited` only; the message is sent after the response.
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
  });

  it("links are single use, stored only as a hash, and end every session", async () => {
    const { user } = await createTestClinic({ password: "the old password 2" });
    const token = await resetToken(user.email, ip());
    expect(await findInDatabase(token)).toEqual([]);
    expect(await isUsableResetToken(token)).toBe(true);
    await expect(resetPassword({ token, password: "q1w2e3r4t5y6" })).rejects.toThrow(/another password/);
    expect(await isUsableResetToken(token)).toBe(true);
    expect(await resetPassword({ token, password: "a tidy harbour at dawn" })).toMatchObject({ userId: user.id });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after.passwordHash, "a tidy harbour at dawn")).toBe(true);
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion })).toBeNull();
    expect(await isUsableResetToken(token)).toBe(false);
    expect(await resetPassword({ token, password: "yet another long one" })).toBeNull();
    const [still] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(still.passwordHash, "a tidy harbour at dawn")).toBe(true);
    expect(await findInDatabase(token)).toEqual([]);
    const actions = (await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, user.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["password.reset-requested", "password.reset"]));
  });

  it("links expire after 30 minutes", async () => {
    const { user } = await createTestClinic();
    const token = await resetToken(user.email, ip());
    expect(await isUsableResetToken(token, new Date(Date.now() + 29 * 60_000))).toBe(true);
    expect(await isUsableResetToken(token, new Date(Date.now() + 31 * 60_000))).toBe(false);
    expect(await resetPassword({ token, password: "a tidy harbour at dawn" }, new Date(Date.now() + 31 * 60_000))).toBeNull();
    await db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.userId, user.id));
    expect(await resetPassword({ token, password: "a tidy harbour at dawn" })).toBeNull();
  });

  it("is rate-limited per email (known or not) and per client address", async () => {
    const { user } = await createTestClinic();
    for (let i = 0; i < 3; i++) expect((await requestPasswordReset({ email: user.email, ip: ip() })).limited).toBe(false);
    expect(await requestPasswordReset({ email: user.email, ip: ip() })).toEqual({ limited: true });
    const ghost = `ghost-${crypto.randomUUID()}@example.test`;
    for (let i = 0; i < 3; i++) expect((await requestPasswordReset({ email: ghost, ip: ip() })).limited).toBe(false);
    expect(await requestPasswordReset({ email: ghost, ip: ip() })).toEqual({ limited: true });
    const one = ip();
    for (let i = 0; i < 20; i++) expect((await requestPasswordReset({ email: `x${i}-${crypto.randomUUID()}@example.test`, ip: one })).limited).toBe(false);
    expect(await requestPasswordReset({ email: `y-${crypto.randomUUID()}@example.test`, ip: one })).toEqual({ limited: true });
  });
});
