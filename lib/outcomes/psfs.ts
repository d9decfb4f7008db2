// The Patient-Specific Functional Scale of a plan: its named activities, each occasion's scores,
// and the clinician's request that the patient score them on their link. Every function takes the
// signed-in actor (the plan must be the actor's clinic's, else null) or a link resolved from its
// token (the patient's only credential). Writes lock the plan row and are audited in the same
// transaction.
import "server-only";
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { db as defaultDb, type Executor, type Transaction } from "@/db/client";
import { clinics, outcomeMeasures, outcomeRequests, outcomeScores, plans, psfsActivities, sessionLogs, users, type Plan } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { dateInZone } from "@/lib/dates/format";
import { UserError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { planEnding } from "@/lib/plans/ending";
import type { ResolvedShareLink } from "@/lib/sharing/links";
import { parsePsfsForm, type NamedActivity, type PsfsEntry } from "./psfs-form";
import { clinicDayOfLog, oneDecimal, weeklyPainAverages, type PainWeek, type PsfsOccasion } from "./summary";

type FormValues = Record<string, string | string[]>;

export type PsfsOccasionView = PsfsOccasion & { recordedByName: string | null };
export type PsfsRequestView = { requestedAt: Date; byName: string | null };

export type PlanOutcomes = {
  timeZone: string;
  /** Today in the clinic's calendar (its time zone). */
  today: string;
  activities: NamedActivity[];
  occasions: PsfsOccasionView[];
  /** The open "score your activities" request, or null. */
  request: PsfsRequestView | null;
  /** The plan can take a request: issued and running. */
  canRequest: boolean;
  painWeeks: PainWeek[];
};

async function planOf(executor: Executor, actor: Actor, planId: string, lock = false): Promise<(Plan & { timeZone: string }) | null> {
  if (!isUuid(planId)) return null;
  const query = executor
    .select({ plan: plans, timeZone: clinics.timeZone })
    .from(plans)
    .innerJoin(clinics, eq(clinics.id, plans.clinicId))
    .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)));
  const [row] = lock ? await query.for("update", { of: plans }) : await query;
  return row ? { ...row.plan, timeZone: row.timeZone } : null;
}

async function activitiesOf(executor: Executor, clinicId: string, planId: string): Promise<NamedActivity[]> {
  return executor
    .select({ id: psfsActivities.id, position: psfsActivities.position, name: psfsActivities.name })
    .from(psfsActivities)
    .where(and(eq(psfsActivities.planId, planId), eq(psfsActivities.clinicId, clinicId)))
    .orderBy(asc(psfsActivities.position));
}

