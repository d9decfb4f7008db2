// Pain scores of the last 28 days as an inline SVG, with a title and description for screen
// readers and the same figures as a table beside it.
import { addDays, daysBetween, formatDay, formatShortDate } from "@/lib/dates/format";
import type { AdherenceSession } from "@/lib/adherence/summary";
import { ChartTable, ScoreGrid } from "@/app/_components/chart-axes";

const width = 640;
const height = 220;
const pad = { left: 36, right: 16, top: 12, bottom: 30 };

export function PainChart({ sessions, today, days, painAlertAt }: { sessions: AdherenceSession[]; today: string; days: number; painAlertAt: number }) {
  const first = addDays(today, -(days - 1));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (iso: string, createdAt: Date) => {
    // Spread several sessions of one day a little within that day.
    const within = (createdAt.getUTCHours() * 60 + createdAt.getUTCMinutes()) / 1440;
    return pad.left + ((daysBetween(first, iso) + within * 0.8) / days) * plotW;
  };
  const y = (pain: number) => pad.top + (1 - pain / 10) * plotH;
  const points = sessions.map((s) => ({ s, px: x(s.loggedOn, s.createdAt), py: y(s.pain) }));
  const highest = sessions.reduce((max, s) => Math.max(max, s.pain), 0);
  const latest = sessions.at(-1);
  const description =
    sessions.length === 0
      ? `No sessions logged in the last ${days} days.`
      : `${sessions.length} ${sessions.length === 1 ? "session" : "sessions"} logged in the last ${days} days. Highest pain ${highest} out of 10; latest ${latest!.pain} out of 10 on ${formatDay(latest!.loggedOn)}. Alert line at ${painAlertAt}.`;

  return (
    <div className="max-w-2xl">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="pain-chart-title pain-chart-desc" className="h-auto w-full">
        <title id="pain-chart-title">{`Pain scores, last ${days} days`}</title>
        <desc id="pain-chart-desc">{description}</desc>
        <ScoreGrid values={[0, 5, 10]} y={y} left={pad.left} right={width - pad.right} colour="#cbd5e1" />
        <line x1={pad.left} x2={width - pad.right} y1={y(painAlertAt)} y2={y(painAlertAt)} stroke="#b91c1c" strokeWidth={1.5} strokeDasharray="6 4" />
        <text x={pad.left + 4} y={y(painAlertAt) - 5} textAnchor="start" fontSize={12} fill="#b91c1c">
          {`alert at ${painAlertAt}`}
        </text>
        {[0, Math.floor((days - 1) / 2), days - 1].map((offset) => {
          const iso = addDays(first, offset);
          return (
            <text key={offset} x={pad.left + ((offset + 0.4) / days) * plotW} y={height - 8} textAnchor="middle" fontSize={12} fill="#475569">
              {formatShortDate(iso)}
            </text>
          );
        })}
        {points.length > 1 ? (
          <polyline points={points.map((p) => `${p.px.toFixed(1)},${p.py.toFixed(1)}`).join(" ")} fill="none" stroke="#0f766e" strokeWidth={2} strokeLinejoin="round" />
        ) : null}
        {points.map(({ s, px, py }) => (
          <circle key={s.id} cx={px} cy={py} r={4.5} fill={s.pain >= painAlertAt ? "#b91c1c" : "#0f766e"} stroke="#fff" strokeWidth={1.5} />
        ))}
      </svg>
      {sessions.length > 0 ? (
        <ChartTable summary="Show the scores as a table" caption={`Pain scores, last ${days} days`} columns={["Date", "Pain", "During exercise", "Morning after the last session", "Exercises done"]}>
          {[...sessions].reverse().map((s) => (
            <tr key={s.id} className="border-b border-slate-100">
              <td className="py-1 pr-3">{formatDay(s.loggedOn)}</td>
              <td className="py-1 pr-3">{s.pain}/10</td>
              <td className="py-1 pr-3">{s.exercisePain === null ? "—" : `${s.exercisePain}/10`}</td>
              <td className="py-1 pr-3">{nextDayText(s)}</td>
              <td className="py-1">{s.exercisesDone}</td>
            </tr>
          ))}
        </ChartTable>
      ) : null}
    </div>
  );
}

const changeWords = { better: "better", same: "the same", worse: "worse" } as const;
const swellingWords = { better: "less swollen", same: "no change in swelling", worse: "more swollen" } as const;

/** "Pain and stiffness worse, more swollen (after Tue 3 Mar)", or a dash when not answered. */
function nextDayText(s: AdherenceSession): string {
  const parts = [s.nextDay ? `pain and stiffness ${changeWords[s.nextDay]}` : null, s.swelling ? swellingWords[s.swelling] : null].filter(Boolean);
  if (parts.length === 0 || !s.nextDayOf) return "—";
  const text = parts.join(", ");
  return `${text[0].toUpperCase()}${text.slice(1)} (after ${formatDay(s.nextDayOf)})`;
}
