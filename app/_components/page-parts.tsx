// The pieces every clinic page is made of: its header, a titled section and the note an empty list shows.
import Link from "next/link";
import { Fragment } from "react";

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

/** A link back up the way the page was reached ("Patients › Ann Smith"). */
export type Crumb = { href: string; label: React.ReactNode };

/**
 * A page's top: the links back up, the `h1` with any badges beside it, what follows the title
 * (`children`: a line of context, the admin tabs) and the page's own actions on the right.
 */
export function PageHeader({
  title,
  crumbs = [],
  badges,
  actions,
  children,
}: {
  title: React.ReactNode;
  crumbs?: Crumb[];
  badges?: React.ReactNode;
  actions?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const heading = <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>;
  return (
    <div className="space-y-2">
      {crumbs.length ? (
        <p className="text-sm">
          {crumbs.map((crumb, i) => (
            <Fragment key={i}>
              {i ? <span className="text-slate-500"> › </span> : null}
              <Link href={crumb.href} className="text-brand-800 underline-offset-2 hover:underline">
                {crumb.label}
              </Link>
            </Fragment>
          ))}
        </p>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl space-y-2">
          {badges ? (
            <div className="flex flex-wrap items-center gap-2">
              {heading}
              {badges}
            </div>
          ) : (
            heading
          )}
          {children}
        </div>
        {actions ? <div className="flex flex-wrap items-start gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
