"use client";
import { SubmitButton } from "@/app/_components/button";
import { FormError, NewPasswordFields } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useFormAction(resetPasswordAction, { ok: false } as FormState);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields label="New password" errors={state.fieldErrors} />
      <FormError message={state.message} />
      <SubmitButton pending={pending} pendingLabel="Saving…" size="lg" className="w-full">
        Set new password
      </SubmitButton>
    </form>
  );
}
