// A patient logging today's session from their link, and reading back their last two weeks.
// Both take a link already resolved from its token: the token is the patient's only credential.
import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { db as defaultDb, preparedQuery, type Executor } from "@/db/client";
import { sessionLogs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { listField } from "@/lib/auth/action";
import { UserError } from "@/lib/errors";
import { isLimited, recordEvent, sessionLogLimit } from "@/lib/rate-limit";
import type { ResolvedShareLink } from "@/lib/sharing/links";
import { addDays, clinicDate } from "./dates";

export const commentMaxLength = 500;

export const sessionLogInputSchema = z.object({
  clientKey: z.uuid({ error: "This form has expired. Reload the page and try again." }),
  /** Positions of the exercises ticked as done. */
  done: listField(z.coerce.number().int().min(0).max(1000)),
  pain: z.coerce
    .number({ error: "Choose how much pain you had, from 0 to 10" })
    .int("Choose how much pain you had, from 0 to 10")
    .min(0, "Choose how much pain you had, from 0 to 10")
    .max(10, "Choose how much pain you had, from 0 to 10"),
  comment: z
    .string()
    .trim()
    .max(commentMaxLength, `Keep your comment to ${commentMaxLength} characters or fewer`)
    .optional()
    .transform((value) => value || null),
});
export type SessionLogInput = z.infer<typeof sessionLogInputSchema>;

export type LogSessionResult = { status: "logged" | "duplicate" | "rate-limited" };

function limitKey(link: ResolvedShareLink): string {
  return `link:${link.linkId}`;
}

/**
 * Stores one session. The form's client key makes a double submit (two clicks, a resubmitted
 * page) store one row; each link may log `sessionLogLimit` sessions an hour.
 */
export async function logSession(link: ResolvedShareLink, input: SessionLogInput, executor: Executor = defaultDb): Promise<LogSessionResult> {
  const byPosition = new Map(link.snapshot.items.map((item) => [item.position, item]));
  const ticked = [...new Set(input.done)];
  if (ticked.some((position) => !byPosition.has(position))) {
    throw new UserError("That exercise is not in your plan any more. Reload the page and try again.");
  }

  const [seen] = await executor
    .select({ id: sessionLogs.id })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.planId, link.planId), eq(sessionLogs.clientKey, input.clientKey)));
  if (seen) return { status: "duplicate" };
  if (await isLimited(sessionLogLimit, limitKey(link), executor)) return { status: "rate-limited" };

  return executor.transaction(async (tx) => {
    const [row] = await tx
      .insert(sessionLogs)
      .values({
        clinicId: link.clinicId,
        planId: link.planId,
        version: link.version,
        loggedOn: clinicDate(),
        itemsDone: ticked.sort((a, b) => a - b).map((position) => byPosition.get(position)!.exerciseId),
        pain: input.pain,
        comment: input.comment,
        clientKey: input.clientKey,
      })
      .onConflictDoNothing()
      .returning({ id: sessionLogs.id });
    if (!row) return { status: "duplicate" } as const;
    await recordEvent(sessionLogLimit, limitKey(link), tx);
    await recordAudit(tx, {
      clinicId: link.clinicId,
      actorId: null,
      action: "session.logged",
      entityType: "session_log",
      entityId: row.id,
      detail: { planId: link.planId, version: link.version, pain: input.pain },
    });
    return { status: "logged" } as const;
  });
}

export type PatientSession = { id: string; loggedOn: string; exercisesDone: number; pain: number; comment: string | null };

const recentSessions = () =>
  preparedQuery("recent_sessions_for_link", (db) =>
    db
      .select({ id: sessionLogs.id, loggedOn: sessionLogs.loggedOn, itemsDone: sessionLogs.itemsDone, pain: sessionLogs.pain, comment: sessionLogs.comment })
      .from(sessionLogs)
      .where(
        and(
          eq(sessionLogs.planId, sql.placeholder("planId")),
          eq(sessionLogs.clinicId, sql.placeholder("clinicId")),
          gte(sessionLogs.loggedOn, sql.placeholder("since")),
        ),
      )
      .orderBy(desc(sessionLogs.loggedOn), desc(sessionLogs.createdAt))
      .limit(100)
      .prepare("recent_sessions_for_link"),
  );

/** The link's sessions of the last 14 days (today included), newest first. Read on every visit of the patient page. */
export async function recentSessionsForLink(link: ResolvedShareLink): Promise<PatientSession[]> {
  const rows = await recentSessions().execute({ planId: link.planId, clinicId: link.clinicId, since: addDays(clinicDate(), -13) });
  return rows.map((row) => ({
    id: row.id,
    loggedOn: row.loggedOn,
    exercisesDone: Array.isArray(row.itemsDone) ? row.itemsDone.length : 0,
    pain: row.pain,
    comment: row.comment,
  }));
}
