// What the clinician sees of adherence: per plan (sessions per week, pain trend, comments, alerts)
// and per clinic (the patients who need attention, this week's activity). Scoped by the actor's clinic.
import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { db as defaultDb, type Executor } from "@/db/client";
import { plans, sessionLogs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import type { SnapshotItem } from "@/lib/plans/snapshot";
import { alertsOf, exercisePainAbove, nextDayAnswersCounted, nextDayWindowDays, painWindowDays, type AdherenceAlert, type NextDayAnswer } from "./alerts";
import { runningByDate } from "@/lib/plans/ending";
import { addDays, clinicDate, mondayOf } from "@/lib/dates/format";

/**
 * The days a week the plan asks for. A session is a day of exercise, and the patient exercises
 * on as many days as the most frequent exercise asks (a 7-day stretch and a 3-day strength
 * exercise make 7 days, not 5). Null when no exercise states its days.
 */
export function targetDaysPerWeek(items: Pick<SnapshotItem, "dose">[]): number | null {
  const days = items.map((item) => item.dose.daysPerWeek).filter((d): d is number => d !== undefined);
  return days.length > 0 ? Math.max(...days) : null;
}

type AttentionRow = {
  planId: string;
  planTitle: string;
  patientId: string;
  patientName: string;
  painAlertAt: number;
  issuedAt: Date;
  lastLoggedAt: Date | null;
  recentPain: number | null;
  recentPainOn: string | null;
  /** When the session with `recentPain` was logged. */
  recentPainAt: Date | null;
  exercisePain: number | null;
  exercisePainOn: string | null;
  exercisePainAt: Date | null;
  nextDayAnswers: NextDayAnswer[];
  /** When the newest "worse" next-day answer was logged. */
  nextDayWorseAt: Date | null;
  swellingAfter: string | null;
  swellingAt: Date | null;
  hasLiveLink: boolean;
  silenceAcknowledgedAt: Date | null;
};

/** Today where the actor's clinic is: what "running", "this week" and "the last 28 days" count from. */
function actorToday(actor: Actor): string {
  return clinicDate(new Date(), actor.timeZone);
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

/**
 * Every running plan of the clinic (or one plan) with what its alerts are computed from. Running:
 * issued, not completed or discharged, and not past its last day (lib/plans/ending.ts), so an
 * ended plan raises nothing. Pain counts from the last `painWindowDays` days, at or above the plan's
 * alert level, and only pain logged after the pain alert was last acknowledged: an acknowledged
 * alert stays quiet until a new log. The pain-monitoring alerts read the same way, each after its
 * own acknowledgement: pain during exercise above 5 and knee swelling from the last
 * `painWindowDays` days, the last three next-day answers from the last `nextDayWindowDays`. Their
 * conditions are written as literals so the partial indexes on session_logs serve them: a plan with
 * no such log costs one probe of a small index.
 */
async function attentionRows(executor: Executor, actor: Actor, planId?: string): Promise<AttentionRow[]> {
  const rows = await executor.execute<Record<string, unknown>>(sql`
    select p.id as plan_id, p.title as plan_title, pt.id as patient_id, pt.full_name as patient_name,
      p.pain_alert_at, v.issued_at,
      (select max(s.created_at) from session_logs s where s.plan_id = p.id and s.clinic_id = p.clinic_id) as last_logged_at,
      pain.pain as recent_pain, pain.logged_on::text as recent_pain_on, pain.created_at as recent_pain_at,
      exists (select 1 from share_links l where l.plan_id = p.id and l.clinic_id = p.clinic_id and l.revoked_at is null) as has_live_link,
      silence_ack.acknowledged_at as silence_acknowledged_at,
      ex.exercise_pain, ex.logged_on::text as exercise_pain_on, ex.created_at as exercise_pain_at,
      sw.next_day_of::text as swelling_after, sw.created_at as swelling_at,
      (select json_agg(json_build_object('change', nd.next_day, 'about', nd.next_day_of, 'at', nd.created_at) order by nd.created_at desc)
        from (select s.next_day, s.next_day_of, s.created_at from session_logs s
          where s.plan_id = p.id and s.clinic_id = p.clinic_id and s.created_at > now() - make_interval(days => ${nextDayWindowDays})
            and s.next_day is not null and s.next_day_of is not null
            and (next_day_ack.acknowledged_at is null or s.created_at > next_day_ack.acknowledged_at)
          order by s.created_at desc limit ${nextDayAnswersCounted}) nd) as next_day_answers
    from plans p
    join patients pt on pt.id = p.patient_id and pt.clinic_id = p.clinic_id and not pt.archived
    join plan_versions v on v.plan_id = p.id and v.version = p.latest_version
    left join alert_acknowledgements pain_ack on pain_ack.plan_id = p.id and pain_ack.clinic_id = p.clinic_id and pain_ack.kind = 'pain'
    left join alert_acknowledgements silence_ack on silence_ack.plan_id = p.id and silence_ack.clinic_id = p.clinic_id and silence_ack.kind = 'silence'
    left join alert_acknowledgements ex_ack on ex_ack.plan_id = p.id and ex_ack.clinic_id = p.clinic_id and ex_ack.kind = 'exercise-pain'
    left join alert_acknowledgements next_day_ack on next_day_ack.plan_id = p.id and next_day_ack.clinic_id = p.clinic_id and next_day_ack.kind = 'next-day'
    left join alert_acknowledgements sw_ack on sw_ack.plan_id = p.id and sw_ack.clinic_id = p.clinic_id and sw_ack.kind = 'swelling'
    left join lateral (
      select s.exercise_pain, s.logged_on, s.created_at from session_logs s
      where s.plan_id = p.id and s.clinic_id = p.clinic_id and s.created_at > now() - make_interval(days => ${painWindowDays})
        and s.exercise_pain > ${sql.raw(String(exercisePainAbove))} and (ex_ack.acknowledged_at is null or s.created_at > ex_ack.acknowledged_at)
      order by s.exercise_pain desc, s.created_at desc limit 1
    ) ex on true
    left join lateral (
      select s.next_day_of, s.created_at from session_logs s
      where s.plan_id = p.id and s.clinic_id = p.clinic_id and s.created_at > now() - make_interval(days => ${painWindowDays})
        and s.swelling = 'worse' and s.next_day_of is not null and (sw_ack.acknowledged_at is null or s.created_at > sw_ack.acknowledged_at)
      order by s.created_at desc limit 1
    ) sw on true
    left join lateral (
      select s.pain, s.logged_on, s.created_at from session_logs s
      where s.plan_id = p.id and s.clinic_id = p.clinic_id and s.created_at > now() - make_interval(days => ${painWindowDays})
        and s.pain >= p.pain_alert_at and (pain_ack.acknowledged_at is null or s.created_at > pain_ack.acknowledged_at)
      order by s.pain desc, s.created_at desc limit 1
    ) pain on true
    where p.clinic_id = ${actor.clinicId} and p.status = 'issued' and ${runningByDate(actorToday(actor))}
      ${planId ? sql`and p.id = ${planId}` : sql``}`);
  return rows.map((row) => {
    const answers = (row.next_day_answers as { change: NextDayAnswer["change"]; about: string; at: string }[] | null) ?? [];
    const newestWorse = answers.find((answer) => answer.change === "worse");
    return {
    planId: String(row.plan_id),
    planTitle: String(row.plan_title),
    patientId: String(row.patient_id),
    patientName: String(row.patient_name),
    painAlertAt: Number(row.pain_alert_at),
    issuedAt: toDate(row.issued_at)!,
    lastLoggedAt: toDate(row.last_logged_at),
    recentPain: row.recent_pain === null ? null : Number(row.recent_pain),
    recentPainOn: row.recent_pain_on === null ? null : String(row.recent_pain_on),
    recentPainAt: toDate(row.recent_pain_at),
    exercisePain: row.exercise_pain === null ? null : Number(row.exercise_pain),
    exercisePainOn: row.exercise_pain_on === null ? null : String(row.exercise_pain_on),
    exercisePainAt: toDate(row.exercise_pain_at),
    nextDayAnswers: answers.map((answer) => ({ change: answer.change, about: String(answer.about) })),
    nextDayWorseAt: newestWorse ? toDate(newestWorse.at) : null,
    swellingAfter: row.swelling_after === null ? null : String(row.swelling_after),
    swellingAt: toDate(row.swelling_at),
    hasLiveLink: Boolean(row.has_live_link),
    silenceAcknowledgedAt: toDate(row.silence_acknowledged_at),
  };
  });
}

export type AttentionItem = { planId: string; planTitle: string; patientId: string; patientName: string; alerts: AdherenceAlert[] };

/**
 * How urgent a plan's alerts are, and since when: any pain-monitoring alert before silence, then the
 * highest pain (pain during exercise counts as its score; "worse the next day" and knee swelling as
 * a 6, just above the model's 5), and for ordering within a level the oldest triggering log.
 */
function urgencyOf(row: AttentionRow, alerts: AdherenceAlert[]): { urgency: number; since: number } {
  const scored = alerts.flatMap((alert) => {
    switch (alert.kind) {
      case "pain":
        return [{ score: alert.pain, at: row.recentPainAt }];
      case "exercise-pain":
        return [{ score: alert.pain, at: row.exercisePainAt }];
      case "next-day":
        return [{ score: exercisePainAbove + 1, at: row.nextDayWorseAt }];
      case "swelling":
        return [{ score: exercisePainAbove + 1, at: row.swellingAt }];
      case "silence":
        return [];
    }
  });
  if (scored.length === 0) return { urgency: 1, since: Math.max(row.issuedAt.getTime(), row.lastLoggedAt?.getTime() ?? 0) };
  const top = Math.max(...scored.map((entry) => entry.score));
  const since = Math.min(...scored.filter((entry) => entry.score === top).map((entry) => entry.at?.getTime() ?? Number.MAX_SAFE_INTEGER));
  return { urgency: 100 + top, since };
}

/**
 * The clinic's plans with an alert, most urgent first (pain before silence, higher pain before
 * lower), then the oldest (the pain logged longest ago, the longest silence), then by name.
 */
async function sortedAttention(actor: Actor, executor: Executor): Promise<AttentionItem[]> {
  const now = new Date();
  const ranked = (await attentionRows(executor, actor)).flatMap((row) => {
    const alerts = alertsOf(row, now);
    if (alerts.length === 0) return [];
    const { urgency, since } = urgencyOf(row, alerts);
    const item: AttentionItem = { planId: row.planId, planTitle: row.planTitle, patientId: row.patientId, patientName: row.patientName, alerts };
    return [{ item, urgency, since }];
  });
  ranked.sort(
    (a, b) =>
      b.urgency - a.urgency ||
      a.since - b.since ||
      a.item.patientName.localeCompare(b.item.patientName) ||
      (a.item.planId < b.item.planId ? -1 : a.item.planId > b.item.planId ? 1 : 0),
  );
  return ranked.map((entry) => entry.item);
}

/** Every patient with an alert, in the order of `sortedAttention`. */
export async function listPatientsNeedingAttention(actor: Actor, executor: Executor = defaultDb): Promise<AttentionItem[]> {
  return sortedAttention(actor, executor);
}

export const attentionPageSize = 20;

export type AttentionPage = { items: AttentionItem[]; total: number; page: number; pageCount: number };

/** One page (from 1) of the dashboard's attention list; a page past the end gives the last page. */
export async function attentionPage(
  actor: Actor,
  { page = 1, pageSize = attentionPageSize }: { page?: number; pageSize?: number } = {},
  executor: Executor = defaultDb,
): Promise<AttentionPage> {
  const all = await sortedAttention(actor, executor);
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return { items: all.slice((current - 1) * pageSize, current * pageSize), total: all.length, page: current, pageCount };
}

export type ClinicActivity = { activePatients: number; issuedPlans: number; sessionsThisWeek: number };

export async function clinicActivity(actor: Actor, executor: Executor = defaultDb): Promise<ClinicActivity> {
  const today = actorToday(actor);
  const monday = mondayOf(today);
  const rows = await executor.execute<Record<string, unknown>>(sql`
    select
      (select count(*) from patients where clinic_id = ${actor.clinicId} and not archived)::int as active_patients,
      (select count(*) from plans p where p.clinic_id = ${actor.clinicId} and p.status = 'issued' and ${runningByDate(today)})::int as issued_plans,
      (select count(*) from session_logs where clinic_id = ${actor.clinicId} and logged_on >= ${monday}::date)::int as sessions_this_week`);
  const row = rows[0] ?? {};
  return {
    activePatients: Number(row.active_patients ?? 0),
    issuedPlans: Number(row.issued_plans ?? 0),
    sessionsThisWeek: Number(row.sessions_this_week ?? 0),
  };
}

export type AdherenceSession = {
  id: string;
  loggedOn: string;
  createdAt: Date;
  version: number;
  exercisesDone: number;
  pain: number;
  /** Pain during the exercises; null when not asked (older logs) or not answered. */
  exercisePain: number | null;
  /** The morning after the session of `nextDayOf`: pain and stiffness, and (knee plans) swelling. */
  nextDay: "better" | "same" | "worse" | null;
  swelling: "better" | "same" | "worse" | null;
  nextDayOf: string | null;
  comment: string | null;
};

export type WeekOfSessions = { weekStart: string; daysExercised: number; sessions: number };

export type PlanAdherence = {
  /** The clinic's date the figures were counted to (its today, in its time zone). */
  today: string;
  painAlertAt: number;
  targetDaysPerWeek: number | null;
  /** Oldest first: up to six weeks, from the week of the first issue to this week. */
  weeks: WeekOfSessions[];
  /** The last 28 days, oldest first. */
  sessions: AdherenceSession[];
  recentComments: AdherenceSession[];
  totalSessions: number;
  alerts: AdherenceAlert[];
};

export const chartDays = 28;
const weeksShown = 6;

/**
 * Adherence of one of the actor's clinic's plans, or null when the plan is not theirs. The
 * target is taken from the items of the newest issued version.
 */
export async function getPlanAdherence(
  actor: Actor,
  { planId, items }: { planId: string; items: Pick<SnapshotItem, "dose">[] },
  executor: Executor = defaultDb,
): Promise<PlanAdherence | null> {
  if (!isUuid(planId)) return null;
  const [plan] = await executor
    .select({
      painAlertAt: plans.painAlertAt,
      firstIssuedAt: sql<Date | null>`(select min(pv.issued_at) from plan_versions pv where pv.plan_id = "plans"."id")`.mapWith(
        (value) => (value ? new Date(value) : null),
      ),
    })
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)));
  if (!plan) return null;

  const today = actorToday(actor);
  // Weeks before the plan was first issued are not weeks the patient could have exercised.
  const earliestWeek = addDays(mondayOf(today), -7 * (weeksShown - 1));
  const issuedWeek = plan.firstIssuedAt ? mondayOf(clinicDate(plan.firstIssuedAt, actor.timeZone)) : earliestWeek;
  const firstWeek = issuedWeek > earliestWeek ? issuedWeek : earliestWeek;
  const since = addDays(today, -(chartDays - 1));
  const from = firstWeek < since ? firstWeek : since;
  const scope = and(eq(sessionLogs.planId, planId), eq(sessionLogs.clinicId, actor.clinicId));

  const [rows, [total], attention] = await Promise.all([
    executor
      .select()
      .from(sessionLogs)
      .where(and(scope, gte(sessionLogs.loggedOn, from)))
      .orderBy(desc(sessionLogs.loggedOn), desc(sessionLogs.createdAt))
      .limit(500),
    executor.select({ count: sql<number>`count(*)::int` }).from(sessionLogs).where(scope),
    attentionRows(executor, actor, planId),
  ]);

  const sessions: AdherenceSession[] = rows.map((row) => ({
    id: row.id,
    loggedOn: row.loggedOn,
    createdAt: row.createdAt,
    version: row.version,
    exercisesDone: Array.isArray(row.itemsDone) ? row.itemsDone.length : 0,
    pain: row.pain,
    exercisePain: row.exercisePain,
    nextDay: row.nextDay,
    swelling: row.swelling,
    nextDayOf: row.nextDayOf,
    comment: row.comment,
  }));

  const weeks: WeekOfSessions[] = [];
  for (let weekStart = firstWeek; weekStart <= mondayOf(today); weekStart = addDays(weekStart, 7)) {
    const weekEnd = addDays(weekStart, 7);
    const inWeek = sessions.filter((s) => s.loggedOn >= weekStart && s.loggedOn < weekEnd);
    weeks.push({ weekStart, sessions: inWeek.length, daysExercised: new Set(inWeek.map((s) => s.loggedOn)).size });
  }

  return {
    today,
    painAlertAt: plan.painAlertAt,
    targetDaysPerWeek: targetDaysPerWeek(items),
    weeks,
    sessions: sessions.filter((s) => s.loggedOn >= since).reverse(),
    recentComments: sessions.filter((s) => s.comment).slice(0, 5),
    totalSessions: total?.count ?? 0,
    alerts: attention[0] ? alertsOf(attention[0]) : [],
  };
}
