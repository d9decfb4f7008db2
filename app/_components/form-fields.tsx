// The clinic forms' fields: a label, an optional hint, the control and its error, linked for screen
// readers by aria-describedby, with what was typed as the default value (a refused save echoes it).
export const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";
/** The small controls of a dense panel (the builder's filters and doses). */
export const compactInputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";

/** The ids a control is described by: its hint and its error, when it has them. */
export function describedBy(id: string, hint: boolean, errors: boolean): string | undefined {
  return [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A refused save's message for the whole form, announced when it appears. */
export function FormError({ message, id }: { message?: string | null; id?: string }) {
  return (
    <div aria-live="polite">
      {message ? (
        <p id={id} role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function FieldError({ id, errors, compact }: { id: string; errors?: string[]; compact?: boolean }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className={compact ? "mt-0.5 text-xs text-red-700" : "mt-1 text-sm text-red-700"}>
      {errors.join(" ")}
    </p>
  );
}

/** What a field gives its control: the id its label points at, and its invalid and described-by state. */
export type ControlProps = { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/**
 * A label, an optional hint and the field's errors around any control. `compact`: the small label
 * of a dense panel; `className`: the field's place in its row or grid.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  compact,
  className,
  children,
}: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  errors?: string[];
  compact?: boolean;
  className?: string;
  children: (control: ControlProps) => React.ReactNode;
}) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={id} className={compact ? "mb-0.5 block text-xs font-medium text-slate-700" : "mb-1 block text-sm font-medium"}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": invalid || undefined, "aria-describedby": describedBy(id, Boolean(hint), invalid) })}
      <FieldError id={`${id}-error`} errors={errors} compact={compact} />
    </div>
  );
}

/** A tick box with its label beside it, and its error below, linked as in `Field`. */
export function CheckboxField({ id, name, value, label, errors }: { id: string; name: string; value: string; label: React.ReactNode; errors?: string[] }) {
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <div className="flex items-start gap-2">
        <input id={id} name={name} type="checkbox" value={value} aria-invalid={invalid || undefined} aria-describedby={describedBy(id, false, invalid)} className="mt-1 h-4 w-4" />
        <label htmlFor={id} className="text-sm text-slate-800">
          {label}
        </label>
      </div>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** What a form's fields are given back after a refusal: the text typed into `name`, else `fallback`. */
export function typedValue(state: { ok: boolean; values?: Record<string, string | string[]> }, name: string, fallback = ""): string {
  const value = state.values?.[name];
  return typeof value === "string" ? value : fallback;
}

/**
 * A form's answer: its confirmation as a status, or its refusal as an alert. `fieldsSpeak`: a
 * refusal whose fields show their own errors adds no message of its own (a short form).
 */
export function FormStatus({ state, fieldsSpeak }: { state: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> }; fieldsSpeak?: boolean }) {
  if (!state.ok) return <FormError message={fieldsSpeak && state.fieldErrors ? null : state.message} />;
  return (
    <div aria-live="polite">
      {state.message ? (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

const passwordHint = "At least 12 characters. A few unrelated words make a strong, memorable password.";

/**
 * A new password typed twice. Never echoed: a refused form leaves both empty. `label` is what the
 * first is called ("Password", "New password"); the second is the same "again". `idPrefix` keeps
 * the ids apart from another password field on the page.
 */
export function NewPasswordFields({
  label,
  idPrefix = "",
  names = { password: "password", confirm: "confirmPassword" },
  errors,
}: {
  label: string;
  idPrefix?: string;
  names?: { password: string; confirm: string };
  errors?: Record<string, string[]>;
}) {
  return (
    <>
      <Field id={`${idPrefix}password`} label={label} hint={passwordHint} errors={errors?.[names.password]}>
        {(control) => <input {...control} name={names.password} type="password" autoComplete="new-password" required minLength={12} className={inputClass} />}
      </Field>
      <Field id={`${idPrefix}confirm-password`} label={`${label} again`} errors={errors?.[names.confirm]}>
        {(control) => <input {...control} name={names.confirm} type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
    </>
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

/**
 * A list to choose one from; `children` are options before the list's own (a "none" choice). A form
 * posts it by `name`; a panel that keeps the choice itself passes `value` and `onChange` instead.
 */
export function SelectField({
  name,
  id = name,
  defaultValue,
  value,
  onChange,
  options,
  width = "",
  children,
  ...field
}: Omit<FieldProps, "hint" | "required" | "defaultValue" | "name"> & {
  name?: string;
  defaultValue?: string;
  value?: string;
  onChange?: (event: React.ChangeEvent<HTMLSelectElement>) => void;
  hint?: React.ReactNode;
  compact?: boolean;
  className?: string;
  options: { value: string; label: string }[];
  width?: "max-w-xs" | "max-w-md" | "";
  children?: React.ReactNode;
}) {
  return (
    <Field id={id ?? ""} {...field}>
      {(control) => (
        <select {...control} name={name} defaultValue={defaultValue} value={value} onChange={onChange} className={`${field.compact ? compactInputClass : inputClass} ${width}`.trim()}>
          {children}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A search box: a plain GET form's `q` (`defaultValue`), or a panel's own (`value` and `onChange`).
 */
export function SearchField({
  id,
  name,
  label,
  placeholder,
  className,
  ...input
}: {
  id: string;
  name?: string;
  label: string;
  placeholder?: string;
  className?: string;
  maxLength?: number;
  defaultValue?: string;
  value?: string;
  onChange?: (event: React.ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <Field id={id} label={label} className={className}>
      {(control) => <input {...control} {...input} name={name} type="search" placeholder={placeholder} autoComplete="off" className={`${inputClass} placeholder:text-slate-500`} />}
    </Field>
  );
}
