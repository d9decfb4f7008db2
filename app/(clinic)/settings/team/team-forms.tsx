"use client";
// The team page's forms: plain forms on server actions, so they work before hydration.
import { Button, SubmitButton } from "@/app/_components/button";
import { ButtonForm } from "@/app/_components/button-form";
import { Field, FormStatus, inputClass, typedValue } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { inviteAction, requireTwoFactorAction, resetTwoFactorAction, revokeInvitationAction, setActiveAction, setRoleAction } from "./actions";

const initial: FormState = { ok: false };

export function InviteForm() {
  const [state, formAction, pending] = useFormAction(inviteAction, initial);
  const email = state.ok ? "" : typedValue(state, "email");
  return (
    <form action={formAction} className="space-y-3" key={state.ok ? "sent" : "form"}>
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field id="invite-email" label="Colleague's email" errors={state.fieldErrors?.email}>
          {(control) => <input {...control} name="email" type="email" autoComplete="off" required defaultValue={email} key={email} className={inputClass} />}
        </Field>
        <Field id="invite-role" label="Role" errors={state.fieldErrors?.role}>
          {(control) => (
            <select {...control} name="role" defaultValue={typedValue(state, "role", "clinician")} className={inputClass}>
              <option value="clinician">Clinician</option>
              <option value="admin">Admin</option>
            </select>
          )}
        </Field>
      </div>
      <SubmitButton pending={pending} pendingLabel="Sending…" size="sm">
        Send invitation
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}

/** A member's row of buttons. Their answers sit below the row, held here: a button may go once it has done its work. */
export function MemberActions({
  userId,
  name,
  role,
  active,
  isSelf,
  twoFactor,
}: {
  userId: string;
  name: string;
  role: "admin" | "clinician";
  active: boolean;
  isSelf: boolean;
  twoFactor: boolean;
}) {
  const roleForm = useFormAction(setRoleAction, initial);
  const activeForm = useFormAction(setActiveAction, initial);
  const resetForm = useFormAction(resetTwoFactorAction, initial);
  const roleLabel = role === "admin" ? "Make clinician" : "Make admin";
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <RowButton form={roleForm} fields={{ userId, role: role === "admin" ? "clinician" : "admin" }} label={`${roleLabel}: ${name}`}>
          {roleLabel}
        </RowButton>
        {isSelf ? null : (
          <RowButton form={activeForm} fields={{ userId, active: active ? "false" : "true" }} label={`${active ? "Deactivate" : "Reactivate"}: ${name}`} danger={active}>
            {active ? "Deactivate" : "Reactivate"}
          </RowButton>
        )}
        {twoFactor && !isSelf ? (
          <RowButton form={resetForm} fields={{ userId }} label={`Reset two-factor: ${name}`}>
            Reset two-factor
          </RowButton>
        ) : null}
      </div>
      <FormStatus state={roleForm[0]} />
      <FormStatus state={activeForm[0]} />
      <FormStatus state={resetForm[0]} />
    </div>
  );
}

function RowButton({ form: [, formAction, pending], fields, label, danger, children }: { form: ReturnType<typeof useFormAction<FormState>>; fields: Record<string, string>; label: string; danger?: boolean; children: React.ReactNode }) {
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      <Button type="submit" size="xs" variant={danger ? "danger" : "secondary"} disabled={pending} aria-label={label}>
        {children}
      </Button>
    </form>
  );
}

export function RevokeInvitation({ invitationId, email }: { invitationId: string; email: string }) {
  return (
    <ButtonForm action={revokeInvitationAction} fields={{ invitationId }} size="xs" aria-label={`Withdraw the invitation to ${email}`}>
      Withdraw
    </ButtonForm>
  );
}

/** The clinic-wide requirement: everyone signs in with a code; those without two-factor enrol first. */
export function RequireTwoFactorForm({ required }: { required: boolean }) {
  return (
    <ButtonForm action={requireTwoFactorAction} fields={{ required: required ? "false" : "true" }} size="sm" variant={required ? "secondary" : "primary"} formClassName="flex flex-col items-start gap-2">
      {required ? "Stop requiring two-factor sign-in" : "Require two-factor sign-in for everyone"}
    </ButtonForm>
  );
}
