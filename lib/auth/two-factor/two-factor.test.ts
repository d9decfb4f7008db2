import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, clinics, outboundEmails, recoveryCodes, users } from "@/db/schema";
import { loadActor, loadSession } from "@/lib/auth/actor";
import { authenticate, completeTwoFactor } from "@/lib/auth/sign-in";
import { listActivity } from "@/lib/audit/activity";
import { env } from "@/lib/env";
import { createTestClinic } from "@/lib/testing/fixtures";
import { oathtoolTotp } from "@/lib/testing/oathtool";
import { findInDatabase } from "@/lib/testing/secrets";
import { openPending, sealPending } from "./pending";
import { stepAt } from "./totp";
import {
  beginEnrolment,
  confirmEnrolment,
  normaliseRecoveryCode,
  removeTwoFactor,
  resetTwoFactor,
  setTwoFactorRequired,
  twoFactorStatus,
  verifySecondFactor,
} from "./two-factor";

const password = "a quiet tide at the harbour";
const address = () => `203.0.113.${crypto.randomInt(1, 254)}-${crypto.randomBytes(3).toString("hex")}`;

/** A clinic whose admin has two-factor on, enrolled with a code from oathtool at `now`. */
async function enrolled(now = Date.now()) {
  const { clinic, user, actor } = await createTestClinic({ password });
  const offer = await beginEnrolment(actor, now);
  const { recoveryCodes: codes } = await confirmEnrolment(actor, { offer: offer.offer, code: oathtoolTotp(offer.secret, now) }, now);
  return { clinic, user, actor, secret: offer.secret, codes };
}

describe("enrolment", () => {
  it("offers a key as a QR code and typed key, confirms it with a code, and stores it sealed with hashed recovery codes", async () => {
    const { actor } = await createTestClinic({ password });
    const offer = await beginEnrolment(actor);
    expect(offer.uri).toContain(`secret=${offer.secret}`);
    expect(offer.qrSvg).toMatch(/^<svg/);
    expect(offer.groupedSecret.replaceAll(" ", "")).toBe(offer.secret);
    // Nothing stored before the code confirms it; a wrong code changes nothing.
    expect((await twoFactorStatus(actor)).enabled).toBe(false);
    await expect(confirmEnrolment(actor, { offer: offer.offer, code: "000000" === oathtoolTotp(offer.secret) ? "111111" : "000000" })).rejects.toThrow(/correct/);
    // An offer made to someone else, or tampered with, is refused.
    const other = await createTestClinic({ password });
    await expect(confirmEnrolment(other.actor, { offer: offer.offer, code: oathtoolTotp(offer.secret) })).rejects.toThrow(/expired/);
    // An offer older than 15 minutes is refused.
    const now = Date.now();
    await expect(confirmEnrolment(actor, { offer: offer.offer, code: oathtoolTotp(offer.secret, now + 16 * 60_000) }, now + 16 * 60_000)).rejects.toThrow(/expired/);

    const { recoveryCodes: codes } = await confirmEnrolment(actor, { offer: offer.offer, code: oathtoolTotp(offer.secret) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const status = await twoFactorStatus(actor);
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    // The key and the codes appear nowhere in the database in clear.
    expect(await findInDatabase(offer.secret)).toEqual([]);
    expect(await findInDatabase(codes[0])).toEqual([]);
    expect(await findInDatabase(normaliseRecoveryCode(codes[0])!)).toEqual([]);
    const [row] = await db.select().from(users).where(eq(users.id, actor.userId));
    expect(row.totpSecretSealed).toMatch(/^v1\./);
    const hashes = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    for (const h of hashes) expect(h.codeHash).toMatch(/^[0-9a-f]{64}$/);

    // Audited and emailed.
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, actor.userId), eq(auditEvents.action, "two-factor.enrolled")));
    expect(audit).toBeDefined();
    const mail = await db.select().from(outboundEmails).where(and(eq(outboundEmails.toAddress, actor.email), eq(outboundEmails.kind, "two-factor-changed")));
    expect(mail).toHaveLength(1);
    // A second enrolment is refused while the first stands.
    const again = await beginEnrolment(actor);
    await expect(confirmEnrolment(actor, { offer: again.offer, code: oathtoolTotp(again.secret) })).rejects.toThrow(/already on/);
  });
});

