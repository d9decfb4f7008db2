"use client";
// The admin's data-protection controls on a patient's page: export the patient's data as JSON, and
// erase the patient for good, which asks for the patient's name typed out first.
import { useFormAction } from "@/app/_components/use-form-action";
import { buttonClass, SubmitButton } from "@/app/_components/button";
import { Field, FormError, inputClass, typedValue } from "@/app/_components/form-fields";
import type { FormState } from "@/lib/auth/action";

export function PatientDataRights({
  action,
  patientId,
  patientName,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  patientId: string;
  patientName: string;
}) {
  const [state, formAction, pending] = useFormAction(action, { ok: false });
  const typed = typedValue(state, "confirmation");
  return (
    <section aria-labelledby="data-rights-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h2 id="data-rights-heading" className="text-lg font-semibold">
          Data protection
        </h2>
        <p className="text-sm text-slate-600">Only admins see this. Both actions are recorded in the activity log.</p>
      </div>
      <div>
        <a
          href={`/patients/${patientId}/export.json`}
          download
          className={buttonClass({ className: "inline-block" })}
        >
          Export data (JSON)
        </a>
        <p className="mt-1 text-sm text-slate-600">Everything held about this patient: details, plans, issued versions, session logs and the activity about them.</p>
      </div>
      <details className="rounded-lg border border-red-200 p-3">
        <summary className="cursor-pointer font-medium text-red-800">Erase this patient…</summary>
        <form action={formAction} className="mt-3 space-y-3">
          <input type="hidden" name="patientId" value={patientId} />
          <p className="text-sm text-slate-800">
            Erasing deletes the patient&rsquo;s details, plans, handouts, links and session logs for good; it cannot be undone. The
            activity log keeps only a note that a record was erased, by whom and when. Export the data first if the patient asked for a copy.
          </p>
          <Field
            id="erase-confirmation"
            label={
              <>
                Type <span className="font-semibold">{patientName}</span> to confirm
              </>
            }
            errors={state.fieldErrors?.confirmation}
          >
            {(control) => <input {...control} name="confirmation" autoComplete="off" defaultValue={typed} key={typed} className={inputClass} />}
          </Field>
          <FormError message={state.ok ? null : state.message} />
          <SubmitButton pending={pending} variant="destructive">
            Erase patient permanently
          </SubmitButton>
        </form>
      </details>
    </section>
  );
}