/** Everything the plan page shows of outcomes. Null when the plan is not the actor's clinic's. */
export async function getPlanOutcomes(actor: Actor, { planId }: { planId: string }, executor: Executor = defaultDb): Promise<PlanOutcomes | null> {
  const plan = await planOf(executor, actor, planId);
  if (!plan) return null;
  const [activities, measures, scores, [request], painRows] = await Promise.all([
    activitiesOf(executor, actor.clinicId, plan.id),
    executor
      .select({ id: outcomeMeasures.id, recordedOn: outcomeMeasures.recordedOn, source: outcomeMeasures.source, recordedByName: users.name })
      .from(outcomeMeasures)
      .leftJoin(users, eq(users.id, outcomeMeasures.recordedBy))
      .where(and(eq(outcomeMeasures.planId, plan.id), eq(outcomeMeasures.clinicId, actor.clinicId), eq(outcomeMeasures.kind, "psfs")))
      .orderBy(asc(outcomeMeasures.recordedOn), asc(outcomeMeasures.createdAt)),
    executor
      .select({ measureId: outcomeScores.measureId, activityId: outcomeScores.activityId, score: outcomeScores.score })
      .from(outcomeScores)
      .innerJoin(outcomeMeasures, eq(outcomeMeasures.id, outcomeScores.measureId))
      .where(and(eq(outcomeScores.clinicId, actor.clinicId), eq(outcomeMeasures.planId, plan.id), eq(outcomeMeasures.clinicId, actor.clinicId))),
    executor
      .select({ requestedAt: outcomeRequests.requestedAt, byName: users.name })
      .from(outcomeRequests)
      .leftJoin(users, eq(users.id, outcomeRequests.requestedBy))
      .where(and(eq(outcomeRequests.planId, plan.id), eq(outcomeRequests.clinicId, actor.clinicId), eq(outcomeRequests.kind, "psfs"), isNull(outcomeRequests.closedAt))),
    executor
      .select({ loggedOn: sessionLogs.loggedOn, createdAt: sessionLogs.createdAt, pain: sessionLogs.pain })
      .from(sessionLogs)
      .where(and(eq(sessionLogs.planId, plan.id), eq(sessionLogs.clinicId, actor.clinicId))),
  ]);
  const byMeasure = new Map<string, Record<string, number>>();
  for (const score of scores) {
    const record = byMeasure.get(score.measureId) ?? {};
    record[score.activityId] = score.score;
    byMeasure.set(score.measureId, record);
  }
  const today = dateInZone(new Date(), plan.timeZone);
  const pains = painRows.map((row) => ({ loggedOn: clinicDayOfLog(row, plan.timeZone), pain: row.pain }));
  const from = plan.startDate ?? pains.map((row) => row.loggedOn).sort()[0] ?? today;
  return {
    timeZone: plan.timeZone,
    today,
    activities,
    occasions: measures.map((measure) => ({ ...measure, scores: byMeasure.get(measure.id) ?? {} })),
    request: request ?? null,
    canRequest: plan.status === "issued" && planEnding(plan, today) === null,
    painWeeks: weeklyPainAverages(pains, { from: from < today ? from : today, today }),
  };
}

/** Names the new activities and stores one occasion's scores; returns the occasion's id and average. */
async function storeScores(
  tx: Transaction,
  { clinicId, planId, recordedOn, source, recordedBy, clientKey, entries }: {
    clinicId: string;
    planId: string;
    recordedOn: string;
    source: "clinician" | "patient";
    recordedBy: string | null;
    clientKey: string | null;
    entries: PsfsEntry[];
  },
): Promise<{ id: string; average: number } | null> {
  const [measure] = await tx
    .insert(outcomeMeasures)
    .values({ clinicId, planId, kind: "psfs", recordedOn, source, recordedBy, clientKey })
    .onConflictDoNothing()
    .returning({ id: outcomeMeasures.id });
  if (!measure) return null;
  const named = entries.filter((entry) => entry.name !== undefined);
  const created = named.length
    ? await tx
        .insert(psfsActivities)
        .values(named.map((entry) => ({ clinicId, planId, position: entry.position, name: entry.name! })))
        .returning({ id: psfsActivities.id, position: psfsActivities.position })
    : [];
  const idAt = new Map(created.map((row) => [row.position, row.id]));
  await tx.insert(outcomeScores).values(entries.map((entry) => ({ measureId: measure.id, clinicId, activityId: entry.activityId ?? idAt.get(entry.position)!, score: entry.score })));
  const average = oneDecimal(entries.reduce((sum, entry) => sum + entry.score, 0) / entries.length);
  await recordAudit(tx, {
    clinicId,
    actorId: recordedBy,
    action: "outcome.recorded",
    entityType: "outcome_measure",
    entityId: measure.id,
    detail: { planId, kind: "psfs", source, recordedOn, activities: entries.length, named: named.length, average },
  });
  return { id: measure.id, average };
}

function invalid(fieldErrors: Record<string, string[]>): never {
  throw new UserError("Please correct the highlighted scores.", fieldErrors);
}

