"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/auth/action";

export function PlanTemplateArchiveButton({
  action,
  templateId,
  templateName,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  templateId: string;
  templateName: string;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      <input type="hidden" name="templateId" value={templateId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Archive ${templateName}`}
        className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        Archive
      </button>
      {state.message && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
