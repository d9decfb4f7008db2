"use client";

// The clinic exercise form, for a new exercise and for editing one. A refused save echoes what was
// typed, and each problem shows at its field.
import Link from "next/link";
import { SaveOrCancel } from "@/app/_components/button";
import { describedBy, FieldError, FormError, SelectField, TextArea as TextAreaField, TextField as TextInputField } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import type { ExerciseFormValues } from "./form-values";

type Option = { value: string; label: string };

const levelOptions: Option[] = [
  { value: "1", label: "1 (easiest)" },
  { value: "2", label: "2" },
  { value: "3", label: "3 (hardest)" },
];

export type ExerciseFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initialValues: ExerciseFormValues;
  options: {
    regions: Option[];
    categories: Option[];
    equipment: Option[];
    conditions: Option[];
    sides: Option[];
    figures: Option[];
  };
  /** The exercise has a figure that is not one of the listed ones: offer to keep it. */
  canKeepFigure?: boolean;
  submitLabel: string;
  cancelHref: string;
};


export function ExerciseForm({ action, initialValues, options, canKeepFigure, submitLabel, cancelHref }: ExerciseFormProps) {
  const [state, formAction, pending] = useFormAction(action, { ok: false });
  const values = state.values ?? initialValues;
  const fieldErrors = state.fieldErrors ?? {};
  const text = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value.join("\n") : (value ?? "");
  };
  const list = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value : value ? [value] : [];
  };
  /** Errors of a field and of its items ("steps.2" is the third line of the steps). */
  const errorsFor = (name: string): string[] | undefined => {
    const found = Object.entries(fieldErrors).flatMap(([key, messages]) => {
      if (key === name) return messages;
      const item = key.startsWith(`${name}.`) ? Number(key.slice(name.length + 1)) : Number.NaN;
      return Number.isInteger(item) ? messages.map((m) => `Line ${item + 1}: ${m}`) : [];
    });
    return found.length ? found : undefined;
  };
  // Keyed by the echoed values, so the uncontrolled fields show what came back from the server.
  const formKey = JSON.stringify(values);
  const field = { text, list, errorsFor };

  return (
    <form action={formAction} key={formKey} className="max-w-4xl space-y-8" noValidate>
      <FormError message={state.ok ? null : state.message} />

      <Section title="About the exercise">
        <TextField f={field} name="name" label="Name" required />
        <TextField f={field} name="summary" label="Summary" hint="One sentence about what it does, up to 140 characters." required />
        <TextArea f={field} name="aliases" label="Other names" hint="Optional. One per line; search finds the exercise by these too." rows={3} />
      </Section>

      <Section title="Where it fits">
        <Checkboxes f={field} name="regions" legend="Regions" options={options.regions} />
        <Checkboxes f={field} name="categories" legend="Categories" hint="The first one ticked is the main one." options={options.categories} />
        <SelectField name="level" label="Level" width="max-w-xs" defaultValue={text("level")} errors={errorsFor("level")} options={levelOptions} />
        <Checkboxes f={field} name="equipment" legend="Equipment" options={options.equipment} columns={3} />
        <Checkboxes f={field} name="suits" legend="Suits these conditions" options={options.conditions} columns={3} />
        <Checkboxes
          f={field}
          name="cautionFor"
          legend="Take care with these conditions"
          hint="The plan builder warns before adding the exercise for a patient with one of these."
          options={options.conditions}
          columns={3}
        />
      </Section>

      <Section title="Instructions for the patient">
        <TextArea f={field} name="steps" label="Steps" hint="One step per line, in order: 1 to 8 steps. Write to the patient (“Lie on your back…”)." rows={6} required />
        <TextArea f={field} name="cues" label="Cues" hint="Optional. Up to 3 short reminders, one per line." rows={3} />
        <TextField f={field} name="caution" label="Caution" hint="Optional. When to stop or take care." />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField f={field} name="progression" label="To make it harder" hint="Optional." />
          <TextField f={field} name="regression" label="To make it easier" hint="Optional." />
        </div>
      </Section>

      <Section title="Default dose" description="What the plan builder fills in when the exercise is added. Give reps, a hold time or a duration.">
        <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4">
          <TextField f={field} name="defaultDose.sets" id="dose-sets" label="Sets" inputMode="numeric" />
          <TextField f={field} name="defaultDose.reps" id="dose-reps" label="Reps" inputMode="numeric" />
          <TextField f={field} name="defaultDose.holdSeconds" id="dose-hold" label="Hold (seconds)" inputMode="numeric" />
          <TextField f={field} name="defaultDose.durationMinutes" id="dose-duration" label="Duration (minutes)" inputMode="numeric" />
          <TextField f={field} name="defaultDose.restSeconds" id="dose-rest" label="Rest (seconds)" inputMode="numeric" />
          <TextField f={field} name="defaultDose.perDay" id="dose-per-day" label="Times a day" inputMode="numeric" />
          <TextField f={field} name="defaultDose.daysPerWeek" id="dose-days" label="Days a week" inputMode="numeric" />
          <SelectField name="defaultDose.side" id="dose-side" label="Side" defaultValue={text("defaultDose.side")} errors={errorsFor("defaultDose.side")} options={options.sides}>
            <option value="">Not stated</option>
          </SelectField>
          <TextField f={field} name="defaultDose.load" id="dose-load" label="Load" hint="Optional, e.g. light band" />
          <TextField f={field} name="defaultDose.tempo" id="dose-tempo" label="Tempo" hint="Optional, e.g. 3-1-3" />
          <TextField f={field} name="defaultDose.rangeLimit" id="dose-range" label="Range limit" hint="Optional, e.g. to 60°" />
        </div>
      </Section>

      <Section title="Figure">
        <SelectField
          name="figureSlug"
          label="Figure"
          width="max-w-md"
          hint={
            <>
              Choose the built-in figure that shows this exercise best.{" "}
              <Link href="/exercises/figures" target="_blank" className="font-medium text-brand-800 underline underline-offset-2">
                See every figure (opens in a new tab)
              </Link>
            </>
          }
          defaultValue={text("figureSlug")}
          errors={errorsFor("figureSlug")}
          options={options.figures}
        >
          {canKeepFigure ? <option value="keep">Keep the current figure</option> : null}
          <option value="">No figure</option>
        </SelectField>
      </Section>

      {errorsFor("form") ? <FieldError id="form-error" errors={errorsFor("form")} /> : null}
      <SaveOrCancel pending={pending} cancelHref={cancelHref}>
        {submitLabel}
      </SaveOrCancel>
    </form>
  );
}

