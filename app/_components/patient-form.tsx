"use client";

import type { FormState } from "@/lib/auth/action";
import { SaveOrCancel } from "./button";
import { FieldError, FormError, SelectField, TextArea, TextField } from "./form-fields";
import { useFormAction } from "./use-form-action";

type Values = Record<string, string | string[]>;

export type PatientFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initialValues: Values;
  clinicians: { id: string; name: string }[];
  conditionOptions: { slug: string; name: string }[];
  submitLabel: string;
  cancelHref: string;
  patientId?: string;
};

export function PatientForm({ action, initialValues, clinicians, conditionOptions, submitLabel, cancelHref, patientId }: PatientFormProps) {
  const [state, formAction, pending] = useFormAction(action, { ok: false });
  // A refused save echoes what was typed, so nothing is lost.
  const values = state.values ?? initialValues;
  const errors = state.fieldErrors ?? {};
  const text = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value[0] : (value ?? "");
  };
  const list = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value : value ? [value] : [];
  };
  // Keyed by the echoed values, so the uncontrolled fields show what came back from the server.
  const formKey = JSON.stringify(values);

  return (
    <form action={formAction} key={formKey} className="max-w-3xl space-y-6" noValidate>
      {patientId ? <input type="hidden" name="patientId" value={patientId} /> : null}
      <FormError message={state.ok ? null : state.message} />

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="firstName" label="First name" required autoComplete="off" defaultValue={text("firstName")} errors={errors.firstName} />
        <TextField name="lastName" label="Last name" required autoComplete="off" defaultValue={text("lastName")} errors={errors.lastName} />
        <TextField name="email" label="Email" type="email" hint="Optional" autoComplete="off" defaultValue={text("email")} errors={errors.email} />
        <TextField name="phone" label="Phone" type="tel" hint="Optional" autoComplete="off" defaultValue={text("phone")} errors={errors.phone} />
        <TextField name="birthYear" label="Birth year" hint="Optional, e.g. 1968" inputMode="numeric" defaultValue={text("birthYear")} errors={errors.birthYear} />
        <SelectField name="clinicianId" label="Responsible clinician" defaultValue={text("clinicianId")} errors={errors.clinicianId} options={clinicians.map((c) => ({ value: c.id, label: c.name }))} />
      </div>

      <fieldset aria-describedby={errors.conditions ? "conditions-error" : undefined}>
        <legend className="mb-2 text-sm font-medium">Conditions</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {conditionOptions.map((condition) => (
            <label key={condition.slug} className="flex items-start gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm hover:border-brand-600">
              <input type="checkbox" name="conditions" value={condition.slug} defaultChecked={list("conditions").includes(condition.slug)} className="mt-0.5 size-4 shrink-0 accent-brand-700" />
              <span>{condition.name}</span>
            </label>
          ))}
        </div>
        <FieldError id="conditions-error" errors={errors.conditions} />
      </fieldset>

      <TextArea
        name="notes"
        label="Notes"
        hint="For the clinic; the patient does not see these."
        rows={4}
        defaultValue={text("notes")}
        errors={errors.notes}
      />

      <SaveOrCancel pending={pending} cancelHref={cancelHref}>
        {submitLabel}
      </SaveOrCancel>
    </form>
  );
}
