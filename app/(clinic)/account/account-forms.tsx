"use client";
import { Button, SubmitButton } from "@/app/_components/button";
import { Field, FormError, inputClass, NewPasswordFields } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

const initial: FormState = { ok: false };

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, formAction, pending] = useFormAction(changePasswordAction, initial);
  return (
    <form action={formAction} className="max-w-md space-y-4" key={state.ok ? "done" : "form"}>
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="current-password" label="Current password" errors={state.fieldErrors?.currentPassword}>
        {(control) => <input {...control} name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <NewPasswordFields label="New password" idPrefix="new-" names={{ password: "newPassword", confirm: "confirmPassword" }} errors={state.fieldErrors} />
      {state.ok ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">
          {state.message}
        </p>
      ) : (
        <FormError message={state.message} />
      )}
      <SubmitButton pending={pending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [state, formAction, pending] = useFormAction(signOutEverywhereAction, initial);
  return (
    <form action={formAction} className="space-y-2">
      <Button type="submit" variant="danger" disabled={pending}>
        Sign out everywhere
      </Button>
      <FormError message={state.message} />
    </form>
  );
}
