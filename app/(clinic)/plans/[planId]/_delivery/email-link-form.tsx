"use client";
// "Email the link to the patient": needs the patient's email and, once, a tick recording their consent.
import { useActionState } from "react";
import type { FormState } from "@/lib/auth/action";
import { emailLinkAction } from "./delivery-actions";

export function EmailLinkForm({ planId, patientEmail, patientFirstName, consentRecorded }: { planId: string; patientEmail: string; patientFirstName: string; consentRecorded: string | null }) {
  const [state, formAction, pending] = useActionState(emailLinkAction, { ok: false } as FormState);
  const consentError = state.fieldErrors?.consent?.[0];
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      {consentRecorded ? (
        <p className="text-sm text-slate-700">
          {patientFirstName} agreed to receive their plan by email ({consentRecorded}).
        </p>
      ) : (
        <div className="flex items-start gap-2">
          <input
            id="email-consent"
            name="consent"
            type="checkbox"
            value="yes"
            aria-invalid={consentError ? true : undefined}
            aria-describedby={consentError ? "email-consent-error" : undefined}
            className="mt-1 h-4 w-4"
          />
          <label htmlFor="email-consent" className="text-sm text-slate-800">
            {patientFirstName} has agreed to receive their plan link by email at {patientEmail}
          </label>
        </div>
      )}
      {consentError ? (
        <p id="email-consent-error" className="text-sm font-medium text-red-800">
          {consentError}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-lg border border-brand-700 bg-white px-3 py-2 text-sm font-medium text-brand-900 hover:bg-brand-50 disabled:opacity-60">
        {pending ? "Sending…" : "Email the link to the patient"}
      </button>
      <div aria-live="polite">
        {state.message && !consentError ? (
          <p role={state.ok ? "status" : "alert"} className={`text-sm font-medium ${state.ok ? "text-emerald-800" : "text-red-800"}`}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
