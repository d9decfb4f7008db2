"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Only pages that exist are listed.
const links = [{ href: "/settings", label: "Clinic profile" }];

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings">
      <h2 className="mb-2 px-3 text-xs font-semibold uppercase tracking-wide text-slate-600">Settings</h2>
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {links.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${current ? "bg-brand-50 text-brand-900" : "text-slate-700 hover:bg-slate-100"}`}
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
