"use client";

import { useActionState } from "react";
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
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const chosen = typeof state.values?.templateId === "string" ? state.values.templateId : selectedTemplateId;
  const title = typeof state.values?.title === "string" ? state.values.title : "";
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? {})} className="space-y-6">
      <input type="hidden" name="patientId" value={patientId} />
      {state.message ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <div>
        <label htmlFor="title" className="mb-1 block text-sm font-medium">
          Plan title
        </label>
        <p id="title-hint" className="mb-1 text-xs text-slate-600">
          Optional: the template&rsquo;s name is used if you leave this empty.
        </p>
        <input
          id="title"
          name="title"
          defaultValue={title}
          aria-describedby={state.fieldErrors?.title ? "title-hint title-error" : "title-hint"}
          aria-invalid={state.fieldErrors?.title ? true : undefined}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
        />
        {state.fieldErrors?.title ? (
          <p id="title-error" className="mt-1 text-sm text-red-700">
            {state.fieldErrors.title.join(" ")}
          </p>
        ) : null}
      </div>
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
      <button type="submit" disabled={pending} className="rounded-lg bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Creating…" : "Create plan"}
      </button>
    </form>
  );
}
