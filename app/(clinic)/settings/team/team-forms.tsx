"use client";
// The team page's forms: plain forms on server actions, so they work before hydration.
import { useActionState } from "react";
import { Field, FormError, inputClass } from "@/app/_components/form-fields";
import type { FormState } from "@/lib/auth/action";
import { inviteAction, requireTwoFactorAction, resetTwoFactorAction, revokeInvitationAction, setActiveAction, setRoleAction } from "./actions";

const initial: FormState = { ok: false };
const buttonClass = "rounded-lg border px-3 py-1.5 text-sm font-medium focus-visible:outline-3 disabled:opacity-60";

function Status({ state }: { state: FormState }) {
  if (!state.message) return <div aria-live="polite" />;
  if (!state.ok) return <FormError message={state.message} />;
  return (
    <div aria-live="polite">
      <p role="status" className="text-sm font-medium text-emerald-800">
        {state.message}
      </p>
    </div>
  );
}

export function InviteForm() {
  const [state, formAction, pending] = useActionState(inviteAction, initial);
  const email = typeof state.values?.email === "string" && !state.ok ? state.values.email : "";
  return (
    <form action={formAction} className="space-y-3" key={state.ok ? "sent" : "form"}>
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field id="invite-email" label="Colleague's email" errors={state.fieldErrors?.email}>
          {(control) => <input {...control} name="email" type="email" autoComplete="off" required defaultValue={email} className={inputClass} />}
        </Field>
        <Field id="invite-role" label="Role" errors={state.fieldErrors?.role}>
          {(control) => (
            <select {...control} name="role" defaultValue="clinician" className={inputClass}>
              <option value="clinician">Clinician</option>
              <option value="admin">Admin</option>
            </select>
          )}
        </Field>
      </div>
      <button type="submit" disabled={pending} className={`${buttonClass} border-brand-700 bg-brand-700 px-4 py-2 text-white hover:bg-brand-800`}>
        {pending ? "Sending…" : "Send invitation"}
      </button>
      <Status state={state} />
    </form>
  );
}

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
  const [activeState, activeAction, activePending] = useActionState(setActiveAction, initial);
  const [roleState, roleAction, rolePending] = useActionState(setRoleAction, initial);
  const [resetState, resetAction, resetPending] = useActionState(resetTwoFactorAction, initial);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <form action={roleAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="role" value={role === "admin" ? "clinician" : "admin"} />
          <button type="submit" disabled={rolePending} className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`} aria-label={`${role === "admin" ? "Make clinician" : "Make admin"}: ${name}`}>
            {role === "admin" ? "Make clinician" : "Make admin"}
          </button>
        </form>
        {isSelf ? null : (
          <form action={activeAction}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="active" value={active ? "false" : "true"} />
            <button
              type="submit"
              disabled={activePending}
              className={`${buttonClass} ${active ? "border-red-700 bg-white text-red-800 hover:bg-red-50" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
              aria-label={`${active ? "Deactivate" : "Reactivate"}: ${name}`}
            >
              {active ? "Deactivate" : "Reactivate"}
            </button>
          </form>
        )}
        {twoFactor && !isSelf ? (
          <form action={resetAction}>
            <input type="hidden" name="userId" value={userId} />
            <button type="submit" disabled={resetPending} className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`} aria-label={`Reset two-factor: ${name}`}>
              Reset two-factor
            </button>
          </form>
        ) : null}
      </div>
      <Status state={roleState} />
      <Status state={activeState} />
      <Status state={resetState} />
    </div>
  );
}

export function RevokeInvitation({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, formAction, pending] = useActionState(revokeInvitationAction, initial);
  return (
    <form action={formAction}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" disabled={pending} className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`} aria-label={`Withdraw the invitation to ${email}`}>
        Withdraw
      </button>
      <Status state={state} />
    </form>
  );
}

/** The clinic-wide requirement: everyone signs in with a code; those without two-factor enrol first. */
export function RequireTwoFactorForm({ required }: { required: boolean }) {
  const [state, formAction, pending] = useActionState(requireTwoFactorAction, initial);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="required" value={required ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className={`${buttonClass} ${required ? "border-slate-300 bg-white text-slate-800 hover:bg-slate-50" : "border-brand-700 bg-brand-700 text-white hover:bg-brand-800"} px-4 py-2`}
      >
        {required ? "Stop requiring two-factor sign-in" : "Require two-factor sign-in for everyone"}
      </button>
      <Status state={state} />
    </form>
  );
}
