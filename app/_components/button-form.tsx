"use client";
// One button that posts a small form (archive, restore, acknowledge, withdraw…): its hidden fields,
// the button, and the answer beside it. A plain form on a server action, so it works before
// hydration, and it posts to the page's own address (useFormAction).

import { Button, type ButtonStyle } from "./button";
import { useFormAction } from "./use-form-action";

type State = { ok: boolean; message?: string };

export type ButtonFormProps = ButtonStyle & {
  action: (state: State, formData: FormData) => Promise<State>;
  /** the hidden fields the action reads */
  fields: Record<string, string>;
  children: React.ReactNode;
  pendingLabel?: string;
  "aria-label"?: string;
  /** the form's own layout; the answer sits below the button unless this says otherwise */
  formClassName?: string;
  /** "failure": only a refusal is shown (the page itself shows what changed) */
  answer?: "both" | "failure";
};

export function ButtonForm({ action, fields, children, pendingLabel, formClassName = "inline-flex flex-col items-start gap-1", answer = "both", variant = "secondary", size = "md", className, ...label }: ButtonFormProps) {
  const [state, formAction, pending] = useFormAction(action, { ok: false });
  const shown = state.ok && answer === "failure" ? undefined : state.message;
  return (
    <form action={formAction} className={formClassName}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" disabled={pending} variant={variant} size={size} className={className} {...label}>
        {pending && pendingLabel ? pendingLabel : children}
      </Button>
      <div aria-live="polite">
        {shown ? (
          <p role={state.ok ? "status" : "alert"} className={`max-w-xs text-sm ${state.ok ? "text-slate-700" : "text-red-700"}`}>
            {shown}
          </p>
        ) : null}
      </div>
    </form>
  );
}