type Field = {
  text: (name: string) => string;
  list: (name: string) => string[];
  errorsFor: (name: string) => string[] | undefined;
};

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h2 className="text-lg font-semibold">{title}</h2>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** A text field bound to the form's echoed values and errors. */
function TextField({ f, name, ...props }: { f: Field; name: string; id?: string; label: string; hint?: string; required?: boolean; inputMode?: "numeric" }) {
  return <TextInputField name={name} defaultValue={f.text(name)} errors={f.errorsFor(name)} {...props} />;
}

function TextArea({ f, name, ...props }: { f: Field; name: string; label: string; hint?: string; rows: number; required?: boolean }) {
  return <TextAreaField name={name} defaultValue={f.text(name)} errors={f.errorsFor(name)} {...props} />;
}

function Checkboxes({ f, name, legend, hint, options, columns = 4 }: { f: Field; name: string; legend: string; hint?: string; options: Option[]; columns?: 3 | 4 }) {
  const errors = f.errorsFor(name);
  const checked = f.list(name);
  return (
    <fieldset aria-describedby={describedBy(name, Boolean(hint), Boolean(errors))}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="mb-2 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className={`grid gap-2 sm:grid-cols-2 ${columns === 4 ? "lg:grid-cols-4" : "lg:grid-cols-3"}`}>
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm hover:border-brand-600">
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} className="mt-0.5 size-4 accent-brand-700" />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}
