// When a plan ends. A clinician ends it (complete or discharge: status `ended`), or its last day
// passes: the end date, or the review date when no end date is set. The date rule is computed at
// every read against today's clinic date, so no scheduled job has to flip a status.
// Pure: the plan page, the patient's link and the dashboard's attention query all use it.
import { sql, type SQL } from "drizzle-orm";

export const planEndReasons = ["completed", "discharged"] as const;
export type PlanEndReason = (typeof planEndReasons)[number];

export const planEndReasonText: Record<PlanEndReason, string> = { completed: "Completed", discharged: "Discharged" };

type Dated = { endDate: string | null; reviewDate: string | null };

/** The plan's last day: its end date, else its review date; null when it has neither (open-ended). */
export function effectiveEndDate(plan: Dated): string | null {
  return plan.endDate ?? plan.reviewDate;
}

export type PlanEnding =
  /** A clinician completed or discharged the plan. */
  | { by: "clinician"; reason: PlanEndReason; endedAt: Date | null }
  /** Its last day (`on`) has passed. */
  | { by: "date"; on: string };

/**
 * How an issued plan has ended by `today` (the clinic's date, in its own time zone), or null while
 * it runs (and for drafts and archived plans).
 */
export function planEnding(
  plan: Dated & { status: string; endReason?: PlanEndReason | null; endedAt?: Date | null },
  today: string,
): PlanEnding | null {
  if (plan.status === "ended") return { by: "clinician", reason: plan.endReason ?? "completed", endedAt: plan.endedAt ?? null };
  if (plan.status !== "issued") return null;
  const end = effectiveEndDate(plan);
  return end !== null && end < today ? { by: "date", on: end } : null;
}

/**
 * SQL: the plan (alias `p`, with `p.status = 'issued'` checked by the caller) has not passed its
 * last day by `today` (the clinic's date). The same rule as `planEnding`, for queries that list running plans.
 */
export function runningByDate(today: string): SQL {
  return sql`(coalesce(p.end_date, p.review_date) is null or coalesce(p.end_date, p.review_date) >= ${today}::date)`;
}
