import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/actor";
import { ChangePasswordForm, SignOutEverywhereForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="text-slate-700">
          {actor.name} · {actor.email} · {actor.role === "admin" ? "Admin" : "Clinician"} at {actor.clinicName}
        </p>
      </div>
      <section aria-labelledby="password-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <p className="text-sm text-slate-700">You stay signed in here; every other browser and device is signed out, and you get an email saying the password changed.</p>
        <ChangePasswordForm email={actor.email} />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-slate-700">Left Physioplan open on a shared or lost device? Sign out everywhere, this browser included.</p>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
