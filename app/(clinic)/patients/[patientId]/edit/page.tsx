import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatientForm } from "@/app/_components/patient-form";
import { requireActor } from "@/lib/auth/actor";
import { conditions } from "@/lib/catalogue/conditions";
import { getPatient, listClinicians } from "@/lib/patients/patients";
import { updatePatientAction } from "../../actions";
import { PageHeader } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "Edit patient" };

export default async function EditPatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requireActor();
  const { patientId } = await params;
  const patient = await getPatient(actor, { patientId });
  if (!patient) notFound();
  const clinicians = await listClinicians(actor);
  // A clinician since deactivated stays selectable for this patient until someone changes it.
  if (patient.clinicianId && patient.clinicianName && !clinicians.some((c) => c.id === patient.clinicianId)) {
    clinicians.push({ id: patient.clinicianId, name: `${patient.clinicianName} (inactive)` });
  }
  return (
    <div className="space-y-6">
      <PageHeader title={`Edit ${patient.fullName}`} />
      <PatientForm
        action={updatePatientAction}
        patientId={patient.id}
        initialValues={{
          firstName: patient.firstName,
          lastName: patient.lastName,
          email: patient.email ?? "",
          phone: patient.phone ?? "",
          birthYear: patient.birthYear ? String(patient.birthYear) : "",
          conditions: patient.conditions,
          notes: patient.notes ?? "",
          clinicianId: patient.clinicianId ?? actor.userId,
        }}
        clinicians={clinicians}
        conditionOptions={conditions.map((c) => ({ slug: c.slug, name: c.name }))}
        submitLabel="Save changes"
        cancelHref={`/patients/${patient.id}`}
      />
    </div>
  );
}
