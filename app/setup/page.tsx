import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/app/(auth)/auth-card";
import { needsSetup } from "@/lib/setup/setup";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Physioplan", referrer: "no-referrer" };

/** The one-time first-run page: gone (404) once a clinic exists. */
export default async function SetupPage() {
  await connection();
  if (!(await needsSetup())) notFound();
  return (
    <AuthCard
      title="Set up Physioplan"
      intro={
        <>
          Create your clinic and its first admin account. You need the <strong className="font-semibold text-slate-900">set-up code</strong> the server printed in its console
          (the terminal or service log) when it started. Colleagues can be invited once you are signed in.
        </>
      }
    >
      <SetupForm />
    </AuthCard>
  );
}
