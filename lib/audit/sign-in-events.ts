// Sign-in events for the clinic's activity log. An event is recorded only for an email that belongs
// to an account (an unknown email has no clinic to log it in); the client address goes in the detail.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { normaliseEmail } from "@/lib/auth/email";
import { recordAudit } from "./record";

export async function recordSignInEvent(
  action: "sign-in.succeeded" | "sign-in.failed" | "sign-in.locked" | "two-factor.failed" | "two-factor.recovery-code-used",
  email: string,
  ip: string,
  extra?: Record<string, unknown>,
): Promise<void> {
  const [user] = await db.select({ id: users.id, clinicId: users.clinicId }).from(users).where(eq(users.email, normaliseEmail(email)));
  if (!user) return;
  await recordAudit(db, { clinicId: user.clinicId, actorId: user.id, action, entityType: "user", entityId: user.id, detail: { ip, ...extra } });
}
