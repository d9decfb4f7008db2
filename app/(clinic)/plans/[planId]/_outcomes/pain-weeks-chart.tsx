// NPRS (the pain score of every session log) as weekly averages: one bar per week in the clinic's
// calendar, a description for screen readers, and the figures as a table beneath.
import { formatShortDate } from "@/lib/dates/format";
import type { PainWeek } from "@/lib/outcomes/summary";
import { ChartTable, ScoreGrid } from "@/app/_components/chart-axes";

const width = 640;
const height = 200;
const pad = { left: 36, right: 12, top: 18, bottom: 30 };

export function describePainWeeks(weeks: PainWeek[]): string {
  const logged = weeks.filter((week) => week.average !== null);
  if (logged.length === 0) return `No sessions logged in the ${weeks.length} ${weeks.length === 1 ? "week" : "weeks"} shown.`;
  const first = logged[0];
  const last = logged.at(-1)!;
  const trend = logged.length > 1 ? ` Weekly average ${first.average!.toFixed(1)} in the week of ${formatShortDate(first.weekStart)}, ${last.average!.toFixed(1)} in the week of ${formatShortDate(last.weekStart)}.` : ` Average ${last.average!.toFixed(1)} out of 10 in the week of ${formatShortDate(last.weekStart)}.`;
  return `Pain 0–10 from the session logs, averaged by week: ${logged.length} of ${weeks.length} weeks have sessions.${trend}`;
}

export function PainWeeksChart({ weeks }: { weeks: PainWeek[] }) {
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / Math.max(1, weeks.length);
  const barW = Math.min(40, slot * 0.6);
  const y = (pain: number) => pad.top + (1 - pain / 10) * plotH;
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 8));
  return (
    <div className="max-w-2xl">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="nprs-chart-title nprs-chart-desc" className="h-auto w-full" data-testid="nprs-chart">
        <title id="nprs-chart-title">Pain (NPRS), weekly averages</title>
        <desc id="nprs-chart-desc">{describePainWeeks(weeks)}</desc>
        <ScoreGrid values={[0, 5, 10]} y={y} left={pad.left} right={width - pad.right} />
        {weeks.map((week, i) => {
          const cx = pad.left + slot * (i + 0.5);
          return (
            <g key={week.weekStart}>
              {week.average !== null ? (
                <>
                  <rect x={cx - barW / 2} width={barW} y={y(week.average)} height={Math.max(1, y(0) - y(week.average))} fill="#0f766e" rx={2} />
                  <text x={cx} y={y(week.average) - 4} textAnchor="middle" fontSize={11} fill="#134e4a" fontWeight={600}>
                    {week.average.toFixed(1)}
                  </text>
                </>
              ) : (
                <text x={cx} y={y(0) - 4} textAnchor="middle" fontSize={11} fill="#94a3b8">
                  –
                </text>
              )}
              {i % labelEvery === 0 || i === weeks.length - 1 ? (
                <text x={cx} y={height - 10} textAnchor="middle" fontSize={11} fill="#475569">
                  {formatShortDate(week.weekStart)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ChartTable summary="Show the weekly averages as a table" caption="Pain (NPRS), weekly averages" columns={["Week beginning", "Sessions", "Average pain"]}>
        {[...weeks].reverse().map((week) => (
          <tr key={week.weekStart} className="border-b border-slate-100">
            <td className="py-1 pr-3">{formatShortDate(week.weekStart)}</td>
            <td className="py-1 pr-3 tabular-nums">{week.sessions}</td>
            <td className="py-1 tabular-nums">{week.average === null ? "No sessions" : `${week.average.toFixed(1)}/10`}</td>
          </tr>
        ))}
      </ChartTable>
    </div>
  );
}
