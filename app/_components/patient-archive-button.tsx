"use client";

import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";

export function PatientArchiveButton({
  action,
  patientId,
  archived,
  patientName,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  patientId: string;
  archived: boolean;
  patientName: string;
}) {
  const [state, formAction, pending] = useFormAction(action, { ok: false });
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${archived ? "Restore patient" : "Archive patient"} ${patientName}`}
        className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {archived ? "Restore patient" : "Archive patient"}
      </button>
      <p aria-live="polite" className={`text-sm ${state.ok ? "text-slate-700" : "text-red-700"}`}>
        {state.message}
      </p>
    </form>
  );
}
