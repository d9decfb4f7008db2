import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/admin";
import { timeZones } from "@/lib/clinic/schema";
import { getClinicSettings } from "@/lib/clinic/settings";
import { saveClinicSettingsAction } from "./actions";
import { ClinicSettingsForm } from "./clinic-settings-form";
import { PageHeader } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function ClinicSettingsPage() {
  const actor = await requireAdmin();
  const clinic = await getClinicSettings(actor);
  if (!clinic) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title="Clinic profile">
        <p className="text-slate-700">
          What patients see on their plan page and handout: who you are, how to reach you, and where to get help in an emergency. Plans issued from now on use these settings;
          issued versions keep what they were issued with.
        </p>
      </PageHeader>
      <ClinicSettingsForm
        action={saveClinicSettingsAction}
        timeZones={timeZones()}
        logo={clinic.logoMimeType && clinic.logoBase64 ? `data:${clinic.logoMimeType};base64,${clinic.logoBase64}` : null}
        initialValues={{
          name: clinic.name,
          address: clinic.address ?? "",
          phone: clinic.phone ?? "",
          email: clinic.email ?? "",
          website: clinic.website ?? "",
          accentColour: clinic.accentColour,
          country: clinic.country,
          timeZone: clinic.timeZone,
          paperSize: clinic.paperSize,
          safetyEmergencyNumber: clinic.safetyEmergencyNumber ?? "",
          safetyUrgentAdvice: clinic.safetyUrgentAdvice ?? "",
          safetyFamilyDoctor: clinic.safetyFamilyDoctor ?? "",
        }}
      />
    </div>
  );
}
