"use client";
// Record the PSFS (baseline or review) and ask the patient to score their activities. Plain forms
// on server actions: they work before hydration; a refused save keeps what was typed.
import { useActionState, useState } from "react";
import { FieldError, FormError, inputClass } from "@/app/_components/form-fields";
import type { FormState } from "@/lib/auth/action";
import { activityNameMaxLength, psfsPositions, type NamedActivity } from "@/lib/outcomes/psfs-form";
import { recordPsfsAction, setPsfsRequestAction } from "./outcome-actions";

const initial: FormState = { ok: false };
const buttonClass = "rounded-lg border px-3 py-2 text-sm font-medium focus-visible:outline-3 disabled:opacity-60";
const scoreClass = `${inputClass} w-20 tabular-nums`;

function typed(state: FormState, name: string, fallback = ""): string {
  const value = state.values?.[name];
  return typeof value === "string" ? value : fallback;
}

function Done({ state }: { state: FormState }) {
  return (
    <div aria-live="polite">
      {state.ok && state.message ? (
        <p role="status" className="mt-2 text-sm font-medium text-emerald-800">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

function ScoreInput({ position, label, state, required }: { position: number; label: string; state: FormState; required: boolean }) {
  const id = `psfs-score-${position}`;
  const errors = state.fieldErrors?.[`score${position}`];
  // After a save the form starts empty again; after a refusal it shows what was typed.
  const value = state.ok ? "" : typed(state, `score${position}`);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={`score${position}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={10}
        step={1}
        required={required}
        defaultValue={value}
        key={`${state.ok}-${value}`}
        aria-invalid={errors ? true : undefined}
        aria-describedby={[errors ? `${id}-error` : null, "psfs-scale-hint"].filter(Boolean).join(" ")}
        className={`${scoreClass} mt-1`}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function RecordPsfsForm({ planId, activities, today }: { planId: string; activities: NamedActivity[]; today: string }) {
  const [state, formAction, pending] = useActionState(recordPsfsAction, initial);
  const byPosition = new Map(activities.map((activity) => [activity.position, activity]));
  const free = psfsPositions.filter((position) => !byPosition.has(position));
  const first = activities.length === 0;
  const dateErrors = state.fieldErrors?.recordedOn;
  const date = state.ok ? today : typed(state, "recordedOn", today);
  return (
    <form action={formAction} className="space-y-4" aria-label="Record PSFS scores">
      <input type="hidden" name="planId" value={planId} />
      <p id="psfs-scale-hint" className="text-sm text-slate-700">
        Each activity from 0 (unable to perform it) to 10 (able to perform it at the same level as before the problem).
      </p>
      <div>
        <label htmlFor="psfs-recorded-on" className="block text-sm font-medium text-slate-800">
          Date scored
        </label>
        <input
          id="psfs-recorded-on"
          name="recordedOn"
          type="date"
          max={today}
          defaultValue={date}
          key={date}
          aria-invalid={dateErrors ? true : undefined}
          aria-describedby={dateErrors ? "psfs-recorded-on-error" : undefined}
          className={`${inputClass} mt-1 max-w-xs`}
        />
        <FieldError id="psfs-recorded-on-error" errors={dateErrors} />
      </div>
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
            const nameId = `psfs-name-${position}`;
            const nameErrors = state.fieldErrors?.[`name${position}`];
            const name = state.ok ? "" : typed(state, `name${position}`);
            const number = activities.length + i + 1;
            return (
              <div key={position} className="grid grid-cols-[1fr_auto] items-start gap-3">
                <div>
                  <label htmlFor={nameId} className="block text-sm font-medium text-slate-800">
                    Activity {number}
                    {first && i === 0 ? "" : " (optional)"}
                  </label>
                  <input
                    id={nameId}
                    name={`name${position}`}
                    type="text"
                    maxLength={activityNameMaxLength}
                    defaultValue={name}
                    key={`${state.ok}-${name}`}
                    placeholder={i === 0 ? "e.g. climbing stairs" : undefined}
                    aria-invalid={nameErrors ? true : undefined}
                    aria-describedby={nameErrors ? `${nameId}-error` : undefined}
                    className={`${inputClass} mt-1`}
                  />
                  <FieldError id={`${nameId}-error`} errors={nameErrors} />
                </div>
                <ScoreInput position={position} label={`Score ${number}`} state={state} required={false} />
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {!state.ok ? <FormError message={state.message} /> : null}
      <button type="submit" disabled={pending} className={`${buttonClass} border-brand-700 bg-brand-700 text-white hover:bg-brand-800`}>
        {first ? "Save baseline PSFS" : "Save PSFS scores"}
      </button>
      <Done state={state} />
    </form>
  );
}

export function AskPatientForm({ planId, asked }: { planId: string; asked: boolean }) {
  const [state, formAction, pending] = useActionState(setPsfsRequestAction, initial);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="ask" value={asked ? "off" : "on"} />
      {!state.ok ? <FormError message={state.message} /> : null}
      <button
        type="submit"
        disabled={pending}
        className={`${buttonClass} ${asked ? "border-slate-300 bg-white text-slate-800 hover:bg-slate-50" : "border-brand-700 bg-white text-brand-800 hover:bg-brand-50"}`}
      >
        {asked ? "Stop asking the patient" : "Ask the patient to score their activities"}
      </button>
      <Done state={state} />
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
