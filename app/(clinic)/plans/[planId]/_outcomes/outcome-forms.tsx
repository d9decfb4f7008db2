"use client";
// Record the PSFS (baseline or review) and ask the patient to score their activities. Plain forms
// on server actions: they work before hydration; a refused save keeps what was typed.
import { useState } from "react";
import { Button, SubmitButton } from "@/app/_components/button";
import { Field, FormStatus, inputClass, typedValue } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { activityNameMaxLength, psfsPositions, type NamedActivity } from "@/lib/outcomes/psfs-form";
import { recordPsfsAction, setPsfsRequestAction } from "./outcome-actions";

const initial: FormState = { ok: false };

/** After a save the form starts empty again; after a refusal it shows what was typed. */
function typedUnlessSaved(state: FormState, name: string, fallback = ""): string {
  return state.ok ? fallback : typedValue(state, name, fallback);
}

function ScoreInput({ position, label, state, required }: { position: number; label: string; state: FormState; required: boolean }) {
  const value = typedUnlessSaved(state, `score${position}`);
  return (
    <Field id={`psfs-score-${position}`} label={label} errors={state.fieldErrors?.[`score${position}`]}>
      {(control) => (
        <input
          {...control}
          name={`score${position}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          step={1}
          required={required}
          defaultValue={value}
          key={`${state.ok}-${value}`}
          aria-describedby={[control["aria-describedby"], "psfs-scale-hint"].filter(Boolean).join(" ")}
          className={`${inputClass} w-20 tabular-nums`}
        />
      )}
    </Field>
  );
}

export function RecordPsfsForm({ planId, activities, today }: { planId: string; activities: NamedActivity[]; today: string }) {
  const [state, formAction, pending] = useFormAction(recordPsfsAction, initial);
  const byPosition = new Map(activities.map((activity) => [activity.position, activity]));
  const free = psfsPositions.filter((position) => !byPosition.has(position));
  const first = activities.length === 0;
  const date = typedUnlessSaved(state, "recordedOn", today);
  return (
    <form action={formAction} className="space-y-4" aria-label="Record PSFS scores">
      <input type="hidden" name="planId" value={planId} />
      <p id="psfs-scale-hint" className="text-sm text-slate-700">
        Each activity from 0 (unable to perform it) to 10 (able to perform it at the same level as before the problem).
      </p>
      <Field id="psfs-recorded-on" label="Date scored" errors={state.fieldErrors?.recordedOn}>
        {(control) => <input {...control} name="recordedOn" type="date" max={today} defaultValue={date} key={date} className={`${inputClass} max-w-xs`} />}
      </Field>
      {activities.length > 0 ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">The patient&rsquo;s activities</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {activities.map((activity, i) => (
              <ScoreInput key={activity.id} position={activity.position} label={`${i + 1}. ${activity.name}`} state={state} required />
            ))}
          </div>
        </fieldset>
      ) : null}
      {free.length > 0 ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">
            {first ? "Activities the patient names (up to five; at least one)" : "Add an activity (optional; it starts its own baseline)"}
          </legend>
          {free.map((position, i) => {
            const name = typedUnlessSaved(state, `name${position}`);
            const number = activities.length + i + 1;
            return (
              <div key={position} className="grid grid-cols-[1fr_auto] items-start gap-3">
                <Field id={`psfs-name-${position}`} label={`Activity ${number}${first && i === 0 ? "" : " (optional)"}`} errors={state.fieldErrors?.[`name${position}`]}>
                  {(control) => (
                    <input
                      {...control}
                      name={`name${position}`}
                      type="text"
                      maxLength={activityNameMaxLength}
                      defaultValue={name}
                      key={`${state.ok}-${name}`}
                      placeholder={i === 0 ? "e.g. climbing stairs" : undefined}
                      className={inputClass}
                    />
                  )}
                </Field>
                <ScoreInput position={position} label={`Score ${number}`} state={state} required={false} />
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <SubmitButton pending={pending} size="sm">
        {first ? "Save baseline PSFS" : "Save PSFS scores"}
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}

export function AskPatientForm({ planId, asked }: { planId: string; asked: boolean }) {
  const [state, formAction, pending] = useFormAction(setPsfsRequestAction, initial);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="ask" value={asked ? "off" : "on"} />
      <Button type="submit" disabled={pending} variant={asked ? "secondary" : "outline"} size="sm">
        {asked ? "Stop asking the patient" : "Ask the patient to score their activities"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}

/**
 * The record form in a disclosure that stays as the clinician left it: open at first (no baseline
 * yet), and still open after a save so its confirmation shows, though the page then has scores.
 */
export function RecordPsfsPanel({ planId, activities, today, initiallyOpen }: { planId: string; activities: NamedActivity[]; today: string; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="rounded-lg border border-slate-200 p-3" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-semibold text-slate-900">{activities.length === 0 ? "Record the baseline PSFS" : "Record PSFS scores (review)"}</summary>
      <div className="mt-3">
        <RecordPsfsForm planId={planId} activities={activities} today={today} />
      </div>
    </details>
  );
}