describe("codes at sign-in", () => {
  it("accepts a code from oathtool once, with a step of drift, and never the same step twice", async () => {
    const start = Date.now();
    const { user, secret } = await enrolled(start);
    // The enrolment's own code (its step) cannot sign in.
    expect(await verifySecondFactor(user.id, oathtoolTotp(secret, start), start)).toBeNull();
    const later = start + 90_000;
    const code = oathtoolTotp(secret, later);
    expect(await verifySecondFactor(user.id, code, later)).toBe("totp");
    expect(await verifySecondFactor(user.id, code, later)).toBeNull();
    // Still inside the drift window a few seconds on: the same code is still refused (replay).
    expect(await verifySecondFactor(user.id, code, later + 20_000)).toBeNull();
    // The previous step's code, within drift, is older than the last accepted one: refused.
    expect(await verifySecondFactor(user.id, oathtoolTotp(secret, later - 30_000), later)).toBeNull();
    // A phone 30 seconds fast: the next step's code is accepted.
    const after = later + 120_000;
    expect(await verifySecondFactor(user.id, oathtoolTotp(secret, after + 30_000), after)).toBe("totp");
    const [row] = await db.select({ last: users.totpLastStep }).from(users).where(eq(users.id, user.id));
    expect(row.last).toBe(stepAt(after + 30_000));
    // Two minutes off: refused.
    const much = after + 300_000;
    const off = oathtoolTotp(secret, much - 120_000);
    if (![-1, 0, 1].some((d) => oathtoolTotp(secret, much + d * 30_000) === off)) expect(await verifySecondFactor(user.id, off, much)).toBeNull();
  });

  it("accepts each recovery code once, in any case and spacing", async () => {
    const { user, codes } = await enrolled();
    expect(await verifySecondFactor(user.id, codes[0].toUpperCase().replace("-", " "))).toBe("recovery");
    expect(await verifySecondFactor(user.id, codes[0])).toBeNull();
    expect(await verifySecondFactor(user.id, codes[1])).toBe("recovery");
    expect(await verifySecondFactor(user.id, "abcde-fghjk")).toBeNull();
    expect((await twoFactorStatus({ userId: user.id })).recoveryCodesLeft).toBe(8);
    // Another user's code is not this user's.
    const other = await enrolled();
    expect(await verifySecondFactor(user.id, other.codes[0])).toBeNull();
  });

  it("asks for a code after the password, counts wrong codes towards the lockout, and records them", async () => {
    const { user, actor, secret } = await enrolled();
    const ip = address();
    const first = await authenticate({ email: user.email, password, ip });
    expect(first).toMatchObject({ ok: true, codeRequired: true });
    const pending = { userId: user.id, sessionVersion: user.sessionVersion };
    // Nine wrong codes and one wrong password: ten failures lock this email and address.
    const wrong = (n: number) => String((Number(oathtoolTotp(secret)) + 500_000 + n) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 9; i++) expect(await completeTwoFactor({ ...pending, code: wrong(i), ip })).toEqual({ ok: false, reason: "invalid" });
    // Knowing the password does not reset the count of wrong codes.
    expect(await authenticate({ email: user.email, password, ip })).toMatchObject({ ok: true, codeRequired: true });
    expect(await authenticate({ email: user.email, password: "wrong password", ip })).toEqual({ ok: false, reason: "invalid" });
    // Locked: even the right code is refused now, from this address.
    expect(await completeTwoFactor({ ...pending, code: oathtoolTotp(secret, Date.now() + 30_000), ip })).toMatchObject({ ok: false, reason: "rate-limited" });
    // From another address the right code works (the next step's, as the enrolment used this one).
    expect(await completeTwoFactor({ ...pending, code: oathtoolTotp(secret, Date.now() + 30_000), ip: address() })).toMatchObject({ ok: true });

    const activity = await listActivity(actor, { kind: "two-factor", page: 1 });
    expect(activity!.entries.filter((e) => e.action === "two-factor.failed")).toHaveLength(9);
    const signIns = await listActivity(actor, { kind: "sign-in", page: 1 });
    expect(signIns!.entries.filter((e) => e.action === "sign-in.succeeded")).toHaveLength(1);
    expect(signIns!.entries.find((e) => e.action === "sign-in.succeeded")!.detail).toMatchObject({ method: "totp" });
  });

  it("refuses the code step after the session version moved (a reset or a new password) and for a user without two-factor", async () => {
    const { user, secret, actor } = await enrolled();
    await db.update(users).set({ sessionVersion: user.sessionVersion + 1 }).where(eq(users.id, user.id));
    expect(await completeTwoFactor({ userId: user.id, sessionVersion: user.sessionVersion, code: oathtoolTotp(secret, Date.now() + 30_000), ip: address() })).toEqual({ ok: false, reason: "invalid" });
    const plain = await createTestClinic({ password });
    expect(await authenticate({ email: plain.user.email, password, ip: address() })).toMatchObject({ ok: true });
    expect((await authenticate({ email: plain.user.email, password, ip: address() })) as { codeRequired?: boolean }).not.toHaveProperty("codeRequired", true);
    expect(await completeTwoFactor({ userId: plain.user.id, sessionVersion: plain.user.sessionVersion, code: "123456", ip: address() })).toEqual({ ok: false, reason: "invalid" });
    expect(actor.userId).toBe(user.id);
  });

  it("seals the pending state for 5 minutes, readable only with the server secret", () => {
    const secret = env().NEXTAUTH_SECRET;
    const now = Date.now();
    const sealed = sealPending({ userId: "u1", sessionVersion: 3 }, secret, now);
    expect(sealed).not.toContain("u1");
    expect(openPending(sealed, secret, now + 60_000)).toEqual({ userId: "u1", sessionVersion: 3 });
    expect(openPending(sealed, secret, now + 5 * 60_000 + 1)).toBeNull();
    expect(openPending(sealed, `${secret}x`, now)).toBeNull();
    expect(openPending(`${sealed.slice(0, -2)}AA`, secret, now)).toBeNull();
    expect(openPending(undefined, secret, now)).toBeNull();
  });
});

