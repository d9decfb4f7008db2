// What the clinic's score charts share (pain by session, pain by week, PSFS): the 0–10 axis drawn
// as grid lines with their numbers, and the table of the same scores for those who cannot see it.

/** A grid line and its number at each value; the zero line darker unless `colour` says otherwise. */
export function ScoreGrid({ values, y, left, right, colour }: { values: number[]; y: (value: number) => number; left: number; right: number; colour?: string }) {
  return (
    <>
      {values.map((v) => (
        <g key={v}>
          <line x1={left} x2={right} y1={y(v)} y2={y(v)} stroke={colour ?? (v === 0 ? "#94a3b8" : "#e2e8f0")} strokeWidth={1} />
          <text x={left - 8} y={y(v) + 4} textAnchor="end" fontSize={12} fill="#475569">
            {v}
          </text>
        </g>
      ))}
    </>
  );
}

/** The header row of a score table: column headers, the last without a gap after it. */
export function ScoreTableHead({ columns }: { columns: readonly React.ReactNode[] }) {
  return (
    <thead>
      <tr className="border-b border-slate-300 align-bottom">
        {columns.map((column, i) => (
          <th key={i} scope="col" className={i === columns.length - 1 ? "py-1" : "py-1 pr-3"}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A chart's scores as a table, folded away under `summary`. */
export function ChartTable({ summary, caption, columns, children }: { summary: string; caption: string; columns: readonly React.ReactNode[]; children: React.ReactNode }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">{summary}</summary>
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <ScoreTableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </details>
  );
}
