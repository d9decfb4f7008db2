// "Forgot password": a single-use link valid 30 minutes, of which only the SHA-256 is stored. The
// request answers alike for known and unknown emails (the caller shows one message and sends any
// email after the response), and is rate-limited per email and per client address.
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { normaliseEmail } from "@/lib/auth/email";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordProblem } from "@/lib/auth/passwords";
import { passwordResetMessage } from "@/lib/email/messages";
import { appOrigin } from "@/lib/email/origin";
import type { EmailMessage } from "@/lib/email/send";
import { UserError } from "@/lib/errors";
import { acquire, type RateLimit } from "@/lib/rate-limit";
import { generateToken, hashToken, isWellFormedToken } from "@/lib/sharing/token";

export const resetValidityMs = 30 * 60 * 1000;
export const resetEmailLimit: RateLimit = { bucket: "password-reset-email", limit: 3, windowMs: 60 * 60 * 1000 };
export const resetIpLimit: RateLimit = { bucket: "password-reset-ip", limit: 20, windowMs: 60 * 60 * 1000 };

/**
 * Records the request and, for an active account, creates a reset and returns the email to send.
 * "limited" when the email or the address has asked too often (whether or not the account exists).
 */
export async function requestPasswordReset(input: { email: string; ip: string }, now = new Date()): Promise<{ limited: true } | { limited: false; email: EmailMessage | null }> {
  const email = normaliseEmail(input.email);
  // Checked and counted in one step (lib/rate-limit.ts): concurrent requests cannot overshoot.
  const slot = await acquire([
    { rule: resetIpLimit, key: input.ip },
    { rule: resetEmailLimit, key: email },
  ]);
  if (!slot.ok) return { limited: true };
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user || !user.active) return { limited: false, email: null };
  const token = generateToken();
  await db.transaction(async (tx) => {
    const [reset] = await tx
      .insert(passwordResets)
      .values({ clinicId: user.clinicId, userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + resetValidityMs) })
      .returning({ id: passwordResets.id });
    await recordAudit(tx, { clinicId: user.clinicId, actorId: user.id, action: "password.reset-requested", entityType: "user", entityId: user.id, detail: { resetId: reset.id, ip: input.ip } });
  });
  const message = passwordResetMessage({ name: user.name, url: `${appOrigin()}/reset-password/${token}` });
  return { limited: false, email: { clinicId: user.clinicId, kind: "password-reset", to: user.email, createdBy: null, ...message } };
}

/** True when the token opens an unused, unexpired reset of an active account. */
export async function isUsableResetToken(token: string, now = new Date()): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const [row] = await db
    .select({ usedAt: passwordResets.usedAt, expiresAt: passwordResets.expiresAt, active: users.active })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  return Boolean(row && row.usedAt === null && row.expiresAt > now && row.active);
}

/**
 * Sets a new password with a reset token, once: the reset is spent, every session of the account
 * ends, and the other open resets of the account are spent too. Null when the link is not usable.
 */
export async function resetPassword(input: { token: string; password: string }, now = new Date()) {
  if (!isWellFormedToken(input.token)) return null;
  const done = await db.transaction(async (tx) => {
    const [reset] = await tx.select().from(passwordResets).where(eq(passwordResets.tokenHash, hashToken(input.token))).for("update");
    if (!reset || reset.usedAt !== null || reset.expiresAt <= now) return null;
    const [user] = await tx.select().from(users).where(eq(users.id, reset.userId)).for("update");
    if (!user?.active) return null;
    const problem = newPasswordProblem(input.password, { email: user.email, name: user.name });
    if (problem) throw new UserError("Please choose another password.", { password: [problem] });
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.password), mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await recordAudit(tx, { clinicId: user.clinicId, actorId: user.id, action: "password.reset", entityType: "user", entityId: user.id });
    return user;
  });
  return done ? { userId: done.id, clinicId: done.clinicId, email: done.email, name: done.name } : null;
}
