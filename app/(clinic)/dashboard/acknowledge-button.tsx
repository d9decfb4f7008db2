"use client";
// "Acknowledge" on one alert: a plain form on a server action, so it works before hydration.
import { useActionState } from "react";
import { alertKindText, type AlertKind } from "@/lib/adherence/alerts";
import type { FormState } from "@/lib/auth/action";
import { acknowledgeAlertAction } from "./actions";

export function AcknowledgeButton({ planId, kind, patientName }: { planId: string; kind: AlertKind; patientName: string }) {
  const [state, formAction, pending] = useActionState(acknowledgeAlertAction, { ok: false } as FormState);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="kind" value={kind} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        Acknowledge<span className="sr-only"> the {alertKindText[kind]} for {patientName}</span>
      </button>
      {state.message && !state.ok ? (
        <span role="alert" className="ml-2 text-xs font-medium text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
