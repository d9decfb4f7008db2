// The outbox admins read at /settings/outbox: every email of the clinic, newest first; the body of
// those that waited for an admin (no SMTP_URL) opened from its sealed form.
import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { outboundEmails } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/admin";
import { env } from "@/lib/env";
import { openBody, type EmailBody } from "./seal";

export type OutboxEntry = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  state: "outbox" | "sent" | "failed";
  error: string | null;
  createdAt: Date;
  body: EmailBody | null;
};

export async function listOutbox(actor: Actor, { limit = 100 }: { limit?: number } = {}): Promise<OutboxEntry[] | null> {
  if (!isAdmin(actor)) return null;
  const rows = await db.select().from(outboundEmails).where(eq(outboundEmails.clinicId, actor.clinicId)).orderBy(desc(outboundEmails.createdAt)).limit(limit);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    to: row.toAddress,
    subject: row.subject,
    state: row.state,
    error: row.error,
    createdAt: row.createdAt,
    body: openBody(row.bodyCiphertext, row.id, env().NEXTAUTH_SECRET),
  }));
}

/** Whether email leaves over SMTP or waits in the outbox. */
export function emailMode(): "smtp" | "outbox" {
  return env().SMTP_URL ? "smtp" : "outbox";
}
