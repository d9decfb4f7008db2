"use client";

import { SubmitButton } from "@/app/_components/button";
import { Field, FormError, inputClass, typedValue } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";

type TemplateOption = { id: string; name: string; builtIn: boolean; suits: boolean; conditions: string[]; exercises: string[] };

export function NewPlanForm({
  action,
  patientId,
  templates,
  selectedTemplateId,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  patientId: string;
  templates: TemplateOption[];
  selectedTemplateId: string;
}) {
  const [state, formAction, pending] = useFormAction(action, { ok: false }, `/plans/new?patient=${encodeURIComponent(patientId)}`);
  const chosen = typedValue(state, "templateId", selectedTemplateId);
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? {})} className="space-y-6">
      <input type="hidden" name="patientId" value={patientId} />
      <FormError message={state.message} />
      <Field id="title" label="Plan title" hint="Optional: the template’s name is used if you leave this empty." errors={state.fieldErrors?.title}>
        {(control) => <input {...control} name="title" defaultValue={typedValue(state, "title")} className={inputClass} />}
      </Field>
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium">Start from</legend>
        <label className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
          <input type="radio" name="templateId" value="" defaultChecked={chosen === ""} className="mt-1 size-4 shrink-0 accent-brand-700" />
          <span>
            <span className="font-medium">Blank plan</span>
            <span className="block text-sm text-slate-600">Add exercises from the catalogue yourself.</span>
          </span>
        </label>
        {templates.map((t) => (
          <label key={t.id} className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name="templateId" value={t.id} defaultChecked={chosen === t.id} className="mt-1 size-4 shrink-0 accent-brand-700" />
            <span>
              <span className="font-medium">{t.name}</span>
              {t.suits ? <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-900">Matches this patient</span> : null}
              {!t.builtIn ? <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">Your clinic</span> : null}
              <span className="block text-sm text-slate-600">{t.exercises.join(" · ")}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Creating…" size="lg">
        Create plan
      </SubmitButton>
    </form>
  );
}
