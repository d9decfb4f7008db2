"use client";
import { SubmitButton } from "@/app/_components/button";
import { Field, FormError, inputClass, NewPasswordFields, typedValue } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { acceptInvitationAction } from "./actions";

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
      <FormError message={state.message} />
      <SubmitButton pending={pending} pendingLabel="Creating your account…" size="lg" className="w-full">
        Create my account
      </SubmitButton>
    </form>
  );
}
