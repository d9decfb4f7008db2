"use client";
import { useActionState } from "react";
import { Field, FormError, inputClass } from "@/app/_components/form-fields";
import type { FormState } from "@/lib/auth/action";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(resetPasswordAction, { ok: false } as FormState);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <Field id="password" label="New password" hint="At least 12 characters. A few unrelated words make a strong, memorable password." errors={state.fieldErrors?.password}>
        {(control) => <input {...control} name="password" type="password" autoComplete="new-password" required minLength={12} className={inputClass} />}
      </Field>
      <Field id="confirm-password" label="New password again" errors={state.fieldErrors?.confirmPassword}>
        {(control) => <input {...control} name="confirmPassword" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <FormError message={state.message} />
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
