// The pieces every clinic page is made of: its header, a titled section and the note an empty list shows.
import Link from "next/link";
import { Fragment } from "react";

/** The white, bordered panel a section sits in when it stands apart from the page. */
const cardClass = "rounded-xl border border-slate-200 bg-white p-5";

/**
 * A section with its heading, labelled by it; `id` names both (`${id}-heading`). `card`: in a white,
 * bordered panel. `className`: the spacing of what it holds.
 */
export function Section({ id, title, card, className = "space-y-3", children }: { id: string; title: React.ReactNode; card?: boolean; className?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={card ? `${cardClass} ${className}` : className}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** How many a list found, "1,000+" where counting stopped, with the noun that fits. */
export function listCount(total: number, capped: boolean, [one, many]: [string, string]): { count: string; noun: string } {
  return { count: `${total.toLocaleString("en-GB")}${capped ? "+" : ""}`, noun: total === 1 && !capped ? one : many };
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
