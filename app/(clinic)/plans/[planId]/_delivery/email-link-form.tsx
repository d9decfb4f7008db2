"use client";
// "Email the link to the patient": needs the patient's email and, once, a tick recording their consent.
import { SubmitButton } from "@/app/_components/button";
import { CheckboxField, FormStatus } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { emailLinkAction } from "./delivery-actions";

export function EmailLinkForm({ planId, patientEmail, patientFirstName, consentRecorded }: { planId: string; patientEmail: string; patientFirstName: string; consentRecorded: string | null }) {
  const [state, formAction, pending] = useFormAction(emailLinkAction, { ok: false } as FormState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      {consentRecorded ? (
        <p className="text-sm text-slate-700">
          {patientFirstName} agreed to receive their plan by email ({consentRecorded}).
        </p>
      ) : (
        <CheckboxField id="email-consent" name="consent" value="yes" errors={state.fieldErrors?.consent} label={`${patientFirstName} has agreed to receive their plan link by email at ${patientEmail}`} />
      )}
      <SubmitButton pending={pending} pendingLabel="Sending…" variant="outline" size="sm">
        Email the link to the patient
      </SubmitButton>
      <FormStatus state={state} fieldsSpeak />
    </form>
  );
}
