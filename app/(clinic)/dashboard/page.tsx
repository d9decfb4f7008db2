import type { Metadata } from "next";
import Link from "next/link";
import { ButtonForm } from "@/app/_components/button-form";
import { alertKindText, describeAlert, exercisePainAbove, isPainAlert } from "@/lib/adherence/alerts";
import { formatDay } from "@/lib/dates/format";
import { attentionPage, clinicActivity } from "@/lib/adherence/summary";
import { requireActor } from "@/lib/auth/actor";
import { acknowledgeAlertAction } from "./actions";
import { PageHeader } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "Dashboard" };

/** `?page=` of the attention list: anything that is not a page number reads as the first page. */
function pageOf(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { page } = await searchParams;
  const [activity, attention] = await Promise.all([clinicActivity(actor), attentionPage(actor, { page: pageOf(page) })]);
  const counts = [
    { label: "Active patients", value: activity.activePatients },
    { label: "Issued plans", value: activity.issuedPlans },
    { label: "Sessions logged this week", value: activity.sessionsThisWeek },
  ];
  return (
    <div className="space-y-8">
      <PageHeader title="Dashboard">
        <p className="text-slate-600">
          Welcome, {actor.name}. This is {actor.clinicName}&rsquo;s workspace.
        </p>
      </PageHeader>

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
          <p className="text-sm text-slate-600">
            Pain at or above the plan&rsquo;s alert level or pain during exercise above {exercisePainAbove} in the last 3 days, a knee more swollen the morning after, worse
            the morning after repeatedly, or nothing logged for 7 days; the most urgent first, then the oldest. An acknowledged alert stays quiet until
            the patient logs again; plans that have ended raise none.
          </p>
        </div>
        {attention.total === 0 ? (
          <p className="px-5 py-4 text-slate-700">Nobody right now.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {attention.items.map((item) => (
              <li key={item.planId} className="flex flex-wrap items-start justify-between gap-x-6 gap-y-1 px-5 py-3">
                <div>
                  <p className="font-medium text-slate-900">{item.patientName}</p>
                  <p className="text-sm text-slate-600">{item.planTitle}</p>
                </div>
                <div className="flex flex-1 flex-wrap items-center justify-end gap-x-4 gap-y-1">
                  <ul className="text-sm">
                    {item.alerts.map((alert) => (
                      <li key={alert.kind} className={`flex flex-wrap items-center gap-2 ${isPainAlert(alert) ? "font-medium text-red-800" : "text-amber-900"}`}>
                        <span>{describeAlert(alert, formatDay)}</span>
                        <ButtonForm action={acknowledgeAlertAction} fields={{ planId: item.planId, kind: alert.kind }} size="tiny" formClassName="inline" answer="failure">
                          Acknowledge<span className="sr-only"> the {alertKindText[alert.kind]} for {item.patientName}</span>
                        </ButtonForm>
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
        {attention.pageCount > 1 ? (
          <nav aria-label="Pages of the attention list" className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-5 py-3 text-sm">
            <p className="text-slate-700">
              Page {attention.page} of {attention.pageCount} · {attention.total} in all
            </p>
            <div className="flex gap-2">
              {attention.page > 1 ? (
                <Link href={`/dashboard?page=${attention.page - 1}`} className="rounded-lg border border-slate-300 px-3 py-1.5 font-medium text-brand-800 hover:bg-slate-50">
                  Previous page
                </Link>
              ) : null}
              {attention.page < attention.pageCount ? (
                <Link href={`/dashboard?page=${attention.page + 1}`} className="rounded-lg border border-slate-300 px-3 py-1.5 font-medium text-brand-800 hover:bg-slate-50">
                  Next page
                </Link>
              ) : null}
            </div>
          </nav>
        ) : null}
      </section>
    </div>
  );
}
