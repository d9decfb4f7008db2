import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/actor";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireActor();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-slate-600">
          Welcome, {actor.name}. This is {actor.clinicName}&rsquo;s workspace.
        </p>
      </div>
    </div>
  );
}
