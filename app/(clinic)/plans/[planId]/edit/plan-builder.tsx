"use client";

import Link from "next/link";
import { useEffect, useMemo, useReducer, useRef, useTransition } from "react";
import { fieldErrorsOf } from "@/lib/forms/field-errors";
import { doseOfFields, longPlanThreshold, planDraftSchema, type DoseField } from "@/lib/plans/draft";
import { swapDose } from "@/lib/plans/swap-variant";
import type { PlanExercise } from "@/lib/plans/exercises";
import { unansweredMessage } from "@/app/_components/action-errors";
import { exerciseVariantAction } from "../../actions";
import { builderReducer, initialBuilderState, type CautionContext } from "./builder-reducer";
import { cautionsOf, draftInputOf, newKey, type DraftState, type FieldErrors, type Option } from "./builder-types";
import { ExerciseSearch, type FilterOptions } from "./exercise-search";
import { PlanItemCard } from "./plan-item-card";
import { SaveAsTemplate } from "./save-as-template";
import { useReorder } from "./use-reorder";
import { useSavePlan } from "./use-save-plan";
import { Field, inputClass } from "@/app/_components/form-fields";
import { Button, buttonClass } from "@/app/_components/button";
import { PageHeader, Section } from "@/app/_components/page-parts";

export function PlanBuilder({
  planId,
  revision: initialRevision,
  latestVersion,
  patient,
  initial,
  conditionOptions,
  filterOptions,
}: {
  planId: string;
  revision: number;
  latestVersion: number;
  patient: { id: string; name: string; conditions: string[] };
  initial: DraftState;
  conditionOptions: (Option & { name: string })[];
  filterOptions: FilterOptions;
}) {
  const [state, dispatch] = useReducer(builderReducer, undefined, () =>
    initialBuilderState(initial, initialRevision, JSON.stringify(draftInputOf(initial))),
  );
  const { draft, save: saveState, serverErrors, showAllErrors, notice } = state;
  const [, startTransition] = useTransition();
  const leaving = useRef(false);

  const input = useMemo(() => draftInputOf(draft), [draft]);
  const currentText = useMemo(() => JSON.stringify(input), [input]);
  const dirty = currentText !== state.savedText;
  const clientErrors = useMemo(() => {
    const parsed = planDraftSchema.safeParse(input);
    return parsed.success ? {} : fieldErrorsOf(parsed.error);
  }, [input]);
  // The server's word stands until the next edit; the client's own checks are live.
  const errors: FieldErrors = { ...clientErrors, ...serverErrors };

  const conditionNames = useMemo(() => new Map(conditionOptions.map((o) => [o.value, o.name])), [conditionOptions]);
  const watched = useMemo(() => new Set([...patient.conditions, ...draft.conditions]), [patient.conditions, draft.conditions]);
  const cautionNames = useMemo(() => new Map([...watched].map((slug) => [slug, conditionNames.get(slug) ?? slug])), [watched, conditionNames]);
  const cautions: CautionContext = { watched, names: cautionNames };

  const save = useSavePlan({ planId, state, dispatch, input, currentText, clientErrors });
  const reorder = useReorder(draft.items, dispatch);

  // Leaving with unsaved changes asks first (the browser shows its own wording).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (leaving.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  function add(exercise: PlanExercise) {
    dispatch({ type: "add", exercise, key: newKey(), cautions });
  }

  function remove(index: number) {
    dispatch({ type: "remove", index });
    document.getElementById("exercise-q")?.focus();
  }

  /** "Easier" / "Harder": the item becomes its variant in place, keeping the clinician's dose where it fits. */
  function swap(key: string, direction: "easier" | "harder") {
    const item = draft.items.find((it) => it.key === key);
    const target = item?.exercise[direction][0];
    if (!item || !target) return;
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof exerciseVariantAction>>;
      try {
        result = await exerciseVariantAction({ slug: target.slug });
      } catch (error) {
        dispatch({ type: "swap-failed", key, reason: `. ${unansweredMessage(error)}` });
        return;
      }
      if (!result.ok) {
        dispatch({ type: "swap-failed", key, reason: `: ${result.message}` });
        return;
      }
      const variant = result.exercise;
      const dose = swapDose({ current: doseOfFields(item.dose), from: item.exercise.defaultDose, to: variant.defaultDose });
      dispatch({ type: "swap", key, direction, variant, dose, cautions });
    });
  }

  function reload() {
    leaving.current = true;
    window.location.reload();
  }

  const itemErrors = (index: number): FieldErrors => {
    const prefix = `items.${index}.`;
    const mine: FieldErrors = {};
    for (const [key, messages] of Object.entries(errors)) if (key.startsWith(prefix)) mine[key.slice(prefix.length)] = messages;
    return mine;
  };
  const topError = (key: string) => (showAllErrors || serverErrors[key] || key === "title" ? errors[key] : undefined);

  const status =
    saveState.kind === "saving"
      ? "Saving…"
      : saveState.kind === "conflict"
        ? "Not saved: changed elsewhere"
        : saveState.kind === "failed"
          ? "Not saved"
          : dirty
            ? "Unsaved changes"
            : "Saved";

  return (
    <div className="space-y-5">
      <PageHeader
        title="Edit plan"
        crumbs={[
          { href: `/patients/${patient.id}`, label: patient.name },
          { href: `/plans/${planId}`, label: initial.title },
        ]}
      >
        <p className="text-sm text-slate-700">
          {latestVersion > 0 ? `Version ${latestVersion} is issued. Changes here make version ${latestVersion + 1} when you issue them.` : "Not issued yet."}
        </p>
      </PageHeader>

      <div className="sticky top-0 z-10 -mx-2 flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white/95 px-3 py-2 shadow-sm backdrop-blur">
        <Button variant="primary" onClick={save} disabled={saveState.kind === "saving"} className="min-w-20">
          {saveState.kind === "saving" ? "Saving…" : "Save"}
        </Button>
        <p role="status" className={`text-sm font-medium ${saveState.kind === "failed" || saveState.kind === "conflict" ? "text-red-700" : dirty ? "text-amber-800" : "text-brand-800"}`} data-testid="save-status">
          {status}
        </p>
        <span className="text-sm text-slate-600">
          {draft.items.length} {draft.items.length === 1 ? "exercise" : "exercises"}
        </span>
        <Link
          href={`/plans/${planId}`}
          onClick={(event) => {
            if (dirty && !window.confirm("You have unsaved changes. Leave without saving them?")) event.preventDefault();
          }}
          className={buttonClass({ size: "sm", className: "ml-auto" })}
        >
          Back to plan
        </Link>
      </div>

      <div aria-live="assertive">
        {saveState.kind === "conflict" ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-red-900">
            <p className="flex-1">{saveState.message}</p>
            <Button variant="destructive" onClick={reload}>
              Reload
            </Button>
          </div>
        ) : saveState.kind === "failed" ? (
          <p role="alert" className="rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-red-900">
            {saveState.message}
          </p>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-5">
          <section aria-labelledby="details-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
            <h2 id="details-heading" className="text-lg font-semibold">
              Plan details
            </h2>
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem_10rem]">
              <Field id="title" label="Title" errors={topError("title")}>
                {(props) => <input {...props} value={draft.title} onChange={(e) => dispatch({ type: "set-field", field: "title", value: e.target.value })} className={inputClass} />}
              </Field>
              <Field id="startDate" label="Start date" errors={topError("startDate")}>
                {(props) => <input {...props} type="date" value={draft.startDate} onChange={(e) => dispatch({ type: "set-field", field: "startDate", value: e.target.value })} className={inputClass} />}
              </Field>
              <Field id="reviewDate" label="Review date" errors={topError("reviewDate")}>
                {(props) => <input {...props} type="date" value={draft.reviewDate} onChange={(e) => dispatch({ type: "set-field", field: "reviewDate", value: e.target.value })} className={inputClass} />}
              </Field>
            </div>
            <fieldset>
              <legend className="mb-1 text-sm font-medium">Focus conditions</legend>
              <div className="flex flex-wrap gap-2">
                {conditionOptions.map((option) => {
                  const checked = draft.conditions.includes(option.value);
                  return (
                    <label key={option.value} className="flex items-center gap-2 rounded-full border border-slate-300 px-3 py-1 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                      <input
                        type="checkbox"
                        checked={checked}
                        onChange={() => dispatch({ type: "toggle-condition", condition: option.value })}
                        className="size-4 accent-brand-700"
                      />
                      {option.label}
                    </label>
                  );
                })}
              </div>
            </fieldset>
            <Field id="notes" label="Notes for the patient" hint="Shown at the top of the plan and the handout." errors={topError("notes")}>
              {(props) => (
                <textarea {...props} rows={2} value={draft.notes} onChange={(e) => dispatch({ type: "set-field", field: "notes", value: e.target.value })} className={`${inputClass} field-sizing-content min-h-16`} />
              )}
            </Field>
          </section>

          <Section id="items" title="Exercises">
            <div role="status" aria-live="polite" data-testid="builder-notice">
              {notice.text ? (
                <p className={`rounded-lg px-3 py-2 text-sm ${notice.tone === "caution" ? "border border-amber-300 bg-amber-50 text-amber-950" : "bg-slate-100 text-slate-800"}`}>
                  {notice.text}
                  {/* A repeated message is still announced: the hidden counter changes the text. */}
                  <span className="sr-only">{notice.n % 2 ? "\u00a0" : ""}</span>
                </p>
              ) : null}
            </div>
            {draft.items.length > longPlanThreshold ? (
              <p className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">
                This plan has {draft.items.length} exercises. Evidence favours 2–4 in a home programme: fewer exercises are more likely to be done. Consider keeping the ones that matter most now.
              </p>
            ) : null}
            {draft.items.length === 0 ? (
              <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">No exercises yet. Search the catalogue to add some.</p>
            ) : (
              <ol aria-label="Exercises in this plan" className="space-y-3">
                {draft.items.map((item, index) => (
                  <PlanItemCard
                    key={item.key}
                    item={item}
                    index={index}
                    count={draft.items.length}
                    errors={itemErrors(index)}
                    cautions={cautionsOf(item.exercise, watched).map((slug) => ({ name: cautionNames.get(slug) ?? slug }))}
                    dragging={reorder.dragKey === item.key}
                    onDose={(field: DoseField, value) => dispatch({ type: "set-dose", key: item.key, field, value })}
                    onNote={(value) => dispatch({ type: "set-note", key: item.key, value })}
                    onShowVariants={(value) => dispatch({ type: "set-show-variants", key: item.key, value })}
                    onMove={(delta) => reorder.moveBy(index, delta)}
                    onRemove={() => remove(index)}
                    onDuplicate={() => dispatch({ type: "duplicate", index, key: newKey() })}
                    onSwap={(direction) => swap(item.key, direction)}
                    onDragStart={() => reorder.startDrag(item.key)}
                    onDragEnd={reorder.endDrag}
                    onDropHere={() => reorder.dropOn(index)}
                  />
                ))}
              </ol>
            )}
          </Section>

          <SaveAsTemplate draft={input} defaultName={draft.title} />
        </div>

        <aside className="lg:sticky lg:top-16 lg:self-start">
          <ExerciseSearch filterOptions={filterOptions} cautionNames={cautionNames} onAdd={add} />
        </aside>
      </div>
    </div>
  );
}

