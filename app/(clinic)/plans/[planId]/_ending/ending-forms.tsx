"use client";
// The plan's end controls. Plain forms on server actions: they work before hydration.
import { Button, SubmitButton } from "@/app/_components/button";
import { Field, FormError, FormStatus, inputClass, typedValue } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { endPlanAction, reopenPlanAction, setEndDateAction } from "./ending-actions";

const initial: FormState = { ok: false };

/** A plan-id form with one end date, its submit and its answer: set the end date, or re-open. */
function DateForm({ action, planId, id, label, hint, defaultValue, submitLabel }: { action: typeof setEndDateAction; planId: string; id: string; label: string; hint: string; defaultValue: string; submitLabel: string }) {
  const [state, formAction, pending] = useFormAction(action, initial);
  const value = typedValue(state, "endDate", defaultValue);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      <Field id={id} label={label} hint={hint} errors={state.fieldErrors?.endDate}>
        {(control) => <input {...control} name="endDate" type="date" defaultValue={value} key={value} className={`${inputClass} max-w-xs`} />}
      </Field>
      <SubmitButton pending={pending} variant="secondary" size="sm">
        {submitLabel}
      </SubmitButton>
      <FormStatus state={state} fieldsSpeak />
    </form>
  );
}

export function EndDateForm({ planId, endDate }: { planId: string; endDate: string }) {
  return <DateForm action={setEndDateAction} planId={planId} id="plan-end-date" label="End date" hint="The plan's last day. Leave it empty to use the review date." defaultValue={endDate} submitLabel="Save end date" />;
}

export function ReopenPlanForm({ planId, suggestedEndDate }: { planId: string; suggestedEndDate: string }) {
  return (
    <DateForm
      action={reopenPlanAction}
      planId={planId}
      id="plan-reopen-end-date"
      label="New end date"
      hint="Re-opening shows the plan on the patient's link again until this day."
      defaultValue={suggestedEndDate}
      submitLabel="Re-open plan"
    />
  );
}

export function EndPlanForm({ planId }: { planId: string }) {
  const [state, formAction, pending] = useFormAction(endPlanAction, initial);
  return (
    <details className="rounded-lg border border-slate-200 p-3" open={Boolean(state.fieldErrors) || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">Complete or discharge…</summary>
      <form action={formAction} className="mt-2 space-y-2">
        <input type="hidden" name="planId" value={planId} />
        <p className="text-sm text-slate-700">
          The patient&rsquo;s link then says the plan has ended and gives your clinic&rsquo;s phone number; logging stops and its alerts go quiet. You can re-open it later.
        </p>
        <Field
          id="plan-end-note"
          label={
            <>
              Reason <span className="font-normal text-slate-600">(needed for a discharge; the patient does not see it)</span>
            </>
          }
          errors={state.fieldErrors?.note}
        >
          {(control) => <textarea {...control} name="note" rows={2} defaultValue={typedValue(state, "note")} className={inputClass} />}
        </Field>
        {/* the page shows the ended plan; only a refusal is said here */}
        <FormError message={state.ok || state.fieldErrors ? null : state.message} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="reason" value="completed" disabled={pending} variant="primary" size="sm">
            Complete plan
          </Button>
          <Button type="submit" name="reason" value="discharged" disabled={pending} variant="danger" size="sm">
            Discharge
          </Button>
        </div>
      </form>
    </details>
  );
}
