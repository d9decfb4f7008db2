"use client";
import { useActionState } from "react";
import { Field, FormError, inputClass } from "@/app/_components/form-fields";
import type { FormState } from "@/lib/auth/action";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState(acceptInvitationAction, { ok: false } as FormState);
  const name = typeof state.values?.name === "string" ? state.values.name : "";
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="name" label="Your name" hint="As patients and colleagues should see it, e.g. Lee Harper" errors={state.fieldErrors?.name}>
        {(control) => <input {...control} name="name" type="text" autoComplete="name" required defaultValue={name} className={inputClass} />}
      </Field>
      <Field id="password" label="Password" hint="At least 12 characters. A few unrelated words make a strong, memorable password." errors={state.fieldErrors?.password}>
        {(control) => <input {...control} name="password" type="password" autoComplete="new-password" required minLength={12} className={inputClass} />}
      </Field>
      <Field id="confirm-password" label="Password again" errors={state.fieldErrors?.confirmPassword}>
        {(control) => <input {...control} name="confirmPassword" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <FormError message={state.message} />
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Creating your account…" : "Create my account"}
      </button>
    </form>
  );
}
