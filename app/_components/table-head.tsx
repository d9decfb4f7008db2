// The header row of the clinic's data tables (patients, plans, versions, activity): one look, and
// every header cell a column header for screen readers.
export function TableHead({ columns }: { columns: readonly React.ReactNode[] }) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
      <tr>
        {columns.map((column, i) => (
          <th key={i} scope="col" className="px-4 py-3 font-medium">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
