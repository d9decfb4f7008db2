// The clinic's team: users with their role and status, invitations, deactivation and roles.
// Admins only: every function takes the actor and returns null (as "not found") for a clinician.
// Changes to who is an active admin run in a transaction that first locks the clinic's row, so two
// admins demoting each other at once cannot leave the clinic without one.
import "server-only";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { clinics, invitations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/admin";
import { normaliseEmail } from "@/lib/auth/email";
import { recordAuditBy } from "@/lib/audit/record";
import { sendEmail, type SendResult } from "@/lib/email/send";
import { invitationMessage } from "@/lib/email/messages";
import { appOrigin } from "@/lib/email/origin";
import { UserError } from "@/lib/errors";
import { generateToken, hashToken } from "@/lib/sharing/token";
import { isUuid } from "@/lib/ids";

export const invitationValidityMs = 7 * 24 * 60 * 60 * 1000;
export type Role = "admin" | "clinician";


export type TeamMember = { id: string; name: string; email: string; role: Role; active: boolean; lastSignInAt: Date | null; createdAt: Date; twoFactor: boolean };
export type PendingInvitation = { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date; invitedByName: string | null };

export async function listTeam(actor: Actor): Promise<{ members: TeamMember[]; invitations: PendingInvitation[] } | null> {
  if (!isAdmin(actor)) return null;
  const members = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
      twoFactor: sql<boolean>`${users.totpEnabledAt} is not null`,
    })
    .from(users)
    .where(eq(users.clinicId, actor.clinicId))
    .orderBy(desc(users.active), users.name);
  const pending = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt, invitedByName: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.clinicId, actor.clinicId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt));
  return { members, invitations: pending };
}

/**
 * Invites a colleague by email: a single-use link valid 7 days, of which only the SHA-256 is kept.
 * A newer invitation to the same address replaces an older one. Null for a clinician.
 */
export async function inviteUser(actor: Actor, input: { email: string; role: Role }): Promise<{ email: string; delivery: SendResult } | null> {
  if (!isAdmin(actor)) return null;
  const email = normaliseEmail(input.email);
  const token = generateToken();
  const now = new Date();
  const clinic = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ clinicId: users.clinicId }).from(users).where(eq(users.email, email));
    if (existing) {
      throw new UserError(
        existing.clinicId === actor.clinicId ? "This colleague already has an account in your clinic." : "This email already has a Physioplan account.",
        { email: ["This email already has an account."] },
      );
    }
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.clinicId, actor.clinicId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [row] = await tx
      .insert(invitations)
      .values({ clinicId: actor.clinicId, email, role: input.role, tokenHash: hashToken(token), invitedBy: actor.userId, expiresAt: new Date(now.getTime() + invitationValidityMs) })
      .returning({ id: invitations.id });
    await recordAuditBy(tx, actor, { action: "user.invited", entityType: "invitation", entityId: row.id, detail: { email, role: input.role } });
    const [c] = await tx.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, actor.clinicId));
    return c;
  });
  const message = invitationMessage({ clinicName: clinic.name, inviterName: actor.name, url: `${appOrigin()}/invite/${token}`, role: input.role });
  const delivery = await sendEmail({ clinicId: actor.clinicId, kind: "invitation", to: email, createdBy: actor.userId, ...message });
  return { email, delivery };
}

export async function revokeInvitation(actor: Actor, { invitationId }: { invitationId: string }): Promise<boolean | null> {
  if (!isAdmin(actor) || !isUuid(invitationId)) return null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.clinicId, actor.clinicId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) return false;
    await recordAuditBy(tx, actor, { action: "invitation.revoked", entityType: "invitation", entityId: row.id, detail: { email: row.email } });
    return true;
  });
}

/** The clinic's other active admins, counted under a lock on the clinic's row. */
async function lockClinicAndCountOtherAdmins(tx: Executor, clinicId: string, userId: string): Promise<number> {
  await tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.id, clinicId)).for("update");
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.role, "admin"), eq(users.active, true), ne(users.id, userId)));
  return row?.n ?? 0;
}

async function memberOf(tx: Executor, actor: Actor, userId: string) {
  if (!isUuid(userId)) return null;
  const [member] = await tx
    .select({ id: users.id, role: users.role, active: users.active, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.clinicId, actor.clinicId)))
    .for("update");
  return member ?? null;
}

/**
 * Deactivates or reactivates a colleague. A deactivated user's sessions end at their next request
 * (loadActor refuses an inactive user; the session version is bumped as well). The last active admin
 * cannot be deactivated, and nobody deactivates themselves. Null when not the actor's clinic's.
 */
export async function setUserActive(actor: Actor, { userId, active }: { userId: string; active: boolean }): Promise<{ changed: boolean } | null> {
  if (!isAdmin(actor)) return null;
  if (!active && userId === actor.userId) throw new UserError("You cannot deactivate your own account. Ask another admin.");
  return db.transaction(async (tx) => {
    const otherAdmins = await lockClinicAndCountOtherAdmins(tx, actor.clinicId, userId);
    const member = await memberOf(tx, actor, userId);
    if (!member) return null;
    if (member.active === active) return { changed: false };
    if (!active && member.role === "admin" && otherAdmins === 0) {
      throw new UserError("This is the clinic's last active admin. Make another colleague an admin first.");
    }
    await tx
      .update(users)
      .set(active ? { active } : { active, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, member.id));
    await recordAuditBy(tx, actor, {
      action: active ? "user.reactivated" : "user.deactivated",
      entityType: "user",
      entityId: member.id,
      detail: { email: member.email },
    });
    return { changed: true };
  });
}

/** Changes a colleague's role. The last active admin cannot be made a clinician. */
export async function setUserRole(actor: Actor, { userId, role }: { userId: string; role: Role }): Promise<{ changed: boolean } | null> {
  if (!isAdmin(actor)) return null;
  return db.transaction(async (tx) => {
    const otherAdmins = await lockClinicAndCountOtherAdmins(tx, actor.clinicId, userId);
    const member = await memberOf(tx, actor, userId);
    if (!member) return null;
    if (member.role === role) return { changed: false };
    if (role !== "admin" && member.role === "admin" && member.active && otherAdmins === 0) {
      throw new UserError("This is the clinic's last active admin. Make another colleague an admin first.");
    }
    await tx.update(users).set({ role }).where(eq(users.id, member.id));
    await recordAuditBy(tx, actor, {
      action: "user.role-changed",
      entityType: "user",
      entityId: member.id,
      detail: { email: member.email, from: member.role, to: role },
    });
    return { changed: true };
  });
}
