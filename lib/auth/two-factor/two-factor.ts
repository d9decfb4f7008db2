// Two-factor sign-in with TOTP: enrolment (a key offered, then confirmed by a code), the ten one-time
// recovery codes (SHA-256 only), checking a code at sign-in (a time step is accepted at most once
// per user: users.totp_last_step moves forward in one conditional UPDATE), removal by its owner,
// reset by an admin, and the clinic-wide requirement. The key is stored sealed under the server
// secret (./seal.ts), never in clear.
import "server-only";
import crypto from "node:crypto";
import { and, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { db } from "@/db/client";
import { clinics, recoveryCodes, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/admin";
import { verifyPassword } from "@/lib/auth/password";
import { recordAudit, recordAuditBy } from "@/lib/audit/record";
import { twoFactorChangedMessage } from "@/lib/email/messages";
import { sendEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { groupedSecret, matchingStep, newSecret, otpauthUri } from "./totp";
import { open, seal } from "@/lib/crypto/seal";
import { clinicClock, formatLongDateTime } from "@/lib/dates/format";

export const recoveryCodeCount = 10;
/** An offered key must be confirmed within this time. */
export const enrolmentValidityMs = 15 * 60 * 1000;
const issuer = "Physioplan";
const secretPurpose = "totp secret";
const offerPurpose = "totp enrolment";

/** Who two-factor functions act on: the signed-in user (an Actor, or the enrolling user before one). */
export type TwoFactorUser = { userId: string; clinicId: string; email: string; name: string };

export type TwoFactorStatus = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number; clinicRequires: boolean };

export async function twoFactorStatus(user: { userId: string }): Promise<TwoFactorStatus> {
  const [row] = await db
    .select({ enabledAt: users.totpEnabledAt, clinicRequires: clinics.requireTwoFactor })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, user.userId));
  const [left] = await db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, user.userId), isNull(recoveryCodes.usedAt)));
  return { enabled: Boolean(row?.enabledAt), enabledAt: row?.enabledAt ?? null, recoveryCodesLeft: left?.n ?? 0, clinicRequires: row?.clinicRequires ?? false };
}

// ---- Recovery codes -------------------------------------------------------------------------

const recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten characters from an alphabet without look-alikes, shown as xxxxx-xxxxx (about 49 bits each). */
export function newRecoveryCode(): string {
  let out = "";
  while (out.length < 10) {
    const byte = crypto.randomBytes(1)[0];
    if (byte < 248) out += recoveryAlphabet[byte % recoveryAlphabet.length];
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** A typed recovery code as stored (lower case, no hyphen or spaces), or null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, "");
  return clean.length === 10 && [...clean].every((c) => recoveryAlphabet.includes(c)) ? clean : null;
}

export function hashRecoveryCode(normalised: string): string {
  return crypto.createHash("sha256").update(`physioplan recovery ${normalised}`, "utf8").digest("hex");
}

// ---- Enrolment -------------------------------------------------------------------------------

export type EnrolmentOffer = { secret: string; groupedSecret: string; uri: string; qrSvg: string; offer: string };

/**
 * A new key for the user to add to an authenticator app. Nothing is stored yet: `offer` is the key
 * sealed to this user with a 15-minute expiry, carried by the form until a code confirms it.
 */
export async function beginEnrolment(user: TwoFactorUser, now: number = Date.now()): Promise<EnrolmentOffer> {
  const secret = newSecret();
  const uri = otpauthUri({ secret, account: user.email, issuer });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  const offer = seal(JSON.stringify({ secret, exp: now + enrolmentValidityMs }), offerPurpose, user.userId, env().NEXTAUTH_SECRET);
  return { secret, groupedSecret: groupedSecret(secret), uri, qrSvg, offer };
}

/** The key of an offer made to this user that has not expired, or null. */
export function openOffer(offer: string, userId: string, now: number = Date.now()): string | null {
  const plain = open(offer, offerPurpose, userId, env().NEXTAUTH_SECRET);
  if (!plain) return null;
  try {
    const { secret, exp } = JSON.parse(plain) as { secret: unknown; exp: unknown };
    return typeof secret === "string" && typeof exp === "number" && exp > now ? secret : null;
  } catch {
    return null;
  }
}

async function notify(user: { clinicId: string; userId: string; email: string; name: string }, how: "enrolled" | "removed" | "reset", byName?: string) {
  const [clinic] = await db.select({ name: clinics.name, timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, user.clinicId));
  const when = formatLongDateTime(new Date(), clinicClock(clinic?.timeZone));
  const message = twoFactorChangedMessage({ name: user.name, clinicName: clinic?.name ?? "your clinic", when, how, byName });
  return sendEmail({ clinicId: user.clinicId, kind: "two-factor-changed", to: user.email, createdBy: user.userId, ...message });
}

/**
 * Turns two-factor on once the user types a current code for the offered key. Returns the ten
 * recovery codes, to be shown once; the database keeps their hashes. The confirming code's time
 * step is recorded, so it cannot also be used to sign in.
 */
