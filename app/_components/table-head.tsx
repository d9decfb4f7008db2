// The clinic's data tables (patients, plans, versions, team, activity): one frame, one header row,
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

/** A table in its frame: an optional caption for screen readers, the header row, and the rows. */
export function DataTable({ caption, columns, children }: { caption?: React.ReactNode; columns: readonly React.ReactNode[]; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <TableHead columns={columns} />
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
