// "Your last 14 days" on the patient page: one plan's recent sessions as a single JSON column, so
// the page can read them in the same round trip that resolves the patient's link.
import "server-only";
import { sql, type Placeholder, type SQL } from "drizzle-orm";

export type PatientSession = { id: string; loggedOn: string; exercisesDone: number; pain: number; comment: string | null };

export const recentDays = 14;
/** At most this many sessions are shown (a patient logs about one a day). */
const recentMax = 100;

/**
 * SQL: the first day of the last 14 (today included) in the clinic's calendar, `timeZone` being its
 * time zone (a column of the query, or a placeholder).
 */
export function recentSinceIn(timeZone: SQL | Placeholder): SQL {
  return sql`((now() at time zone ${timeZone})::date - ${sql.raw(String(recentDays - 1))})`;
}

/**
 * A column of the outer query, named with its table. Drizzle writes a column of a one-table query
 * without its table, which inside the subquery below would name a column of session_logs instead.
 */
export function outerColumn(table: string, column: string): SQL {
  return sql`${sql.identifier(table)}.${sql.identifier(column)}`;
}

/**
 * A plan's sessions on or after `since`, newest first, as a JSON array column. Scoped by plan and
 * clinic: `planId` and `clinicId` are columns of the outer query (see `outerColumn`), `since` a
 * value or a placeholder.
 */
export function recentSessionsColumn(planId: SQL, clinicId: SQL, since: unknown): SQL<PatientSession[]> {
  return sql<PatientSession[]>`(
    select coalesce(json_agg(json_build_object(
      'id', s.id,
      'loggedOn', s.logged_on,
      'exercisesDone', case jsonb_typeof(s.items_done) when 'array' then jsonb_array_length(s.items_done) else 0 end,
      'pain', s.pain,
      'comment', s.comment
    ) order by s.logged_on desc, s.created_at desc), '[]'::json)
    from (
      select * from session_logs s
      where s.plan_id = ${planId} and s.clinic_id = ${clinicId} and s.logged_on >= ${since}
      order by s.logged_on desc, s.created_at desc
      limit ${sql.raw(String(recentMax))}
    ) s
  )`;
}
