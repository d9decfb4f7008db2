import type { Metadata } from "next";
import Link from "next/link";
import { describeAlert } from "@/lib/adherence/alerts";
import { formatDay } from "@/lib/adherence/dates";
import { clinicActivity, listPatientsNeedingAttention } from "@/lib/adherence/summary";
import { requireActor } from "@/lib/auth/actor";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireActor();
  const [activity, attention] = await Promise.all([clinicActivity(actor), listPatientsNeedingAttention(actor)]);
  const counts = [
    { label: "Active patients", value: activity.activePatients },
    { label: "Issued plans", value: activity.issuedPlans },
    { label: "Sessions logged this week", value: activity.sessionsThisWeek },
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-slate-600">
          Welcome, {actor.name}. This is {actor.clinicName}&rsquo;s workspace.
        </p>
      </div>

      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading" className="sr-only">
          This week
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          {counts.map((count) => (
            <div key={count.label} className="rounded-xl border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-600">{count.label}</dt>
              <dd className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{count.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="attention-heading" className="rounded-xl border border-slate-200 bg-white">
        <div className="border-b border-slate-200 px-5 py-4">
          <h2 id="attention-heading" className="text-lg font-semibold">
            Patients who need attention
          </h2>
          <p className="text-sm text-slate-600">Pain at or above the plan&rsquo;s alert level in the last 3 days, or nothing logged for 7 days.</p>
        </div>
        {attention.length === 0 ? (
          <p className="px-5 py-4 text-slate-700">Nobody right now.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {attention.map((item) => (
              <li key={item.planId} className="flex flex-wrap items-start justify-between gap-x-6 gap-y-1 px-5 py-3">
                <div>
                  <p className="font-medium text-slate-900">{item.patientName}</p>
                  <p className="text-sm text-slate-600">{item.planTitle}</p>
                </div>
                <div className="flex flex-1 flex-wrap items-center justify-end gap-x-4 gap-y-1">
                  <ul className="text-sm">
                    {item.alerts.map((alert) => (
                      <li key={alert.kind} className={alert.kind === "pain" ? "font-medium text-red-800" : "text-amber-900"}>
                        {describeAlert(alert, formatDay)}
                      </li>
                    ))}
                  </ul>
                  <Link href={`/plans/${item.planId}`} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-slate-50">
                    Open plan<span className="sr-only"> for {item.patientName}</span>
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