describe("removal, reset and the clinic's requirement", () => {
  it("lets the owner turn it off with their password, unless the clinic requires it", async () => {
    const { actor } = await enrolled();
    await expect(removeTwoFactor(actor, { currentPassword: "not it" })).rejects.toThrow(/correct/);
    await setTwoFactorRequired(actor, { required: true });
    await expect(removeTwoFactor(actor, { currentPassword: password })).rejects.toThrow(/requires/);
    await setTwoFactorRequired(actor, { required: false });
    await removeTwoFactor(actor, { currentPassword: password });
    expect(await twoFactorStatus(actor)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    const actions = (await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.clinicId, actor.clinicId))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["two-factor.enrolled", "two-factor.removed", "clinic.two-factor-required"]));
  });

  it("lets an admin reset a colleague's two-factor (sessions end, email sent, audited); a clinician cannot", async () => {
    const { actor: admin, clinic } = await createTestClinic({ password });
    const colleague = await enrolled();
    // Move the colleague into the admin's clinic as a clinician.
    await db.update(users).set({ clinicId: clinic.id, role: "clinician" }).where(eq(users.id, colleague.user.id));
    const clinicianActor = { ...colleague.actor, clinicId: clinic.id, role: "clinician" as const };
    expect(await resetTwoFactor(clinicianActor, { userId: colleague.user.id })).toBeNull();
    expect((await twoFactorStatus(colleague.actor)).enabled).toBe(true);
    // An admin of another clinic: not found.
    const stranger = await createTestClinic();
    expect(await resetTwoFactor(stranger.actor, { userId: colleague.user.id })).toBeNull();

    expect(await resetTwoFactor(admin, { userId: colleague.user.id })).toEqual({ changed: true });
    expect(await twoFactorStatus(colleague.actor)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await loadActor({ userId: colleague.user.id, sessionVersion: colleague.user.sessionVersion })).toBeNull();
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.action, "two-factor.reset")));
    expect(audit).toMatchObject({ actorId: admin.userId, entityId: colleague.user.id, detail: { email: colleague.user.email } });
    const [mail] = await db.select().from(outboundEmails).where(and(eq(outboundEmails.clinicId, clinic.id), eq(outboundEmails.kind, "two-factor-changed")));
    expect(mail.toAddress).toBe(colleague.user.email);
    expect(await resetTwoFactor(admin, { userId: colleague.user.id })).toEqual({ changed: false });
  });

  it("requires two-factor for a clinic: an admin turns it on only with their own on; users without it may only enrol", async () => {
    const { actor: admin, clinic } = await createTestClinic({ password });
    await expect(setTwoFactorRequired(admin, { required: true })).rejects.toThrow(/your own account first/);
    const offer = await beginEnrolment(admin);
    await confirmEnrolment(admin, { offer: offer.offer, code: oathtoolTotp(offer.secret) });
    const [clinician] = await db
      .insert(users)
      .values({ clinicId: clinic.id, email: `c-${crypto.randomUUID().slice(0, 8)}@example.test`, name: "Cal Clinician", role: "clinician", passwordHash: "x" })
      .returning();
    const clinicianActor = { ...admin, userId: clinician.id, role: "clinician" as const, name: clinician.name, email: clinician.email };
    expect(await setTwoFactorRequired(clinicianActor, { required: true })).toBeNull();
    expect(await setTwoFactorRequired(admin, { required: true })).toEqual({ changed: true });
    const [row] = await db.select({ required: clinics.requireTwoFactor }).from(clinics).where(eq(clinics.id, clinic.id));
    expect(row.required).toBe(true);

    // The clinician without two-factor: a session that can only enrol.
    const session = { userId: clinician.id, sessionVersion: clinician.sessionVersion };
    expect(await loadActor(session)).toBeNull();
    expect(await loadSession(session)).toMatchObject({ enrolmentRequired: true, actor: { userId: clinician.id } });
    // The admin (enrolled): a normal session.
    expect(await loadSession({ userId: admin.userId, sessionVersion: 1 })).toMatchObject({ enrolmentRequired: false });
    // After enrolling, the clinician's session is a normal one.
    const theirs = await beginEnrolment(clinicianActor);
    await confirmEnrolment(clinicianActor, { offer: theirs.offer, code: oathtoolTotp(theirs.secret) });
    expect(await loadActor(session)).toMatchObject({ userId: clinician.id });
  });
});
