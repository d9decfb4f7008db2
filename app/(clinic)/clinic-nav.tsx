"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Only pages that exist are listed.
const links = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/patients", label: "Patients" },
  { href: "/exercises", label: "Exercises" },
  { href: "/templates", label: "Templates" },
];

/** Settings and the team are listed for admins only; to anyone else those pages are a 404 anyway. */
const adminLinks = [
  { href: "/settings", label: "Settings" },
  { href: "/settings/team", label: "Team" },
];

export function ClinicNav({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1">
        {[...links, ...(admin ? adminLinks : [])].map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`rounded-md px-3 py-2 text-sm font-medium ${current ? "bg-brand-50 text-brand-900" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
