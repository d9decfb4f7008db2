import Link from "next/link";

// The admin pages this branch adds; the clinic profile page may join them.
const tabs = [
  { href: "/settings/team", label: "Team" },
  { href: "/settings/activity", label: "Activity" },
  { href: "/settings/outbox", label: "Outbox" },
];

export function AdminTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Clinic administration">
      <ul className="flex flex-wrap gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.href === current ? "page" : undefined}
              className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium ${tab.href === current ? "border-brand-700 text-brand-900" : "border-transparent text-slate-700 hover:text-slate-900"}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
