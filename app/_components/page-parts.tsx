// The pieces every clinic page is made of: a titled section and the note an empty list shows.

/** A section with its heading, labelled by it; `id` names both (`${id}-heading`). */
export function Section({ id, title, className = "space-y-3", children }: { id: string; title: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** What an empty list says instead, in a dashed frame. */
export function EmptyState({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  return <p className={`rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-700 ${className}`.trim()}>{children}</p>;
}
