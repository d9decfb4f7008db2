// The clinic forms' fields: a label, an optional hint, the control and its error, linked for screen
// readers by aria-describedby, with what was typed as the default value (a refused save echoes it).
export const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";

/** The ids a control is described by: its hint and its error, when it has them. */
export function describedBy(id: string, hint: boolean, errors: boolean): string | undefined {
  return [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A refused save's message for the whole form, announced when it appears. */
export function FormError({ message }: { message?: string | null }) {
  return (
    <div aria-live="polite">
      {message ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}

/** What a field gives its control: the id its label points at, and its invalid and described-by state. */
export type ControlProps = { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/** A label, an optional hint and the field's errors around any control. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (control: ControlProps) => React.ReactNode;
}) {
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": invalid || undefined, "aria-describedby": describedBy(id, Boolean(hint), invalid) })}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

type FieldProps = {
  name: string;
  /** Defaults to `name`; set it when the name has dots (`defaultDose.sets`). */
  id?: string;
  label: string;
  defaultValue: string;
  errors?: string[];
  hint?: string;
  required?: boolean;
};

export function TextField({
  name,
  id = name,
  label,
  defaultValue,
  errors,
  hint,
  required,
  type = "text",
  inputMode,
  autoComplete = "off",
}: FieldProps & { type?: "text" | "email" | "tel"; inputMode?: "numeric"; autoComplete?: string }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          defaultValue={defaultValue}
          aria-required={required || undefined}
          className={inputClass}
        />
      )}
    </Field>
  );
}

export function TextArea({ name, id = name, label, defaultValue, errors, hint, required, rows }: FieldProps & { rows: number }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(control) => <textarea {...control} name={name} rows={rows} defaultValue={defaultValue} aria-required={required || undefined} className={inputClass} />}
    </Field>
  );
}
