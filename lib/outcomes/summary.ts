// What the plan page charts of the outcome measures: the PSFS average and each activity over time,
// measured against the first score (the baseline) and the minimal important change, and the NPRS
// (the session log's pain score) as weekly averages. Pure: the figures are tested on their own.
import { addDays, dateInZone, defaultClinicClock, mondayOf } from "@/lib/dates/format";
import { psfsMinimalImportantChange, type NamedActivity } from "./psfs-form";

export type PsfsOccasion = {
  id: string;
  recordedOn: string;
  source: "clinician" | "patient";
  /** Activity id → 0–10. */
  scores: Record<string, number>;
};

export type PsfsPoint = {
  id: string;
  recordedOn: string;
  source: "clinician" | "patient";
  /** Mean of the activities scored on this occasion, to one decimal. */
  average: number;
  /** Change of the average from the baseline (the first occasion), to one decimal; 0 for the baseline. */
  change: number;
  scores: Record<string, number>;
};

export type ActivityTrend = NamedActivity & { baseline: number | null; latest: number | null; change: number | null };

export type PsfsSummary = {
  points: PsfsPoint[];
  activities: ActivityTrend[];
  baseline: PsfsPoint | null;
  latest: PsfsPoint | null;
  /** Latest average minus baseline average; null with fewer than two occasions. */
  change: number | null;
  /** "better" / "worse" when the change reaches the minimal important change, else "none". */
  verdict: "better" | "worse" | "none" | null;
};

/** To one decimal, without binary leftovers (2.35 → 2.4, not 2.3). */
export function oneDecimal(value: number): number {
  return Math.round((value + Number.EPSILON) * 10) / 10;
}

/** Whether a change of this size counts: at least the minimal important change, either way. */
export function isMeaningful(change: number): boolean {
  return Math.abs(change) >= psfsMinimalImportantChange - 1e-9;
}

/** Occasions in the order they were scored (by day; the caller passes same-day ones in entry order). */
export function psfsSummary(activities: NamedActivity[], occasions: PsfsOccasion[]): PsfsSummary {
  const ordered = [...occasions].sort((a, b) => (a.recordedOn < b.recordedOn ? -1 : a.recordedOn > b.recordedOn ? 1 : 0));
  const scored = ordered.filter((occasion) => Object.keys(occasion.scores).length > 0);
  let baselineAverage: number | null = null;
  const points = scored.map((occasion): PsfsPoint => {
    const values = Object.values(occasion.scores);
    const average = oneDecimal(values.reduce((sum, value) => sum + value, 0) / values.length);
    baselineAverage ??= average;
    return { id: occasion.id, recordedOn: occasion.recordedOn, source: occasion.source, average, change: oneDecimal(average - baselineAverage), scores: occasion.scores };
  });
  const trends = [...activities]
    .sort((a, b) => a.position - b.position)
    .map((activity): ActivityTrend => {
      const mine = points.filter((point) => activity.id in point.scores).map((point) => point.scores[activity.id]);
      const baseline = mine[0] ?? null;
      const latest = mine.at(-1) ?? null;
      return { ...activity, baseline, latest, change: mine.length > 1 ? latest! - baseline! : null };
    });
  const baseline = points[0] ?? null;
  const latest = points.at(-1) ?? null;
  const change = points.length > 1 ? oneDecimal(latest!.average - baseline!.average) : null;
  const verdict = change === null ? null : !isMeaningful(change) ? "none" : change > 0 ? "better" : "worse";
  return { points, activities: trends, baseline, latest, change, verdict };
}

export type PainWeek = { weekStart: string; sessions: number; average: number | null };

/** The zone the session log counted `loggedOn` in before it wrote the clinic's own date: the default, London. */
const earlierLogZone = defaultClinicClock.timeZone;

/**
 * The day a session was logged, in the clinic's calendar. The session log writes the clinic's date
 * of the moment it saves (`createdAt`), so for its rows this is `loggedOn`. Rows stored before it
 * did hold London's date of that moment: such a row is read again in the clinic's time zone, so a
 * New York clinic's Sunday-evening session stays on Sunday (docs/DESIGN-NOTES.md). A row whose
 * `loggedOn` is neither was dated on purpose (the demo seed, an import) and keeps its day.
 */
export function clinicDayOfLog(log: { loggedOn: string; createdAt: Date }, timeZone: string): string {
  return dateInZone(log.createdAt, earlierLogZone) === log.loggedOn ? dateInZone(log.createdAt, timeZone) : log.loggedOn;
}

/**
 * NPRS weekly averages: one row per week (Monday to Sunday, in the clinic's calendar: `loggedOn`
 * is a clinic date and `today` the clinic's today) from the week of `from` to this week, weeks
 * without a session included (average null). At most `maxWeeks`, the most recent ones.
 */
export function weeklyPainAverages(
  sessions: { loggedOn: string; pain: number }[],
  { from, today, maxWeeks = 26 }: { from: string; today: string; maxWeeks?: number },
): PainWeek[] {
  const totals = new Map<string, { sum: number; count: number }>();
  for (const session of sessions) {
    const week = mondayOf(session.loggedOn);
    const total = totals.get(week) ?? { sum: 0, count: 0 };
    total.sum += session.pain;
    total.count += 1;
    totals.set(week, total);
  }
  const earliestLogged = [...totals.keys()].sort()[0];
  const first = mondayOf(earliestLogged && earliestLogged < from ? earliestLogged : from);
  const last = mondayOf(today);
  const weeks: PainWeek[] = [];
  for (let week = last; week >= first && weeks.length < maxWeeks; week = addDays(week, -7)) {
    const total = totals.get(week);
    weeks.push({ weekStart: week, sessions: total?.count ?? 0, average: total ? oneDecimal(total.sum / total.count) : null });
  }
  return weeks.reverse();
}
