// Zod issues as the one field-error shape every form shows: the issue's path joined with dots
// ("items.2.dose.sets", as the form names its fields) → its messages; an issue with no path is the
// form's own ("form"). Safe in the browser too (the builder checks its draft with it).
export type FieldErrors = Record<string, string[]>;

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

export function fieldErrorsOf(source: { readonly issues: readonly Issue[] } | readonly Issue[]): FieldErrors {
  const issues = "issues" in source ? source.issues : source;
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return fieldErrors;
}
