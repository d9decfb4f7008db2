"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { fieldErrorsOf } from "@/lib/forms/field-errors";
import { formatDose } from "@/lib/catalogue/dose";
import { doseFieldsOf, doseOfFields, longPlanThreshold, planDraftSchema, type DoseField } from "@/lib/plans/draft";
import { swapDose } from "@/lib/plans/swap-variant";
import type { PlanExercise } from "@/lib/plans/exercises";
import { exerciseVariantAction, savePlanAction } from "../../actions";
import { cautionsOf, draftInputOf, newKey, type DraftState, type FieldErrors, type ItemState, type Option } from "./builder-types";
import { ExerciseSearch, type FilterOptions } from "./exercise-search";
import { PlanItemCard } from "./plan-item-card";
import { SaveAsTemplate } from "./save-as-template";
import { Field, inputClass } from "@/app/_components/form-fields";

type Notice = { text: string; tone: "info" | "caution"; n: number };
type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; message: string };


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
  const [draft, setDraft] = useState<DraftState>(initial);
  const [revision, setRevision] = useState(initialRevision);
  const [savedText, setSavedText] = useState(() => JSON.stringify(draftInputOf(initial)));
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [notice, setNotice] = useState<Notice>({ text: "", tone: "info", n: 0 });
  const [dragKey, setDragKey] = useState<string | null>(null);
  const focusAfterMove = useRef<{ key: string; which: "up" | "down" } | null>(null);
  const [, startTransition] = useTransition();
  const saving = useRef(false);
  const leaving = useRef(false);

  const input = useMemo(() => draftInputOf(draft), [draft]);
  const currentText = useMemo(() => JSON.stringify(input), [input]);
  const dirty = currentText !== savedText;
  const clientErrors = useMemo(() => {
    const parsed = planDraftSchema.safeParse(input);
    return parsed.success ? {} : fieldErrorsOf(parsed.error);
  }, [input]);
  // The server's word stands until the next edit; the client's own checks are live.
  const errors: FieldErrors = { ...clientErrors, ...serverErrors };

  const conditionNames = useMemo(() => new Map(conditionOptions.map((o) => [o.value, o.name])), [conditionOptions]);
  const watched = useMemo(() => new Set([...patient.conditions, ...draft.conditions]), [patient.conditions, draft.conditions]);
  const cautionNames = useMemo(() => new Map([...watched].map((slug) => [slug, conditionNames.get(slug) ?? slug])), [watched, conditionNames]);

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

  // After a keyboard move, focus stays on the moved exercise's button (or its other one at an end).
  useEffect(() => {
    if (!focusAfterMove.current) return;
    const { key, which } = focusAfterMove.current;
    focusAfterMove.current = null;
    const button = document.getElementById(`item-${key}-${which}`) as HTMLButtonElement | null;
    const other = document.getElementById(`item-${key}-${which === "up" ? "down" : "up"}`) as HTMLButtonElement | null;
    (button && !button.disabled ? button : other)?.focus();
  });

  function announce(text: string, tone: Notice["tone"] = "info") {
    setNotice((previous) => ({ text, tone, n: previous.n + 1 }));
  }

  function edit(change: (draft: DraftState) => DraftState) {
    setDraft(change);
    setServerErrors({});
    if (saveState.kind === "failed" || saveState.kind === "saved") setSaveState({ kind: "idle" });
  }

  function editItem(key: string, change: (item: ItemState) => ItemState) {
    edit((d) => ({ ...d, items: d.items.map((item) => (item.key === key ? change(item) : item)) }));
  }

  function add(exercise: PlanExercise) {
    const count = draft.items.length + 1;
    edit((d) => ({ ...d, items: [...d.items, { key: newKey(), exercise, dose: doseFieldsOf(exercise.defaultDose), note: "" }] }));
    const cautions = cautionsOf(exercise, watched);
    if (cautions.length) {
      const names = cautions.map((slug) => (cautionNames.get(slug) ?? slug).toLowerCase()).join(" and ");
      announce(`${exercise.name} added as exercise ${count} of ${count}. Caution: ${exercise.name} is cautioned for ${names}${exercise.caution ? `: ${exercise.caution}` : "."}`, "caution");
    } else {
      announce(`${exercise.name} added as exercise ${count} of ${count}.`);
    }
  }

  function move(from: number, to: number, viaKeyboard: boolean) {
    if (to < 0 || to >= draft.items.length || from === to) return;
    const item = draft.items[from];
    edit((d) => {
      const items = [...d.items];
      const [moved] = items.splice(from, 1);
      items.splice(to, 0, moved);
      return { ...d, items };
    });
    announce(`${item.exercise.name} moved to position ${to + 1} of ${draft.items.length}.`);
    if (viaKeyboard) focusAfterMove.current = { key: item.key, which: to < from ? "up" : "down" };
  }

  function remove(index: number) {
    const item = draft.items[index];
    edit((d) => ({ ...d, items: d.items.filter((_, i) => i !== index) }));
    const left = draft.items.length - 1;
    announce(`${item.exercise.name} removed. ${left} ${left === 1 ? "exercise" : "exercises"} left.`);
    document.getElementById("exercise-q")?.focus();
  }

  function duplicate(index: number) {
    const item = draft.items[index];
    edit((d) => {
      const items = [...d.items];
      items.splice(index + 1, 0, { ...item, key: newKey(), dose: { ...item.dose } });
      return { ...d, items };
    });
    announce(`${item.exercise.name} duplicated as exercise ${index + 2} of ${draft.items.length + 1}. Set each side's dose separately if you need to.`);
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
      } catch {
        result = { ok: false, message: "The server could not be reached. Try again in a moment." };
      }
      const variant = result.exercise;
      if (!result.ok || !variant) {
        announce(`${item.exercise.name} was not changed: ${result.message ?? "something went wrong."}`, "caution");
        return;
      }
      const dose = swapDose({ current: doseOfFields(item.dose), from: item.exercise.defaultDose, to: variant.defaultDose });
      edit((d) => ({ ...d, items: d.items.map((it) => (it.key === key ? { ...it, exercise: variant, dose: doseFieldsOf(dose) } : it)) }));
      const position = draft.items.findIndex((it) => it.key === key) + 1;
      const done = `${item.exercise.name} swapped for the ${direction} ${variant.name} as exercise ${position}: ${formatDose(dose)}.`;
      const cautions = cautionsOf(variant, watched);
      if (cautions.length) {
        const names = cautions.map((slug) => (cautionNames.get(slug) ?? slug).toLowerCase()).join(" and ");
        announce(`${done} Caution: ${variant.name} is cautioned for ${names}${variant.caution ? `: ${variant.caution}` : "."}`, "caution");
      } else {
        announce(done);
      }
    });
  }

  function save() {
    if (saving.current) return;
    if (Object.keys(clientErrors).length) {
      setShowAllErrors(true);
      setSaveState({ kind: "failed", message: "Not saved: please correct the highlighted fields. Your edits are still here." });
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    saving.current = true;
    const sent = currentText;
    setSaveState({ kind: "saving" });
    startTransition(async () => {
      try {
        const result = await savePlanAction({ planId, revision, draft: input });
        if (result.ok) {
          setRevision(result.revision!);
          setSavedText(sent);
          setSaveState({ kind: "saved" });
        } else if (result.conflict) {
          setSaveState({ kind: "conflict", message: result.message! });
        } else {
          setServerErrors(result.fieldErrors ?? {});
          setShowAllErrors(true);
          setSaveState({ kind: "failed", message: `Not saved: ${result.message ?? "something went wrong."} Your edits are still here.` });
        }
      } catch {
        setSaveState({ kind: "failed", message: "Not saved: the server could not be reached. Your edits are still here; try again in a moment." });
      } finally {
        saving.current = false;
      }
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
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href={`/patients/${patient.id}`} className="text-brand-800 underline-offset-2 hover:underline">
              {patient.name}
            </Link>
            <span className="text-slate-500"> › </span>
            <Link href={`/plans/${planId}`} className="text-brand-800 underline-offset-2 hover:underline">
              {initial.title}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">Edit plan</h1>
          <p className="text-sm text-slate-700">
            {latestVersion > 0 ? `Version ${latestVersion} is issued. Changes here make version ${latestVersion + 1} when you issue them.` : "Not issued yet."}
          </p>
        </div>
      </div>

      <div className="sticky top-0 z-10 -mx-2 flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white/95 px-3 py-2 shadow-sm backdrop-blur">
        <button
          type="button"
          onClick={save}
          disabled={saveState.kind === "saving"}
          className="rounded-lg bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {saveState.kind === "saving" ? "Saving…" : "Save"}
        </button>
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
          className="ml-auto rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Back to plan
        </Link>
      </div>

      <div aria-live="assertive">
        {saveState.kind === "conflict" ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-red-900">
            <p className="flex-1">{saveState.message}</p>
            <button type="button" onClick={reload} className="rounded-lg bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900">
              Reload
            </button>
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
                {(props) => <input {...props} value={draft.title} onChange={(e) => edit((d) => ({ ...d, title: e.target.value }))} className={inputClass} />}
              </Field>
              <Field id="startDate" label="Start date" errors={topError("startDate")}>
                {(props) => <input {...props} type="date" value={draft.startDate} onChange={(e) => edit((d) => ({ ...d, startDate: e.target.value }))} className={inputClass} />}
              </Field>
              <Field id="reviewDate" label="Review date" errors={topError("reviewDate")}>
                {(props) => <input {...props} type="date" value={draft.reviewDate} onChange={(e) => edit((d) => ({ ...d, reviewDate: e.target.value }))} className={inputClass} />}
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
                        onChange={() =>
                          edit((d) => ({ ...d, conditions: checked ? d.conditions.filter((c) => c !== option.value) : [...d.conditions, option.value] }))
                        }
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
                <textarea {...props} rows={2} value={draft.notes} onChange={(e) => edit((d) => ({ ...d, notes: e.target.value }))} className={`${inputClass} field-sizing-content min-h-16`} />
              )}
            </Field>
          </section>

          <section aria-labelledby="items-heading" className="space-y-3">
            <h2 id="items-heading" className="text-lg font-semibold">
              Exercises
            </h2>
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
                    dragging={dragKey === item.key}
                    onDose={(field: DoseField, value) => editItem(item.key, (it) => ({ ...it, dose: { ...it.dose, [field]: value } }))}
                    onNote={(value) => editItem(item.key, (it) => ({ ...it, note: value }))}
                    onMove={(delta) => move(index, index + delta, true)}
                    onRemove={() => remove(index)}
                    onDuplicate={() => duplicate(index)}
                    onSwap={(direction) => swap(item.key, direction)}
                    onDragStart={() => setDragKey(item.key)}
                    onDragEnd={() => setDragKey(null)}
                    onDropHere={() => {
                      const from = draft.items.findIndex((it) => it.key === dragKey);
                      if (from >= 0) move(from, index, false);
                      setDragKey(null);
                    }}
                  />
                ))}
              </ol>
            )}
          </section>

          <SaveAsTemplate draft={input} defaultName={draft.title} />
        </div>

        <aside className="lg:sticky lg:top-16 lg:self-start">
          <ExerciseSearch filterOptions={filterOptions} cautionNames={cautionNames} onAdd={add} />
        </aside>
      </div>
    </div>
  );
}

