import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { env } from "@/lib/env";
import { acquire, clearEvents, release, retryAfterMs, signInLimit, type LimitCheck, type RateLimit } from "@/lib/rate-limit";
import { clientIp as clientIpWith, parseTrustedProxies, type TrustedProxies } from "./client-ip";
import { recordSignInEvent } from "@/lib/audit/sign-in-events";
import { normaliseEmail } from "./email";
import { hashPassword, verifyPassword } from "./password";
import { verifySecondFactor } from "./two-factor/two-factor";

export type SignInResult =
  | { ok: true; user: User; codeRequired?: false }
  /** The password was right and the account has two-factor on: no session until `completeTwoFactor`. */
  | { ok: true; user: User; codeRequired: true }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

const window = 15 * 60 * 1000;

/**
 * Failures for one email from any address. After 10 in 15 minutes each further attempt waits
 * 1 s, 2 s, 4 s … after the latest failure, at most a minute: a guesser spread over many addresses
 * gets about one guess a minute, and the real user, wherever they are, waits at most a minute
 * after an attacker's last failure (refused attempts are not counted, so they cannot extend it).
 */
export function emailDelayMs(failures: number): number {
  return failures <= 10 ? 0 : Math.min(1000 * 2 ** (failures - 11), 60_000);
}
export const emailDelay: RateLimit = { bucket: "sign-in-failure-email", windowMs: window, delayMs: emailDelayMs };
/** Failures from one address across all emails: a ceiling for password spraying. */
export const ipCeiling: RateLimit = { bucket: "sign-in-failure-ip", windowMs: window, limit: 50 };

export function signInKey(email: string, ip: string): string {
  return `${normaliseEmail(email)}|${ip}`;
}

function checks(email: string, ip: string): LimitCheck[] {
  return [
    { rule: signInLimit, key: signInKey(email, ip) },
    { rule: emailDelay, key: normaliseEmail(email) },
    { rule: ipCeiling, key: ip },
  ];
}

let trusted: TrustedProxies | undefined;
/** The client's address under the configured TRUSTED_PROXIES (lib/auth/client-ip.ts). */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  trusted ??= parseTrustedProxies(env().TRUSTED_PROXIES);
  return clientIpWith(headers, trusted);
}

/** Seconds until this email and address may try again; 0 when they may now. */
export async function signInRetryAfter(email: string, ip: string): Promise<number> {
  return Math.ceil((await retryAfterMs(checks(email, ip))) / 1000);
}

export async function isSignInLocked(email: string, ip: string): Promise<boolean> {
  return (await signInRetryAfter(email, ip)) > 0;
}

// An argon2id hash of a random password with the same parameters as real ones: an unknown email
// is verified against it, so it costs as much time as a wrong password for a known one.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

/** The active user with that email and password, or null. Always computes one argon2id verification. */
export async function verifyCredentials(email: string, password: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(email)));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummy()), password);
  return user && valid && user.active ? user : null;
}

/**
 * Checks an email and password. The attempt is counted as a failure against all three limits before
 * the hash is computed (check and record are one step, so concurrent attempts cannot overshoot) and
 * given back when the password is right. A refused attempt computes no hash and counts nothing;
 * a wrong email and a wrong password fail the same way.
 */
export async function authenticate(input: { email: string; password: string; ip: string; now?: number }): Promise<SignInResult> {
  const slot = await acquire(checks(input.email, input.ip), db, input.now);
  if (!slot.ok) {
    await recordSignInEvent("sign-in.locked", input.email, input.ip);
    return { ok: false, reason: "rate-limited", retryAfterSeconds: Math.ceil(slot.retryAfterMs / 1000) };
  }

  const user = await verifyCredentials(input.email, input.password);
  if (!user) {
    await recordSignInEvent("sign-in.failed", input.email, input.ip);
    return { ok: false, reason: "invalid" };
  }
  await release(slot.eventIds);
  // With two-factor on, a right password only gives this attempt back: earlier failures stay
  // counted until a right code, so knowing the password does not reset the count of wrong codes.
  if (user.totpEnabledAt) return { ok: true, user, codeRequired: true };
  await clearEvents(signInLimit, signInKey(input.email, input.ip));
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  await recordSignInEvent("sign-in.succeeded", input.email, input.ip);
  return { ok: true, user };
}

/**
 * The second step for an account with two-factor on, after `authenticate` accepted its password:
 * a TOTP code or a recovery code. Counted against the same three limits as a password (a wrong code
 * is a failed sign-in), given back when right; the user must still be active with the session
 * version the password step saw.
 */
export async function completeTwoFactor(input: { userId: string; sessionVersion: number; code: string; ip: string; now?: number }): Promise<SignInResult> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || !user.active || user.sessionVersion !== input.sessionVersion || !user.totpEnabledAt) return { ok: false, reason: "invalid" };
  const slot = await acquire(checks(user.email, input.ip), db, input.now);
  if (!slot.ok) {
    await recordSignInEvent("sign-in.locked", user.email, input.ip);
    return { ok: false, reason: "rate-limited", retryAfterSeconds: Math.ceil(slot.retryAfterMs / 1000) };
  }
  const method = await verifySecondFactor(user.id, input.code, input.now);
  if (!method) {
    await recordSignInEvent("two-factor.failed", user.email, input.ip);
    return { ok: false, reason: "invalid" };
  }
  await release(slot.eventIds);
  await clearEvents(signInLimit, signInKey(user.email, input.ip));
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  if (method === "recovery") await recordSignInEvent("two-factor.recovery-code-used", user.email, input.ip);
  await recordSignInEvent("sign-in.succeeded", user.email, input.ip, { method });
  return { ok: true, user };
}
