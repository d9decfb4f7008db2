"use client";
import { Field, inputClass, NewPasswordFields, typedValue } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { acceptInvitationAction } from "./actions";
import { AuthSubmit } from "../../auth-card";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useFormAction(acceptInvitationAction, { ok: false } as FormState);
  const name = typedValue(state, "name");
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="name" label="Your name" hint="As patients and colleagues should see it, e.g. Lee Harper" errors={state.fieldErrors?.name}>
        {(control) => <input {...control} name="name" type="text" autoComplete="name" required defaultValue={name} key={name} className={inputClass} />}
      </Field>
      <NewPasswordFields label="Password" errors={state.fieldErrors} />
      <AuthSubmit message={state.message} pending={pending} pendingLabel="Creating your account…">
        Create my account
      </AuthSubmit>
    </form>
  );
}
