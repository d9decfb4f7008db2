// NPRS (the pain score of every session log) as weekly averages: one bar per week in the clinic's
// calendar, a description for screen readers, and the figures as a table beneath.
import { formatShortDate } from "@/lib/adherence/dates";
import type { PainWeek } from "@/lib/outcomes/summary";

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
        {[0, 5, 10].map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke={v === 0 ? "#94a3b8" : "#e2e8f0"} strokeWidth={1} />
            <text x={pad.left - 8} y={y(v) + 4} textAnchor="end" fontSize={12} fill="#475569">
              {v}
            </text>
          </g>
        ))}
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
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-brand-800">Show the weekly averages as a table</summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Pain (NPRS), weekly averages</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-3">
                Week beginning
              </th>
              <th scope="col" className="py-1 pr-3">
                Sessions
              </th>
              <th scope="col" className="py-1">
                Average pain
              </th>
            </tr>
          </thead>
          <tbody>
            {[...weeks].reverse().map((week) => (
              <tr key={week.weekStart} className="border-b border-slate-100">
                <td className="py-1 pr-3">{formatShortDate(week.weekStart)}</td>
                <td className="py-1 pr-3 tabular-nums">{week.sessions}</td>
                <td className="py-1 tabular-nums">{week.average === null ? "No sessions" : `${week.average.toFixed(1)}/10`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
