"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import type { PlanDraftInput } from "@/lib/plans/draft";
import { unansweredMessage } from "@/app/_components/action-errors";
import { saveTemplateAction, type SaveTemplateState } from "../../actions";
import { Button } from "@/app/_components/button";
import { Field, inputClass } from "@/app/_components/form-fields";

/** "Save as template": the exercises and doses on screen (saved or not) become a clinic template. */
export function SaveAsTemplate({ draft, defaultName }: { draft: PlanDraftInput; defaultName: string }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [state, setState] = useState<SaveTemplateState | null>(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    if (pending) return;
    startTransition(async () => {
      try {
        setState(await saveTemplateAction({ name: name || defaultName, description, conditions: draft.conditions, items: draft.items }));
      } catch (error) {
        setState({ ok: false, code: "unavailable", message: `The template was not saved. ${unansweredMessage(error)}` });
      }
    });
  }

  const nameError = state && !state.ok ? state.fieldErrors?.name : undefined;
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-medium text-slate-900">Save as template</summary>
      <div className="mt-3 space-y-3">
        <p className="text-sm text-slate-700">Keeps these exercises, doses and notes as a starting point for other patients in your clinic.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="template-name" label="Template name" errors={nameError}>
            {(control) => <input {...control} value={name} placeholder={defaultName} onChange={(e) => setName(e.target.value)} className={`${inputClass} placeholder:text-slate-500`} />}
          </Field>
          <Field id="template-description" label="Description">
            {(control) => <input {...control} value={description} onChange={(e) => setDescription(e.target.value)} className={inputClass} />}
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="outline" onClick={submit} disabled={pending}>
            {pending ? "Saving template…" : "Save template"}
          </Button>
          <p role="status" className={`text-sm ${state?.ok ? "text-brand-800" : "text-red-700"}`}>
            {state?.message}
            {state?.ok ? (
              <>
                {" "}
                <Link href="/templates" className="underline">
                  Open Templates
                </Link>
              </>
            ) : null}
          </p>
        </div>
      </div>
    </details>
  );
}