/**
 * A clinician records the PSFS (the baseline, or a review): every named activity scored, up to
 * five in all, new ones named here. `recordedOn` defaults to today in the clinic's calendar and
 * may not be in the future. An ended plan still takes the clinician's scores (the discharge
 * score); an archived one does not. Null when the plan is not the actor's clinic's.
 */
export async function recordClinicianPsfs(
  actor: Actor,
  { planId, recordedOn, values }: { planId: string; recordedOn: string | null; values: FormValues },
): Promise<{ id: string; average: number } | null> {
  return defaultDb.transaction(async (tx) => {
    const plan = await planOf(tx, actor, planId, true);
    if (!plan) return null;
    if (plan.status === "archived") throw new UserError("This plan is archived. Restore it before recording scores.");
    const today = dateInZone(new Date(), plan.timeZone);
    const day = recordedOn ?? today;
    if (day > today) throw new UserError("The date cannot be in the future.", { recordedOn: ["Choose today or an earlier date"] });
    if (day < "2000-01-01") throw new UserError("That date is too far back.", { recordedOn: ["Choose the day the scores were given"] });
    const parsed = parsePsfsForm(values, await activitiesOf(tx, actor.clinicId, plan.id));
    if (!parsed.ok) invalid(parsed.fieldErrors);
    return storeScores(tx, { clinicId: actor.clinicId, planId: plan.id, recordedOn: day, source: "clinician", recordedBy: actor.userId, clientKey: null, entries: parsed.entries });
  });
}

/**
 * Turns the "score your activities" request on (the patient's link then shows the form until they
 * answer) or off. Turning it on needs an issued plan that has not ended. Returns false when there
 * was nothing to change, null when the plan is not the actor's clinic's.
 */
export async function setPsfsRequest(actor: Actor, { planId, open }: { planId: string; open: boolean }): Promise<boolean | null> {
  return defaultDb.transaction(async (tx) => {
    const plan = await planOf(tx, actor, planId, true);
    if (!plan) return null;
    const scope = and(eq(outcomeRequests.planId, plan.id), eq(outcomeRequests.clinicId, actor.clinicId), eq(outcomeRequests.kind, "psfs"), isNull(outcomeRequests.closedAt));
    if (!open) {
      const closed = await tx.update(outcomeRequests).set({ closedAt: new Date() }).where(scope).returning({ id: outcomeRequests.id });
      if (closed.length === 0) return false;
      await recordAudit(tx, { clinicId: actor.clinicId, actorId: actor.userId, action: "outcome.request-closed", entityType: "plan", entityId: plan.id, detail: { planId: plan.id, kind: "psfs", by: "clinician" } });
      return true;
    }
    if (plan.status !== "issued" || planEnding(plan, dateInZone(new Date(), plan.timeZone))) {
      throw new UserError(plan.status === "draft" ? "Issue the plan first: the patient scores on their link." : "This plan has ended or is archived: its link takes no more answers.");
    }
    const [created] = await tx
      .insert(outcomeRequests)
      .values({ clinicId: actor.clinicId, planId: plan.id, kind: "psfs", requestedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: outcomeRequests.id });
    if (!created) return false;
    await recordAudit(tx, { clinicId: actor.clinicId, actorId: actor.userId, action: "outcome.requested", entityType: "plan", entityId: plan.id, detail: { planId: plan.id, kind: "psfs" } });
    return true;
  });
}

// ---------------------------------------------------------------- the patient's side

/** What the patient page needs of an open request: the activities already named (none at the first score). */
export type PatientPsfsRequest = { activities: NamedActivity[] };

/**
 * The plan's open PSFS request as a JSON column (null when there is none), for the query that
 * resolves the patient's link: `planId` and `clinicId` are columns of the outer query.
 */
