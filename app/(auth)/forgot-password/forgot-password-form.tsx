"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Field, FormError, inputClass } from "@/app/_components/form-fields";
import type { FormState } from "@/lib/auth/action";
import { requestResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState(requestResetAction, { ok: false } as FormState);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900">
          {state.message}
        </p>
        <Link href="/sign-in" className="text-sm font-medium text-brand-800 underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <Field id="email" label="Email" errors={state.fieldErrors?.email}>
        {(control) => <input {...control} name="email" type="email" autoComplete="username" required className={inputClass} />}
      </Field>
      <FormError message={state.message} />
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Sending…" : "Send me a reset link"}
      </button>
      <p className="text-center text-sm">
        <Link href="/sign-in" className="text-brand-800 underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
