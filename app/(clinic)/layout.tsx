import Link from "next/link";
import { demoAccount } from "@/lib/auth/accounts";
import { publishedPasswordInUse } from "@/lib/auth/published-password";
import { requireActor } from "@/lib/auth/actor";
import { ClinicNav } from "./clinic-nav";
import { SessionKeeper } from "./session-keeper";
import { SignOutButton } from "./sign-out-button";

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const publishedPassword = await publishedPasswordInUse(actor);
  return (
    <div className="min-h-screen">
      <SessionKeeper />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6">
          <div className="flex flex-col leading-tight">
            <span className="text-lg font-semibold tracking-tight text-brand-800">Physioplan</span>
            <span className="text-xs text-slate-600">{actor.clinicName}</span>
          </div>
          <ClinicNav admin={actor.role === "admin"} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link href="/account" className="text-slate-700 underline-offset-2 hover:underline">
              {actor.name}
              <span className="sr-only">, signed in: your account</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      {publishedPassword ? (
        <section aria-label="Security warning" className="border-b border-amber-300 bg-amber-50">
          <p className="mx-auto max-w-7xl px-4 py-3 text-sm text-amber-950 sm:px-6">
            <strong className="font-semibold">The demo admin ({demoAccount.email}) still uses the published demo password.</strong> Anyone who can reach this
            server can sign in with it and see every patient. {actor.email === demoAccount.email ? "Change it in your account settings" : "Ask the demo admin to change it in their account settings"} before
            you add real patients.
          </p>
        </section>
      ) : null}
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