export function psfsRequestColumn(planId: SQL, clinicId: SQL): SQL<PatientPsfsRequest | null> {
  return sql<PatientPsfsRequest | null>`(
    select json_build_object('activities', coalesce((
      select json_agg(json_build_object('id', a.id, 'position', a.position, 'name', a.name) order by a.position)
      from psfs_activities a where a.plan_id = r.plan_id and a.clinic_id = r.clinic_id
    ), '[]'::json))
    from outcome_requests r
    where r.plan_id = ${planId} and r.clinic_id = ${clinicId} and r.kind = 'psfs' and r.closed_at is null
  )`;
}

/** The link's open request, read on its own (the page shown again after a refused post). */
export async function psfsRequestForLink(link: ResolvedShareLink, executor: Executor = defaultDb): Promise<PatientPsfsRequest | null> {
  const [row] = await executor
    .select({ request: psfsRequestColumn(sql`${plans.id}`, sql`${plans.clinicId}`) })
    .from(plans)
    .where(and(eq(plans.id, link.planId), eq(plans.clinicId, link.clinicId)));
  return row?.request ?? null;
}

export type PatientPsfsResult =
  | { status: "saved" | "duplicate" | "ended" | "not-requested" }
  | { status: "invalid"; fieldErrors: Record<string, string[]>; activities: NamedActivity[] };

/**
 * The patient's answer to an open request: scored against the activities named so far (or naming
 * them, at the first score), stored as one occasion in the clinic's calendar, and the request
 * closed, in one transaction. The form's key makes a double submit store one occasion. An ended
 * plan takes no answer; nor does a plan with no open request (the clinician turned it off, or it
 * was answered already).
 */
export async function recordPatientPsfs(link: ResolvedShareLink, { clientKey, values }: { clientKey: string; values: FormValues }): Promise<PatientPsfsResult> {
  if (link.ended) return { status: "ended" };
  return defaultDb.transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: plans.id, status: plans.status, endDate: plans.endDate, reviewDate: plans.reviewDate, timeZone: clinics.timeZone })
      .from(plans)
      .innerJoin(clinics, eq(clinics.id, plans.clinicId))
      .where(and(eq(plans.id, link.planId), eq(plans.clinicId, link.clinicId)))
      .for("update", { of: plans });
    if (!plan) return { status: "ended" } as const;
    const today = dateInZone(new Date(), plan.timeZone);
    if (planEnding(plan, today) || plan.status !== "issued") return { status: "ended" } as const;
    const [seen] = await tx
      .select({ id: outcomeMeasures.id })
      .from(outcomeMeasures)
      .where(and(eq(outcomeMeasures.planId, plan.id), eq(outcomeMeasures.clinicId, link.clinicId), eq(outcomeMeasures.clientKey, clientKey)));
    if (seen) return { status: "duplicate" } as const;
    const open = and(eq(outcomeRequests.planId, plan.id), eq(outcomeRequests.clinicId, link.clinicId), eq(outcomeRequests.kind, "psfs"), isNull(outcomeRequests.closedAt));
    const [request] = await tx.select({ id: outcomeRequests.id }).from(outcomeRequests).where(open);
    if (!request) return { status: "not-requested" } as const;
    const activities = await activitiesOf(tx, link.clinicId, plan.id);
    const parsed = parsePsfsForm(values, activities, { allowNew: activities.length === 0 });
    if (!parsed.ok) return { status: "invalid", fieldErrors: parsed.fieldErrors, activities } as const;
    const stored = await storeScores(tx, { clinicId: link.clinicId, planId: plan.id, recordedOn: today, source: "patient", recordedBy: null, clientKey, entries: parsed.entries });
    if (!stored) return { status: "duplicate" } as const;
    await tx.update(outcomeRequests).set({ closedAt: new Date() }).where(eq(outcomeRequests.id, request.id));
    await recordAudit(tx, { clinicId: link.clinicId, actorId: null, action: "outcome.request-closed", entityType: "plan", entityId: plan.id, detail: { planId: plan.id, kind: "psfs", by: "patient" } });
    return { status: "saved" } as const;
  });
}
