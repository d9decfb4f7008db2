"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import type { FormState } from "@/lib/auth/action";

/** "Issue version N": asks once, then freezes the plan as the patient will see it. */
export function IssuePlanForm({
  action,
  planId,
  revision,
  nextVersion,
  patientName,
  itemCount,
  canIssue,
  upToDateText,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  planId: string;
  revision: number;
  nextVersion: number;
  patientName: string;
  itemCount: number;
  canIssue: boolean;
  upToDateText: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) setConfirming(false);
    return result;
  }, { ok: false });
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <div className="space-y-2">
      {!canIssue ? (
        <p className="text-slate-700">{upToDateText}</p>
      ) : !confirming ? (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={() => setConfirming(true)} className="rounded-lg bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800">
            Issue version {nextVersion}
          </button>
          <p className="text-sm text-slate-700">
            {nextVersion === 1 ? `Freezes this plan as version 1 for ${patientName}.` : `Freezes the current draft as version ${nextVersion}; the patient's link will show what changed.`}
          </p>
        </div>
      ) : (
        <form action={formAction} className="space-y-3 rounded-lg border border-brand-600 bg-brand-50 p-3">
          <input type="hidden" name="planId" value={planId} />
          <input type="hidden" name="revision" value={revision} />
          <p className="text-slate-900">
            Issue version {nextVersion} to {patientName}, with {itemCount} {itemCount === 1 ? "exercise" : "exercises"}? Once issued, this version does not change; later edits become version {nextVersion + 1}.
          </p>
          <div className="flex gap-2">
            <button ref={confirmRef} type="submit" disabled={pending} className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
              {pending ? "Issuing…" : `Confirm: issue version ${nextVersion}`}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={pending} className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
              Cancel
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {state.message ? (
          <p role={state.ok ? "status" : "alert"} className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-brand-50 text-brand-900" : "bg-red-50 text-red-800"}`}>
            {state.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