export async function confirmEnrolment(user: TwoFactorUser, input: { offer: string; code: string }, now: number = Date.now()): Promise<{ recoveryCodes: string[] }> {
  const secret = openOffer(input.offer, user.userId, now);
  if (!secret) throw new UserError("This set-up has expired. Start again: a new key is shown.", { code: ["Start again: this key has expired."] });
  const step = matchingStep(secret, input.code, now);
  if (step === null) {
    throw new UserError("Please correct the highlighted fields.", { code: ["That code does not match. Type the 6-digit code your app shows now."] });
  }
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const enrolled = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ totpSecretSealed: seal(secret, secretPurpose, user.userId, env().NEXTAUTH_SECRET), totpEnabledAt: new Date(now), totpLastStep: step })
      .where(and(eq(users.id, user.userId), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (!row) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.userId));
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId: user.userId, codeHash: hashRecoveryCode(normaliseRecoveryCode(code)!) })));
    await recordAudit(tx, { clinicId: user.clinicId, actorId: user.userId, action: "two-factor.enrolled", entityType: "user", entityId: user.userId });
    return true;
  });
  if (!enrolled) throw new UserError("Two-factor sign-in is already on for your account.");
  await notify(user, "enrolled");
  return { recoveryCodes: codes };
}

/** Ten new recovery codes in place of the old ones (the password is asked again). */
export async function replaceRecoveryCodes(user: TwoFactorUser, input: { currentPassword: string }): Promise<{ recoveryCodes: string[] }> {
  const [row] = await db.select({ passwordHash: users.passwordHash, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.userId));
  if (!row?.enabledAt) throw new UserError("Two-factor sign-in is not on for your account.");
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new UserError("Please correct the highlighted fields.", { currentPassword: ["This is not your current password."] });
  }
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.userId));
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId: user.userId, codeHash: hashRecoveryCode(normaliseRecoveryCode(code)!) })));
  });
  return { recoveryCodes: codes };
}

/** Turns off the user's own two-factor (password required); refused while the clinic requires it. */
export async function removeTwoFactor(user: TwoFactorUser, input: { currentPassword: string }): Promise<void> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash, enabledAt: users.totpEnabledAt, required: clinics.requireTwoFactor })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, user.userId));
  if (!row?.enabledAt) throw new UserError("Two-factor sign-in is not on for your account.");
  if (row.required) throw new UserError("Your clinic requires two-factor sign-in, so it cannot be turned off.");
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new UserError("Please correct the highlighted fields.", { currentPassword: ["This is not your current password."] });
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, user.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.userId));
    await recordAudit(tx, { clinicId: user.clinicId, actorId: user.userId, action: "two-factor.removed", entityType: "user", entityId: user.userId });
  });
  await notify(user, "removed");
}

/**
 * An admin resets a colleague's two-factor (a lost phone): the key and recovery codes go, the
 * colleague's sessions end, they are told by email, and the activity log records it. Null when the
 * actor is not an admin or the user is not of the actor's clinic.
 */
export async function resetTwoFactor(actor: Actor, { userId }: { userId: string }): Promise<{ changed: boolean } | null> {
  if (!isAdmin(actor)) return null;
  const result = await db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: users.id, email: users.email, name: users.name, enabledAt: users.totpEnabledAt })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.clinicId, actor.clinicId)))
      .for("update");
    if (!member) return null;
    if (!member.enabledAt) return { changed: false, member };
    await tx
      .update(users)
      .set({ totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, member.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, member.id));
    await recordAuditBy(tx, actor, { action: "two-factor.reset", entityType: "user", entityId: member.id, detail: { email: member.email } });
    return { changed: true, member };
  });
  if (!result) return null;
  if (result.changed) await notify({ clinicId: actor.clinicId, userId: result.member.id, email: result.member.email, name: result.member.name }, "reset", actor.name);
  return { changed: result.changed };
}

/** Requires (or stops requiring) two-factor for the admin's clinic. An admin turns it on only with their own on. */
export async function setTwoFactorRequired(actor: Actor, { required }: { required: boolean }): Promise<{ changed: boolean } | null> {
  if (!isAdmin(actor)) return null;
  if (required) {
    const [me] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, actor.userId));
    if (!me?.enabledAt) throw new UserError("Turn on two-factor sign-in for your own account first (on your account page), so that you are not locked out.");
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ required: clinics.requireTwoFactor }).from(clinics).where(eq(clinics.id, actor.clinicId)).for("update");
    if (!before) return null;
    if (before.required === required) return { changed: false };
    await tx.update(clinics).set({ requireTwoFactor: required }).where(eq(clinics.id, actor.clinicId));
    await recordAuditBy(tx, actor, { action: "clinic.two-factor-required", entityType: "clinic", entityId: actor.clinicId, detail: { required } });
    return { changed: true };
  });
}

// ---- Checking a code at sign-in -------------------------------------------------------------

/**
 * Checks a second factor for a user with two-factor on: a TOTP code of now or one step either side
 * whose step is later than the last accepted one (so a code is never accepted twice), or an unused
 * recovery code (then marked used). Both are single conditional UPDATEs, so two requests racing
 * with the same code cannot both win.
 */
export async function verifySecondFactor(userId: string, typed: string, now: number = Date.now()): Promise<"totp" | "recovery" | null> {
  // Ten characters are a recovery code; a TOTP code has six digits, so the two never overlap.
  const recovery = normaliseRecoveryCode(typed);
  if (recovery) {
    const [used] = await db
      .update(recoveryCodes)
      .set({ usedAt: new Date(now) })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(recovery)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return used ? "recovery" : null;
  }
  const [row] = await db.select({ sealed: users.totpSecretSealed, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  if (!row?.enabledAt) return null;
  const secret = open(row.sealed, secretPurpose, userId, env().NEXTAUTH_SECRET);
  if (!secret) return null;
  const step = matchingStep(secret, typed, now);
  if (step === null) return null;
  const [accepted] = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return accepted ? "totp" : null;
}
