import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/app/_components/button";
import { ButtonForm } from "@/app/_components/button-form";
import { PlanStatusBadge } from "@/app/_components/plan-status";
import { acknowledgedText } from "@/lib/adherence/alerts";
import { requireActor } from "@/lib/auth/actor";
import { conditionName } from "@/lib/catalogue/conditions";
import { isAdmin } from "@/lib/auth/admin";
import { listPatientActivity, openPatientRecord, type PatientActivity } from "@/lib/patients/patients";
import { clinicClock, formatDate, formatDateTime } from "@/lib/dates/format";
import { listPlansForPatient } from "@/lib/plans/plans";
import { archivePatientAction, erasePatientAction } from "../actions";
import { PatientDataRights } from "./patient-data-rights";
import { DataTable } from "@/app/_components/table-head";
import { EmptyState, PageHeader, Section } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "Patient" };


function describe(event: PatientActivity): string {
  const title = event.planTitle ?? (typeof event.detail?.title === "string" ? event.detail.title : "a plan");
  switch (event.action) {
    case "patient.created":
      return "added the patient";
    case "patient.updated":
      return event.detail?.restored ? "restored the patient from the archive" : "edited the patient's details";
    case "patient.archived":
      return "archived the patient";
    case "patient.exported":
      return "exported the patient's data";
    case "handout.downloaded":
      return `downloaded the handout of “${title}”`;
    case "share-link.copied":
      return `copied the patient link for “${title}”`;
    case "plan.created":
      return typeof event.detail?.template === "string" ? `created the plan “${title}” from the template “${event.detail.template}”` : `created the plan “${title}”`;
    case "plan.issued":
      return `issued version ${String(event.detail?.version ?? "")} of “${title}”`;
    case "plan.archived":
      return `archived the plan “${title}”`;
    case "share-link.created":
      return `created the patient link for “${title}”`;
    case "share-link.replaced":
      return `replaced the patient link for “${title}”`;
    case "share-link.revoked":
      return `revoked the patient link for “${title}”`;
    case "share-link.expiry-set":
      return `changed when the patient link for “${title}” expires`;
    case "plan.ended":
      return `${event.detail?.reason === "discharged" ? "discharged the patient from" : "completed"} the plan “${title}”`;
    case "plan.reopened":
      return `re-opened the plan “${title}”`;
    case "plan.end-date-set":
      return `changed the end date of “${title}”`;
    case "alert.acknowledged":
      return `acknowledged ${acknowledgedText(event.detail?.kind)} on “${title}”`;
    default:
      return `${event.action.replace(/[.-]/g, " ")} (“${title}”)`;
  }
}

export default async function PatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requireActor();
  const clock = clinicClock(actor.timeZone);
  const { patientId } = await params;
  // Opening the record is itself recorded in the audit trail.
  const patient = await openPatientRecord(actor, { patientId });
  if (!patient) notFound();
  const [plans, activity] = await Promise.all([listPlansForPatient(actor, { patientId }), listPatientActivity(actor, { patientId })]);

  return (
    <div className="space-y-8">
      <PageHeader
        title={patient.fullName}
        crumbs={[{ href: "/patients", label: "Patients" }]}
        badges={patient.archived ? <p className="rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-medium text-slate-800">Archived</p> : null}
        actions={
          <>
            <Link href={`/plans/new?patient=${patient.id}`} className={buttonClass({ variant: "primary" })}>
              New plan
            </Link>
            <Link href={`/patients/${patient.id}/edit`} className={buttonClass()}>
              Edit details
            </Link>
            <ButtonForm
              action={archivePatientAction}
              fields={{ patientId: patient.id, archived: patient.archived ? "false" : "true" }}
              aria-label={`${patient.archived ? "Restore patient" : "Archive patient"} ${patient.fullName}`}
            >
              {patient.archived ? "Restore patient" : "Archive patient"}
            </ButtonForm>
          </>
        }
      />

      <Section id="details" title="Details" card>
        <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Detail term="Conditions">{patient.conditions.map((slug) => conditionName(slug)).join(", ") || "None recorded"}</Detail>
          <Detail term="Responsible clinician">{patient.clinicianName ?? "None"}</Detail>
          <Detail term="Birth year">{patient.birthYear ?? "Not recorded"}</Detail>
          <Detail term="Email">{patient.email ?? "Not recorded"}</Detail>
          <Detail term="Phone">{patient.phone ?? "Not recorded"}</Detail>
          <Detail term="Added">{formatDate(patient.createdAt, clock)}</Detail>
          {patient.notes ? (
            <div className="sm:col-span-2 lg:col-span-3">
              <dt className="font-medium text-slate-600">Notes</dt>
              <dd className="whitespace-pre-line text-slate-900">{patient.notes}</dd>
            </div>
          ) : null}
        </dl>
      </Section>

      <Section id="plans" title="Plans">
        {plans?.length ? (
          <DataTable columns={["Plan", "Status", "Exercises", "Last issued", "Last edited", "Review"]}>
            {plans.map((plan) => (
              <tr key={plan.id}>
                <td className="px-4 py-3">
                  <Link href={`/plans/${plan.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {plan.title}
                  </Link>
                </td>
                <td className="px-4 py-3">
                  <PlanStatusBadge plan={plan} timeZone={actor.timeZone} />
                </td>
                <td className="px-4 py-3 text-slate-700">{plan.itemCount}</td>
                <td className="px-4 py-3 text-slate-700">{plan.lastIssuedAt ? formatDate(plan.lastIssuedAt, clock) : "Never"}</td>
                <td className="px-4 py-3 text-slate-700">{formatDate(plan.updatedAt, clock)}</td>
                <td className="px-4 py-3 text-slate-700">{plan.reviewDate ? formatDate(plan.reviewDate) : "—"}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <EmptyState>
            No plans yet. Start one with <span className="font-medium">New plan</span>, blank or from a template.
          </EmptyState>
        )}
      </Section>

      <Section id="activity" title="Activity">
        {activity?.length ? (
          <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
            {activity.map((event) => (
              <li key={event.id} className="flex flex-wrap gap-x-3 px-4 py-2.5">
                <time dateTime={event.createdAt.toISOString()} className="w-40 shrink-0 text-slate-600">
                  {formatDateTime(event.createdAt, clock)}
                </time>
                <span>
                  <span className="font-medium">{event.actorName ?? "A former colleague"}</span> {describe(event)}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-slate-700">Nothing recorded yet.</p>
        )}
      </Section>

      {isAdmin(actor) ? <PatientDataRights action={erasePatientAction} patientId={patient.id} patientName={patient.fullName} /> : null}
    </div>
  );
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
