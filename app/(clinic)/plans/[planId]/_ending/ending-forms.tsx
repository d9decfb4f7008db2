"use client";
// The plan's end controls. Plain forms on server actions: they work before hydration.
import { useActionState } from "react";
import { FieldError, FormError, describedBy, inputClass } from "@/app/_components/form-fields";
import type { FormState } from "@/lib/auth/action";
import { endPlanAction, reopenPlanAction, setEndDateAction } from "./ending-actions";

const initial: FormState = { ok: false };
const buttonClass = "rounded-lg border px-3 py-2 text-sm font-medium focus-visible:outline-3 disabled:opacity-60";

function Done({ state }: { state: FormState }) {
  return (
    <div aria-live="polite">
      {state.ok && state.message ? (
        <p role="status" className="mt-2 text-sm font-medium text-emerald-800">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

function typed(state: FormState, name: string, fallback: string): string {
  const value = state.values?.[name];
  return typeof value === "string" ? value : fallback;
}

function EndDateInput({ id, label, hint, state, defaultValue }: { id: string; label: string; hint: string; state: FormState; defaultValue: string }) {
  const errors = state.fieldErrors?.endDate;
  const value = typed(state, "endDate", defaultValue);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {hint}
      </p>
      <input
        id={id}
        name="endDate"
        type="date"
        defaultValue={value}
        key={value}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, true, Boolean(errors))}
        className={`${inputClass} mt-1 max-w-xs`}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function EndDateForm({ planId, endDate }: { planId: string; endDate: string }) {
  const [state, formAction, pending] = useActionState(setEndDateAction, initial);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      <EndDateInput id="plan-end-date" label="End date" hint="The plan's last day. Leave it empty to use the review date." state={state} defaultValue={endDate} />
      {!state.ok ? <FormError message={state.fieldErrors ? null : state.message} /> : null}
      <button type="submit" disabled={pending} className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>
        Save end date
      </button>
      <Done state={state} />
    </form>
  );
}

export function EndPlanForm({ planId }: { planId: string }) {
  const [state, formAction, pending] = useActionState(endPlanAction, initial);
  const errors = state.fieldErrors?.note;
  return (
    <details className="rounded-lg border border-slate-200 p-3" open={Boolean(state.fieldErrors) || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">Complete or discharge…</summary>
      <form action={formAction} className="mt-2 space-y-2">
        <input type="hidden" name="planId" value={planId} />
        <p className="text-sm text-slate-700">
          The patient&rsquo;s link then says the plan has ended and gives your clinic&rsquo;s phone number; logging stops and its alerts go quiet. You can re-open it later.
        </p>
        <div>
          <label htmlFor="plan-end-note" className="block text-sm font-medium text-slate-800">
            Reason <span className="font-normal text-slate-600">(needed for a discharge; the patient does not see it)</span>
          </label>
          <textarea
            id="plan-end-note"
            name="note"
            rows={2}
            defaultValue={typed(state, "note", "")}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? "plan-end-note-error" : undefined}
            className={`${inputClass} mt-1`}
          />
          <FieldError id="plan-end-note-error" errors={errors} />
        </div>
        {!state.ok ? <FormError message={state.fieldErrors ? null : state.message} /> : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="reason" value="completed" disabled={pending} className={`${buttonClass} border-brand-700 bg-brand-700 text-white hover:bg-brand-800`}>
            Complete plan
          </button>
          <button type="submit" name="reason" value="discharged" disabled={pending} className={`${buttonClass} border-red-700 bg-white text-red-800 hover:bg-red-50`}>
            Discharge
          </button>
        </div>
      </form>
    </details>
  );
}

export function ReopenPlanForm({ planId, suggestedEndDate }: { planId: string; suggestedEndDate: string }) {
  const [state, formAction, pending] = useActionState(reopenPlanAction, initial);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      <EndDateInput id="plan-reopen-end-date" label="New end date" hint="Re-opening shows the plan on the patient's link again until this day." state={state} defaultValue={suggestedEndDate} />
      {!state.ok ? <FormError message={state.fieldErrors ? null : state.message} /> : null}
      <button type="submit" disabled={pending} className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>
        Re-open plan
      </button>
      <Done state={state} />
    </form>
  );
}
