// A patient logging today's session from their link, and reading back their last two weeks.
// Both take a link already resolved from its token: the token is the patient's only credential.
import "server-only";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { db as defaultDb, preparedQuery, type Executor } from "@/db/client";
import { plans, sessionLogs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { listField } from "@/lib/auth/action";
import { UserError } from "@/lib/errors";
import { acquire, release, sessionLogLimit } from "@/lib/rate-limit";
import type { ResolvedShareLink } from "@/lib/sharing/links";
import { clinicDate } from "@/lib/dates/format";
import { isKneePlan } from "./knee";
import { outerColumn, recentSessionsColumn, recentSinceIn, type PatientSession } from "./recent-sessions";
import { idSchema } from "@/lib/ids";

export const commentMaxLength = 500;

export const nextDayChanges = ["better", "same", "worse"] as const;
export type NextDayChange = (typeof nextDayChanges)[number];

const painMessage = "Choose how much pain you had, from 0 to 10";
const exercisePainMessage = "Choose how much pain you had during the exercises, from 0 to 10";
/** An optional radio group: not answered is absent (or empty), anything else must be one of the choices. */
const optionalChoice = (message: string) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.enum(nextDayChanges, { error: message }).optional());

export const sessionLogInputSchema = z.object({
  clientKey: idSchema("This form has expired. Reload the page and try again."),
  /** Positions of the exercises ticked as done. */
  done: listField(z.coerce.number().int().min(0).max(1000)),
  pain: z.coerce.number({ error: painMessage }).int(painMessage).min(0, painMessage).max(10, painMessage),
  /** Pain during the exercises (optional: a day without exercise has none to report). */
  exercisePain: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number({ error: exercisePainMessage }).int(exercisePainMessage).min(0, exercisePainMessage).max(10, exercisePainMessage).optional(),
  ),
  /** The morning after the previous session: pain and stiffness, and for a knee plan swelling, against before it. */
  nextDay: optionalChoice("Choose better, the same or worse"),
  swelling: optionalChoice("Choose less swollen, no change or more swollen"),
  comment: z
    .string()
    .trim()
    .max(commentMaxLength, `Keep your comment to ${commentMaxLength} characters or fewer`)
    .optional()
    .transform((value) => value || null),
});
export type SessionLogInput = z.infer<typeof sessionLogInputSchema>;

export type LogSessionResult = { status: "logged" | "duplicate" | "rate-limited" | "ended" };

function limitKey(link: ResolvedShareLink): string {
  return `link:${link.linkId}`;
}

/**
 * Stores one session. The form's client key makes a double submit (two clicks, a resubmitted
 * page) store one row; each link may log `sessionLogLimit` sessions an hour. A plan that has ended
 * takes no more sessions.
 */
export async function logSession(link: ResolvedShareLink, input: SessionLogInput, executor: Executor = defaultDb): Promise<LogSessionResult> {
  if (link.ended) return { status: "ended" };
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

  return executor.transaction(async (tx) => {
    // The patient's day where their clinic is (20:00 in New York is still today there, though London
    // has reached tomorrow), of the moment the row records as its `createdAt`.
    const now = new Date();
    const today = clinicDate(now, link.timeZone);
    // The next-day answers are about the newest session before today (the one the form asked about);
    // with none, there is nothing for them to be about and they are not kept.
    const asked = input.nextDay !== undefined || input.swelling !== undefined;
    const [previous] = asked
      ? await tx
          .select({ loggedOn: sessionLogs.loggedOn })
          .from(sessionLogs)
          .where(and(eq(sessionLogs.planId, link.planId), eq(sessionLogs.clinicId, link.clinicId), lt(sessionLogs.loggedOn, today)))
          .orderBy(desc(sessionLogs.loggedOn))
          .limit(1)
      : [];
    const knee = isKneePlan(link.snapshot);
    // Check and count in one step, under a lock held until this transaction ends (lib/rate-limit.ts).
    const slot = await acquire([{ rule: sessionLogLimit, key: limitKey(link) }], tx);
    if (!slot.ok) return { status: "rate-limited" } as const;
    const [row] = await tx
      .insert(sessionLogs)
      .values({
        clinicId: link.clinicId,
        planId: link.planId,
        version: link.version,
        loggedOn: today,
        createdAt: now,
        itemsDone: ticked.sort((a, b) => a - b).map((position) => byPosition.get(position)!.exerciseId),
        pain: input.pain,
        exercisePain: input.exercisePain ?? null,
        nextDay: previous ? (input.nextDay ?? null) : null,
        swelling: previous && knee ? (input.swelling ?? null) : null,
        nextDayOf: previous && (input.nextDay || (knee && input.swelling)) ? previous.loggedOn : null,
        comment: input.comment,
        clientKey: input.clientKey,
      })
      .onConflictDoNothing()
      .returning({ id: sessionLogs.id });
    if (!row) {
      await release(slot.eventIds, tx);
      return { status: "duplicate" } as const;
    }
    await recordAudit(tx, {
      clinicId: link.clinicId,
      actorId: null,
      action: "session.logged",
      entityType: "session_log",
      entityId: row.id,
      detail: { planId: link.planId, version: link.version, pain: input.pain, exercisePain: input.exercisePain ?? null },
    });
    return { status: "logged" } as const;
  });
}

const recentSessions = () =>
  preparedQuery("recent_sessions_for_link", (db) =>
    db
      .select({ sessions: recentSessionsColumn(outerColumn("plans", "id"), outerColumn("plans", "clinic_id"), recentSinceIn(sql.placeholder("timeZone"))) })
      .from(plans)
      .where(and(eq(plans.id, sql.placeholder("planId")), eq(plans.clinicId, sql.placeholder("clinicId"))))
      .prepare("recent_sessions_for_link"),
  );

/**
 * The link's sessions of the last 14 days (today included), newest first. The patient page reads
 * them with the link itself (`resolveShareTokenForPage`); this is for the page shown again after a refused submit.
 */
export async function recentSessionsForLink(link: ResolvedShareLink): Promise<PatientSession[]> {
  const [row] = await recentSessions().execute({ planId: link.planId, clinicId: link.clinicId, timeZone: link.timeZone });
  return row?.sessions ?? [];
}
