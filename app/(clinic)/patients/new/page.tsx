import type { Metadata } from "next";
import { PatientForm } from "@/app/_components/patient-form";
import { requireActor } from "@/lib/auth/actor";
import { conditions } from "@/lib/catalogue/conditions";
import { listClinicians } from "@/lib/patients/patients";
import { createPatientAction } from "../actions";
import { PageHeader } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  const actor = await requireActor();
  const clinicians = await listClinicians(actor);
  return (
    <div className="space-y-6">
      <PageHeader title="New patient" />
      <PatientForm
        action={createPatientAction}
        initialValues={{ clinicianId: actor.userId }}
        clinicians={clinicians}
        conditionOptions={conditions.map((c) => ({ slug: c.slug, name: c.name }))}
        submitLabel="Add patient"
        cancelHref="/patients"
      />
    </div>
  );
}
