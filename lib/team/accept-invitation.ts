// The invited colleague's side: look an invitation up by its token (only the hash is stored) and
// accept it once, choosing a name and a password.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clinics, invitations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordProblem } from "@/lib/auth/passwords";
import { UserError } from "@/lib/errors";
import { hashToken, isWellFormedToken } from "@/lib/sharing/token";

export type InvitationView = { email: string; role: "admin" | "clinician"; clinicName: string };

function usable(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return row.acceptedAt === null && row.revokedAt === null && row.expiresAt > now;
}

/** The invitation a token opens, or null when it is unknown, used, revoked or expired (one answer for all). */
export async function findInvitation(token: string, now = new Date()): Promise<InvitationView | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db
    .select({ email: invitations.email, role: invitations.role, clinicName: clinics.name, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .innerJoin(clinics, eq(clinics.id, invitations.clinicId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row || !usable(row, now)) return null;
  return { email: row.email, role: row.role, clinicName: row.clinicName };
}

/** Creates the colleague's account and spends the invitation, in one transaction. Null when the link is not usable. */
export async function acceptInvitation(input: { token: string; name: string; password: string }, now = new Date()): Promise<{ email: string } | null> {
  if (!isWellFormedToken(input.token)) return null;
  const name = input.name.trim();
  if (!name) throw new UserError("Enter your name.", { name: ["Enter your name."] });
  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(input.token))).for("update");
    if (!invitation || !usable(invitation, now)) return null;
    const problem = newPasswordProblem(input.password, { email: invitation.email, name });
    if (problem) throw new UserError("Please choose another password.", { password: [problem] });
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    if (taken) throw new UserError("This email already has a Physioplan account. Sign in instead.");
    const [user] = await tx
      .insert(users)
      .values({ clinicId: invitation.clinicId, email: invitation.email, name, role: invitation.role, passwordHash: await hashPassword(input.password) })
      .returning({ id: users.id, email: users.email });
    await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: user.id })
      .where(and(eq(invitations.id, invitation.id)));
    await recordAudit(tx, { clinicId: invitation.clinicId, actorId: user.id, action: "user.joined", entityType: "user", entityId: user.id, detail: { email: user.email, role: invitation.role } });
    return { email: user.email };
  });
}
