"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const everyMs = 60_000;

/**
 * Keeps an active session alive: on navigation and on the user's own input (at most once a minute)
 * it reads /api/auth/session, whose answer rewrites the cookie with a fresh last-seen (lib/auth/options.ts).
 * An open tab nobody touches sends nothing, so the session ends after 30 idle minutes. When the
 * server says the session is over, the page goes to sign-in rather than waiting for the next click.
 */
export function SessionKeeper() {
  const pathname = usePathname();
  const router = useRouter();
  const last = useRef(0);
  useEffect(() => {
    const ping = () => {
      if (Date.now() - last.current < everyMs) return;
      last.current = Date.now();
      void fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : null))
        .then((session: { user?: { id?: string } } | null) => {
          if (session && !session.user?.id) router.replace("/sign-in?reason=signed-out");
        })
        .catch(() => {});
    };
    ping();
    const events = ["pointerdown", "keydown"] as const;
    for (const name of events) window.addEventListener(name, ping, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, ping);
    };
  }, [pathname, router]);
  return null;
}
