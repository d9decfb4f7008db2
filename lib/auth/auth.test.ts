import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { clinics, users } from "@/db/schema";
import { createTestClinic } from "@/lib/testing/fixtures";
import { createClinicAdmin, demoAccount, ensureDemoAccount } from "./accounts";
import { loadActor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { authenticate, isSignInLocked } from "./sign-in";

describe("passwords", () => {
  it("hashes with argon2id at the OWASP parameters", async () => {
    const hash = await hashPassword("a long passphrase");
    expect(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(await verifyPassword(hash, "a long passphrase")).toBe(true);
    expect(await verifyPassword(hash, "a long passphrasE")).toBe(false);
  });
});

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown email alike", async () => {
    const { user } = await createTestClinic({ password: "right-password-1" });
    expect(await authenticate({ email: user.email.toUpperCase(), password: "right-password-1", ip: "10.0.0.1" })).toMatchObject({ ok: true });
    expect(await authenticate({ email: user.email, password: "wrong", ip: "10.0.0.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email: "nobody@example.test", password: "wrong", ip: "10.0.0.1" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an email and IP after 10 failures, even for the right password, and not other IPs", async () => {
    const { user } = await createTestClinic({ password: "right-password-2" });
    for (let i = 0; i < 10; i++) {
      expect(await authenticate({ email: user.email, password: `wrong-${i}`, ip: "10.0.0.2" })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await isSignInLocked(user.email, "10.0.0.2")).toBe(true);
    expect(await authenticate({ email: user.email, password: "wrong-11", ip: "10.0.0.2" })).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await authenticate({ email: user.email, password: "right-password-2", ip: "10.0.0.2" })).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await authenticate({ email: user.email, password: "right-password-2", ip: "10.0.0.3" })).toMatchObject({ ok: true });
  });

  it("refuses a deactivated user", async () => {
    const { user } = await createTestClinic({ password: "right-password-3" });
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await authenticate({ email: user.email, password: "right-password-3", ip: "10.0.0.4" })).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("sessions", () => {
  it("end when the user is deactivated or the session version is bumped", async () => {
    const { user, clinic } = await createTestClinic();
    expect(await loadActor({ userId: user.id, sessionVersion: 1 })).toMatchObject({ userId: user.id, clinicId: clinic.id, clinicName: clinic.name });
    await db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, user.id));
    expect(await loadActor({ userId: user.id, sessionVersion: 1 })).toBeNull();
    expect(await loadActor({ userId: user.id, sessionVersion: 2 })).not.toBeNull();
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await loadActor({ userId: user.id, sessionVersion: 2 })).toBeNull();
  });
});

describe("accounts", () => {
  it("creates the demo clinic and admin once, however often the seed runs", async () => {
    await ensureDemoAccount(db);
    await ensureDemoAccount(db);
    const demoUsers = await db.select().from(users).where(eq(users.email, demoAccount.email));
    const demoClinics = await db.select().from(clinics).where(eq(clinics.name, demoAccount.clinicName));
    expect(demoUsers).toHaveLength(1);
    expect(demoClinics).toHaveLength(1);
    expect(await verifyPassword(demoUsers[0].passwordHash, demoAccount.password)).toBe(true);
  });

  it("creates an admin in a new or existing clinic and refuses a duplicate email", async () => {
    const first = await createClinicAdmin(db, { clinicName: "Harbour Physio", email: "Lead@Harbour.test", name: "Lee", password: "a-good-password" });
    expect(first.user.email).toBe("lead@harbour.test");
    expect(first.user.role).toBe("admin");
    const second = await createClinicAdmin(db, { clinicName: "Harbour Physio", email: "two@harbour.test", name: "Two", password: "a-good-password" });
    expect(second.clinic.id).toBe(first.clinic.id);
    await expect(createClinicAdmin(db, { clinicName: "Other", email: "lead@harbour.test", name: "Dup", password: "a-good-password" })).rejects.toThrow(/already exists/);
  });
});

describe("session settings", () => {
  it("use JWT sessions that expire after 12 hours", async () => {
    const { authOptions } = await import("./options");
    const options = authOptions();
    expect(options.session).toMatchObject({ strategy: "jwt", maxAge: 12 * 60 * 60 });
    expect(options.jwt?.maxAge).toBe(12 * 60 * 60);
  });
});
