"use client";
import { NewPasswordFields } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { resetPasswordAction } from "./actions";
import { AuthSubmit } from "../../auth-card";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useFormAction(resetPasswordAction, { ok: false } as FormState);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields label="New password" errors={state.fieldErrors} />
      <AuthSubmit message={state.message} pending={pending} pendingLabel="Saving…">
        Set new password
      </AuthSubmit>
    </form>
  );
}
