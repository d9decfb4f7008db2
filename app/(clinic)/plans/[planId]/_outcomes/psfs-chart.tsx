// The PSFS over time as an inline SVG: the average (bold) and each activity (thin), with the
// minimal important change marked as a band from the baseline average to baseline + 2. A title and
// description for screen readers, and the same figures in the visible table below it.
import { psfsMinimalImportantChange } from "@/lib/outcomes/psfs-form";
import type { PsfsSummary } from "@/lib/outcomes/summary";
import { formatDate, formatShortDate } from "@/lib/dates/format";
import { ScoreGrid } from "@/app/_components/chart-axes";

const width = 640;
const height = 240;
const pad = { left: 36, right: 20, top: 14, bottom: 32 };

/** Okabe–Ito colours (distinct for colour-blind readers), each with its own dash pattern too. */
export const activityStyles = [
  { colour: "#0072B2", dash: "6 3" },
  { colour: "#D55E00", dash: "2 3" },
  { colour: "#CC79A7", dash: "8 3 2 3" },
  { colour: "#E69F00", dash: "1 2" },
  { colour: "#56B4E9", dash: "10 4" },
];

export function signed(value: number): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(1)}`;
}

export function changeWords(change: number): string {
  return Math.abs(change) >= psfsMinimalImportantChange ? (change > 0 ? "meaningful improvement" : "meaningful decline") : "below the meaningful change";
}

export function describePsfs(summary: PsfsSummary): string {
  const { baseline, latest, change, points } = summary;
  if (!baseline || !latest) return "No PSFS scores recorded yet.";
  const start = `Baseline average ${baseline.average.toFixed(1)} out of 10 on ${formatDate(baseline.recordedOn)}`;
  if (change === null) return `${start}. One occasion so far: a change of ${psfsMinimalImportantChange} points or more from it will be meaningful.`;
  return `${start}; latest ${latest.average.toFixed(1)} on ${formatDate(latest.recordedOn)} (${points.length} occasions). Change ${signed(change)} points: ${changeWords(change)} (a change of ${psfsMinimalImportantChange} or more is meaningful).`;
}

export function PsfsChart({ summary }: { summary: PsfsSummary }) {
  const { points, activities, baseline } = summary;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (index: number) => pad.left + (points.length === 1 ? plotW / 2 : (index / (points.length - 1)) * plotW);
  const y = (score: number) => pad.top + (1 - score / 10) * plotH;
  const mic = baseline ? Math.min(10, baseline.average + psfsMinimalImportantChange) : null;
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));

  return (
    <figure className="max-w-2xl">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="psfs-chart-title psfs-chart-desc" className="h-auto w-full" data-testid="psfs-chart">
        <title id="psfs-chart-title">PSFS average and each activity over time</title>
        <desc id="psfs-chart-desc">{describePsfs(summary)}</desc>
        <ScoreGrid values={[0, 2, 4, 6, 8, 10]} y={y} left={pad.left} right={width - pad.right} />
        {baseline && mic !== null ? (
          <g data-testid="psfs-mic">
            <rect x={pad.left} width={plotW} y={y(mic)} height={Math.max(0, y(baseline.average) - y(mic))} fill="#f59e0b" fillOpacity={0.14} />
            <line x1={pad.left} x2={width - pad.right} y1={y(baseline.average)} y2={y(baseline.average)} stroke="#64748b" strokeWidth={1} />
            <line x1={pad.left} x2={width - pad.right} y1={y(mic)} y2={y(mic)} stroke="#b45309" strokeWidth={1.5} strokeDasharray="6 4" />
          </g>
        ) : null}
        {activities.map((activity, i) => {
          const style = activityStyles[i % activityStyles.length];
          const mine = points.flatMap((point, index) => (activity.id in point.scores ? [{ index, score: point.scores[activity.id] }] : []));
          return (
            <g key={activity.id}>
              {mine.length > 1 ? (
                <polyline
                  points={mine.map((p) => `${x(p.index).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ")}
                  fill="none"
                  stroke={style.colour}
                  strokeWidth={1.5}
                  strokeDasharray={style.dash}
                />
              ) : null}
              {mine.map((p) => (
                <circle key={p.index} cx={x(p.index)} cy={y(p.score)} r={3} fill={style.colour} />
              ))}
            </g>
          );
        })}
        {points.length > 1 ? (
          <polyline points={points.map((p, i) => `${x(i).toFixed(1)},${y(p.average).toFixed(1)}`).join(" ")} fill="none" stroke="#0f172a" strokeWidth={3} strokeLinejoin="round" />
        ) : null}
        {points.map((p, i) => (
          <g key={p.id}>
            <circle cx={x(i)} cy={y(p.average)} r={5.5} fill="#0f172a" stroke="#fff" strokeWidth={1.5} />
            {i % labelEvery === 0 || i === points.length - 1 ? (
              <text x={x(i)} y={height - 10} textAnchor={points.length > 1 && i === 0 ? "start" : points.length > 1 && i === points.length - 1 ? "end" : "middle"} fontSize={12} fill="#475569">
                {formatShortDate(p.recordedOn)}
              </text>
            ) : null}
          </g>
        ))}
        {baseline && mic !== null ? (
          // Drawn last, so it reads over the lines.
          <text data-testid="psfs-mic-label" x={width - pad.right - 4} y={mic >= 9.5 ? y(mic) + 15 : y(mic) - 5} textAnchor="end" fontSize={12} fill="#92400e" fontWeight={600} stroke="#fff" strokeWidth={4} strokeLinejoin="round" paintOrder="stroke">
            {`baseline + ${psfsMinimalImportantChange} = ${mic.toFixed(1)}: change ≥ ${psfsMinimalImportantChange} is meaningful`}
          </text>
        ) : null}
      </svg>
      <figcaption>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
          <li className="flex items-center gap-1.5">
            <svg aria-hidden="true" width="24" height="8">
              <line x1="0" x2="24" y1="4" y2="4" stroke="#0f172a" strokeWidth="3" />
            </svg>
            Average
          </li>
          {activities.map((activity, i) => {
            const style = activityStyles[i % activityStyles.length];
            return (
              <li key={activity.id} className="flex items-center gap-1.5">
                <svg aria-hidden="true" width="24" height="8">
                  <line x1="0" x2="24" y1="4" y2="4" stroke={style.colour} strokeWidth="2" strokeDasharray={style.dash} />
                </svg>
                {activity.name}
              </li>
            );
          })}
          {baseline ? (
            <li className="flex items-center gap-1.5">
              <svg aria-hidden="true" width="24" height="10">
                <rect x="0" y="0" width="24" height="10" fill="#f59e0b" fillOpacity="0.25" />
                <line x1="0" x2="24" y1="1" y2="1" stroke="#b45309" strokeWidth="1.5" strokeDasharray="4 3" />
              </svg>
              Baseline to baseline + {psfsMinimalImportantChange} (the minimal important change)
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}
