"use client";
import Link from "next/link";
import { Field, inputClass, typedValue } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { requestResetAction } from "./actions";
import { AuthSubmit } from "../auth-card";

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useFormAction(requestResetAction, { ok: false } as FormState);
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
  const email = typedValue(state, "email");
  return (
    <form action={formAction} className="space-y-4">
      <Field id="email" label="Email" errors={state.fieldErrors?.email}>
        {(control) => <input {...control} name="email" type="email" autoComplete="username" required defaultValue={email} key={email} className={inputClass} />}
      </Field>
      <AuthSubmit message={state.message} pending={pending} pendingLabel="Sending…">
        Send me a reset link
      </AuthSubmit>
      <p className="text-center text-sm">
        <Link href="/sign-in" className="text-brand-800 underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
