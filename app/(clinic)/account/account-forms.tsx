"use client";
import { useActionState } from "react";
import { Field, FormError, inputClass } from "@/app/_components/form-fields";
import type { FormState } from "@/lib/auth/action";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

const initial: FormState = { ok: false };

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, formAction, pending] = useActionState(changePasswordAction, initial);
  return (
    <form action={formAction} className="max-w-md space-y-4" key={state.ok ? "done" : "form"}>
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="current-password" label="Current password" errors={state.fieldErrors?.currentPassword}>
        {(control) => <input {...control} name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <Field id="new-password" label="New password" hint="At least 12 characters. A few unrelated words make a strong, memorable password." errors={state.fieldErrors?.newPassword}>
        {(control) => <input {...control} name="newPassword" type="password" autoComplete="new-password" required minLength={12} className={inputClass} />}
      </Field>
      <Field id="confirm-password" label="New password again" errors={state.fieldErrors?.confirmPassword}>
        {(control) => <input {...control} name="confirmPassword" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      {state.ok ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">
          {state.message}
        </p>
      ) : (
        <FormError message={state.message} />
      )}
      <button type="submit" disabled={pending} className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [state, formAction, pending] = useActionState(signOutEverywhereAction, initial);
  return (
    <form action={formAction} className="space-y-2">
      <button type="submit" disabled={pending} className="rounded-lg border border-red-700 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">
        Sign out everywhere
      </button>
      <FormError message={state.message} />
    </form>
  );
}
