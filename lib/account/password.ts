// A signed-in user's password and sessions: change the password (the current one is required; every
// other session ends) and "sign out everywhere". Sessions end by bumping users.session_version,
// which loadActor compares on every request.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { clinics, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { newPasswordProblem } from "@/lib/auth/passwords";
import { recordAuditBy } from "@/lib/audit/record";
import { passwordChangedMessage } from "@/lib/email/messages";
import { sendEmail } from "@/lib/email/send";
import { UserError } from "@/lib/errors";
import { clinicClock, formatLongDateTime } from "@/lib/dates/format";

/** Tells the account's owner by email that the password changed (or was reset). */
export async function notifyPasswordChanged(user: { clinicId: string; id: string; email: string; name: string }, how: "changed" | "reset") {
  const [clinic] = await db.select({ name: clinics.name, timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, user.clinicId));
  const message = passwordChangedMessage({ name: user.name, clinicName: clinic?.name ?? "your clinic", when: formatLongDateTime(new Date(), clinicClock(clinic?.timeZone)), how });
  return sendEmail({ clinicId: user.clinicId, kind: "password-changed", to: user.email, createdBy: user.id, ...message });
}

/**
 * Changes the actor's password. Returns the new session version: the caller re-issues its own
 * session with it, so only the other sessions end.
 */
export async function changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<{ sessionVersion: number }> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new UserError("Please correct the highlighted fields.", { currentPassword: ["This is not your current password."] });
  }
  const problem = newPasswordProblem(input.newPassword, { email: user.email, name: user.name });
  if (problem) throw new UserError("Please correct the highlighted fields.", { newPassword: [problem] });
  if (input.newPassword === input.currentPassword) {
    throw new UserError("Please correct the highlighted fields.", { newPassword: ["Choose a password different from the current one."] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const sessionVersion = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      // A new password is no longer the published demo one: the banner goes.
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId))
      .returning({ sessionVersion: users.sessionVersion });
    await recordAuditBy(tx, actor, { action: "password.changed", entityType: "user", entityId: actor.userId });
    return row.sessionVersion;
  });
  await notifyPasswordChanged({ clinicId: actor.clinicId, id: actor.userId, email: user.email, name: user.name }, "changed");
  return { sessionVersion };
}

/** Ends every session of the actor, this one included. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, actor.userId));
    await recordAuditBy(tx, actor, { action: "sessions.ended", entityType: "user", entityId: actor.userId });
  });
}
