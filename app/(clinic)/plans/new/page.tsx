import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button, buttonClass } from "@/app/_components/button";
import { SearchField } from "@/app/_components/form-fields";
import { requireActor } from "@/lib/auth/actor";
import { conditionName } from "@/lib/catalogue/conditions";
import { getPatient, listPatients } from "@/lib/patients/patients";
import { patientListQuerySchema } from "@/lib/patients/schema";
import { getTemplate, listTemplates } from "@/lib/plans/templates";
import { createPlanAction } from "../actions";
import { NewPlanForm } from "./new-plan-form";
import { PageHeader } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "New plan" };


function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

export default async function NewPlanPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const patientId = first(raw.patient);
  const templateId = first(raw.template);
  const template = templateId ? await getTemplate(actor, { templateId }) : null;
  if (templateId && !template) notFound();

  if (!patientId) {
    // Arrived from a template: choose the patient first.
    const query = patientListQuerySchema.parse({ q: first(raw.q) });
    const list = await listPatients(actor, query);
    return (
      <div className="max-w-3xl space-y-6">
        <PageHeader title="New plan">
          {template ? <p className="text-slate-700">Starting from the template &ldquo;{template.name}&rdquo;. Choose the patient it is for.</p> : null}
        </PageHeader>
        <form role="search" aria-label="Patients" action="/plans/new" className="flex flex-wrap items-end gap-3">
          {template ? <input type="hidden" name="template" value={template.id} /> : null}
          <SearchField id="q" name="q" label="Find the patient" defaultValue={query.q} className="min-w-64 flex-1" />
          <Button type="submit" variant="outline">
            Search
          </Button>
        </form>
        {list.items.length ? (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {list.items.map((patient) => (
              <li key={patient.id} className="flex items-center justify-between gap-4 px-4 py-3">
                <span>
                  <span className="font-medium">
                    {patient.lastName}, {patient.firstName}
                  </span>
                  <span className="block text-sm text-slate-600">{patient.conditions.map((s) => conditionName(s)).join(", ")}</span>
                </span>
                <Link
                  href={`/plans/new?patient=${patient.id}${template ? `&template=${template.id}` : ""}`}
                  aria-label={`Choose ${patient.firstName} ${patient.lastName}`}
                  className={buttonClass({ size: "xs" })}
                >
                  Choose
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">
            No patients found. <Link href="/patients/new" className="text-brand-800 underline">Add a new patient</Link> first.
          </p>
        )}
      </div>
    );
  }

  const patient = await getPatient(actor, { patientId });
  if (!patient) notFound();
  const templates = await listTemplates(actor);
  const suits = (conds: string[]) => conds.some((c) => patient.conditions.includes(c));
  // Protocols for the patient's conditions first, then the rest in their usual order.
  const ordered = [...templates.filter((t) => suits(t.conditions)), ...templates.filter((t) => !suits(t.conditions))];

  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={`New plan for ${patient.fullName}`} crumbs={[{ href: `/patients/${patient.id}`, label: patient.fullName }]}>
        <p className="text-slate-700">
          {patient.conditions.length ? `Conditions: ${patient.conditions.map((s) => conditionName(s)).join(", ")}.` : "No conditions recorded."}
        </p>
      </PageHeader>
      <NewPlanForm
        action={createPlanAction}
        patientId={patient.id}
        selectedTemplateId={template?.id ?? (ordered[0] && suits(ordered[0].conditions) ? ordered[0].id : "")}
        templates={ordered.map((t) => ({
          id: t.id,
          name: t.name,
          builtIn: t.builtIn,
          suits: suits(t.conditions),
          conditions: t.conditions.map((c) => conditionName(c)),
          exercises: t.items.map((i) => i.name),
        }))}
      />
    </div>
  );
}
