"use client";

import { useEffect, useRef, useState } from "react";
import { Button, SubmitButton } from "@/app/_components/button";
import { useFormAction } from "@/app/_components/use-form-action";
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
  const [state, formAction, pending] = useFormAction(async (previous: FormState, formData: FormData) => {
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
          <Button variant="primary" size="lg" onClick={() => setConfirming(true)}>
            Issue version {nextVersion}
          </Button>
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
            <SubmitButton ref={confirmRef} pending={pending} pendingLabel="Issuing…">
              Confirm: issue version {nextVersion}
            </SubmitButton>
            <Button onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
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
