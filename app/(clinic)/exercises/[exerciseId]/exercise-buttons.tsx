"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/auth/action";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const secondary = "rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60";
const primaryClass = "rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60";

/** Copies the exercise into the clinic and opens the copy's edit form. */
export function DuplicateExerciseButton({ action, exerciseId, label, primary }: { action: Action; exerciseId: string; label: string; primary: boolean }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <button type="submit" disabled={pending} className={primary ? primaryClass : secondary}>
        {pending ? "Copying…" : label}
      </button>
      <p aria-live="polite" className="text-sm text-red-700">
        {state.ok ? null : state.message}
      </p>
    </form>
  );
}

export function ArchiveExerciseButton({ action, exerciseId, archived, exerciseName }: { action: Action; exerciseId: string; archived: boolean; exerciseName: string }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button type="submit" disabled={pending} aria-label={`${archived ? "Restore" : "Archive"} ${exerciseName}`} className={secondary}>
        {archived ? "Restore" : "Archive"}
      </button>
      <p aria-live="polite" className={`max-w-xs text-sm ${state.ok ? "text-slate-700" : "text-red-700"}`}>
        {state.message}
      </p>
    </form>
  );
}
