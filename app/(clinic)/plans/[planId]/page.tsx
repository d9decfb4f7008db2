import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanStatusBadge } from "@/app/_components/plan-status";
import { recordRead } from "@/lib/audit/reads";
import { requireActor } from "@/lib/auth/actor";
import { conditionName } from "@/lib/catalogue/conditions";
import { formatDose } from "@/lib/catalogue/dose";
import { FigureSvg } from "@/lib/figures/svg";
import { clinicClock, formatDate, formatDateTime } from "@/lib/dates/format";
import { clinicChangesSinceIssue } from "@/lib/plans/clinic-changes";
import { getPlan, listPlanVersions } from "@/lib/plans/plans";
import { PlanEnding } from "./_ending/plan-ending";
import { PlanDelivery } from "./_delivery/plan-delivery";
import { PlanOutcomes } from "./_outcomes/plan-outcomes";
import { IssuePlanForm } from "./issue-plan-form";
import { issuePlanAction } from "../actions";
import { DataTable } from "@/app/_components/table-head";
import { EmptyState, PageHeader, Section } from "@/app/_components/page-parts";
import { buttonClass } from "@/app/_components/button";

export const metadata: Metadata = { title: "Plan" };


export default async function PlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const actor = await requireActor();
  const { planId } = await params;
  const [detail, versions, clinicChanges] = await Promise.all([
    getPlan(actor, { planId }),
    listPlanVersions(actor, { planId }),
    clinicChangesSinceIssue(actor, { planId }),
  ]);
  if (!detail || !versions) notFound();
  // Opening a plan (which shows the patient's link) is recorded in the audit trail.
  await recordRead(actor, { action: "plan.viewed", entityId: detail.plan.id, detail: { patientId: detail.patient.id } });
  const { plan, patient, items } = detail;
  const watched = new Set([...patient.conditions, ...plan.conditions]);
  const settingsChanged = Boolean(clinicChanges?.changes.length);
  const canIssue = plan.latestVersion === 0 || plan.hasUnissuedChanges || settingsChanged;
  const ended = plan.status === "ended";

  return (
    <div className="space-y-8">
      <PageHeader
        title={plan.title}
        crumbs={[
          { href: "/patients", label: "Patients" },
          { href: `/patients/${patient.id}`, label: patient.fullName },
        ]}
        actions={
          <Link href={`/plans/${plan.id}/edit`} className={buttonClass()}>
            Edit plan
          </Link>
        }
      >
        <p className="text-slate-700">
          For <span className="font-medium">{patient.fullName}</span>
          {plan.conditions.length ? ` · ${plan.conditions.map((c) => conditionName(c)).join(", ")}` : ""}
        </p>
        <PlanStatusBadge plan={plan} timeZone={actor.timeZone} />
      </PageHeader>

      <section aria-labelledby="issue-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="issue-heading" className="sr-only">
          Issue
        </h2>
        {clinicChanges && settingsChanged ? (
          <div role="note" aria-labelledby="clinic-changes-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            <h3 id="clinic-changes-heading" className="font-semibold">
              The clinic&apos;s settings have changed since version {clinicChanges.version} was issued
            </h3>
            <p className="mt-1">
              {patient.firstName}&apos;s version {clinicChanges.version} keeps what it was issued with. Issuing version {plan.latestVersion + 1} would change:
            </p>
            <ul className="mt-1 list-disc pl-5">
              {clinicChanges.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {ended ? (
          <p className="text-slate-700">This plan has ended. Re-open it below before issuing a new version.</p>
        ) : (
          <IssuePlanForm
            action={issuePlanAction}
            planId={plan.id}
            revision={plan.revision}
            nextVersion={plan.latestVersion + 1}
            patientName={patient.fullName}
            itemCount={items.length}
            canIssue={canIssue}
            upToDateText={`Version ${plan.latestVersion} is issued and matches this plan. To change what ${patient.firstName} sees, edit the plan, then issue version ${plan.latestVersion + 1}.`}
          />
        )}
      </section>

      <PlanEnding actor={actor} plan={plan} />

      <section aria-labelledby="draft-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="draft-heading" className="text-lg font-semibold">
            {plan.latestVersion > 0 && plan.hasUnissuedChanges ? "Current draft (not yet issued)" : "Exercises"}
          </h2>
          <p className="text-sm text-slate-600">
            {plan.startDate ? `Starts ${formatDate(plan.startDate)}` : "No start date"}
            {plan.reviewDate ? ` · review ${formatDate(plan.reviewDate)}` : ""}
          </p>
        </div>
        {plan.notes ? <p className="whitespace-pre-line rounded-lg bg-white p-3 text-slate-800 ring-1 ring-slate-200">{plan.notes}</p> : null}
        {items.length ? (
          <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {items.map((item, index) => {
              const cautions = item.exercise.cautionFor.filter((c) => watched.has(c));
              return (
                <li key={item.id} className="flex gap-4 p-3">
                  <span aria-hidden="true" className="flex h-14 w-20 shrink-0 items-center justify-center overflow-hidden rounded-md bg-slate-50 ring-1 ring-slate-200">
                    {item.exercise.figure ? <FigureSvg spec={item.exercise.figure} which="end" title={item.exercise.name} className="h-14 w-auto" labels={false} /> : null}
                  </span>
                  <div className="min-w-0">
                    <h3 className="font-medium">
                      {index + 1}. {item.exercise.name}
                    </h3>
                    <p className="font-semibold text-brand-900">{formatDose(item.dose)}</p>
                    {item.note ? <p className="text-sm text-slate-700">{item.note}</p> : null}
                    {cautions.length ? (
                      <p className="text-sm font-medium text-amber-900">Cautioned for {cautions.map((c) => (conditionName(c)).toLowerCase()).join(", ")}</p>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        ) : (
          <EmptyState>
            No exercises yet. <Link href={`/plans/${plan.id}/edit`} className="text-brand-800 underline">Edit the plan</Link> to add some.
          </EmptyState>
        )}
      </section>

      <Section id="versions" title="Versions">
        {versions.length ? (
          <DataTable columns={["Version", "Issued", "By", "What changed"]}>
            {versions.map((version) => (
              <tr key={version.id} className="align-top">
                <th scope="row" className="px-4 py-3 font-medium">
                  Version {version.version}
                </th>
                <td className="px-4 py-3 text-slate-700">{formatDateTime(version.issuedAt, clinicClock(actor.timeZone))}</td>
                <td className="px-4 py-3 text-slate-700">{version.issuedByName ?? "A former colleague"}</td>
                <td className="px-4 py-3 text-slate-800">
                  {version.changes ? <ChangeSummary changes={version.changes} /> : `First version · ${version.itemCount} ${version.itemCount === 1 ? "exercise" : "exercises"}`}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="text-slate-700">Not issued yet. The patient sees nothing until you issue version 1.</p>
        )}
      </Section>

      <PlanDelivery planId={plan.id} />

      {plan.status !== "archived" ? <PlanOutcomes actor={actor} planId={plan.id} issued={plan.latestVersion > 0} /> : null}
    </div>
  );
}

function ChangeSummary({ changes }: { changes: { added: string[]; removed: string[]; changed: string[] } }) {
  const rows = [
    ...changes.added.map((name) => `Added ${name}`),
    ...changes.removed.map((name) => `Removed ${name}`),
    ...changes.changed,
  ];
  if (rows.length === 0) return <span>Plan details changed (no exercise changes)</span>;
  return (
    <ul className="space-y-0.5">
      {rows.map((row) => (
        <li key={row}>{row}</li>
      ))}
    </ul>
  );
}
