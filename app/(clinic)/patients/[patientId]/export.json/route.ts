// An admin's download of one patient's data as JSON (GDPR articles 15 and 20). The export is
// recorded in the audit trail; a clinician, or a patient not of the admin's clinic, gets a 404.
import { getActor } from "@/lib/auth/actor";
import { exportPatient } from "@/lib/patients/export-patient";
import { plainResponse } from "@/lib/sharing/responses";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ patientId: string }> }) {
  const actor = await getActor();
  if (!actor) return plainResponse(401, "Sign in to export a patient's data.");
  const { patientId } = await params;
  const exported = await exportPatient(actor, { patientId });
  if (!exported) return plainResponse(404, "No such patient.");
  return new Response(JSON.stringify(exported, null, 2), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="patient-${patientId}-export.json"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
