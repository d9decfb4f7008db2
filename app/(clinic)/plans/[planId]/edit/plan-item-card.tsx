"use client";

import { doseSchema, formatDose, sideLabels, sides } from "@/lib/catalogue/dose";
import { doseOfFields, type DoseField } from "@/lib/plans/draft";
import { FigureSvg } from "@/lib/figures/svg";
import type { FieldErrors, ItemState } from "./builder-types";
import { Button } from "@/app/_components/button";
import { Field, SelectField, compactInputClass } from "@/app/_components/form-fields";

const numberFields: { field: DoseField; label: string; unit?: string; unitText?: string }[] = [
  { field: "sets", label: "Sets" },
  { field: "reps", label: "Reps" },
  { field: "holdSeconds", label: "Hold", unit: "s", unitText: "seconds" },
  { field: "durationMinutes", label: "Duration", unit: "min", unitText: "minutes" },
  { field: "restSeconds", label: "Rest", unit: "s", unitText: "seconds" },
  { field: "perDay", label: "Times a day" },
  { field: "daysPerWeek", label: "Days a week" },
];

const textFields: { field: DoseField; label: string; placeholder: string; wide?: boolean }[] = [
  { field: "load", label: "Load or band", placeholder: "e.g. red band", wide: true },
  { field: "tempo", label: "Tempo", placeholder: "3-1-3" },
  { field: "rangeLimit", label: "Range limit", placeholder: "e.g. to 90°", wide: true },
];

const sideOptions = sides.map((side) => ({ value: side, label: sideLabels[side] }));

export type ItemCardProps = {
  item: ItemState;
  index: number;
  count: number;
  errors: FieldErrors;
  cautions: { name: string }[];
  dragging: boolean;
  onDose: (field: DoseField, value: string) => void;
  onNote: (value: string) => void;
  onShowVariants: (value: boolean) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onDuplicate: () => void;
  onSwap: (direction: "easier" | "harder") => void;
  onDragStart: () => void;
  onDragEnd: () => void;
  onDropHere: () => void;
};

export function PlanItemCard(props: ItemCardProps) {
  const { item, index, count, errors, cautions } = props;
  const { exercise } = item;
  const id = (field: string) => `item-${item.key}-${field}`;
  const dose = doseSchema.safeParse(doseOfFields(item.dose));
  const headingId = id("name");
  const fieldError = (field: string) => errors[`dose.${field}`] ?? (field === "note" ? errors.note : undefined);

  return (
    <li
      aria-labelledby={headingId}
      className={`rounded-xl border bg-white p-3 shadow-sm transition ${props.dragging ? "border-brand-600 opacity-60" : "border-slate-200"}`}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        props.onDropHere();
      }}
    >
      <div className="flex gap-3">
        <div
          draggable
          onDragStart={(event) => {
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData("text/plain", item.key);
            props.onDragStart();
          }}
          onDragEnd={props.onDragEnd}
          title="Drag to reorder"
          className="flex w-24 shrink-0 cursor-grab flex-col items-center gap-1 active:cursor-grabbing"
        >
          <span className="flex h-16 w-24 items-center justify-center overflow-hidden rounded-lg bg-slate-50 ring-1 ring-slate-200">
            {exercise.figure ? (
              <FigureSvg spec={exercise.figure} which="end" title={`${exercise.name} figure`} className="h-16 w-auto" labels={false} />
            ) : (
              <span className="text-xs text-slate-500">No figure</span>
            )}
          </span>
          <span aria-hidden="true" className="text-xs tracking-widest text-slate-600 select-none">
            ⋮⋮ drag
          </span>
        </div>

        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <h3 id={headingId} className="font-semibold text-slate-900">
                <span className="mr-1.5 inline-flex size-6 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-900">
                  {index + 1}
                </span>
                {exercise.name}
                {exercise.clinicOwn ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">Clinic</span> : null}
              </h3>
              <p className="mt-0.5 text-sm font-semibold text-brand-900" aria-live="off" data-testid="dose-line">
                {dose.success ? formatDose(dose.data) : <span className="font-normal text-red-700">Check the dose fields marked below.</span>}
              </p>
              {exercise.easier.length || exercise.harder.length ? (
                <div className="mt-1.5 flex flex-wrap gap-1.5 text-sm">
                  {(["easier", "harder"] as const).map((direction) => {
                    const target = exercise[direction][0];
                    if (!target) return null;
                    const label = direction === "easier" ? "Easier" : "Harder";
                    return (
                      <Button
                        key={direction}
                        size="tool"
                        onClick={() => props.onSwap(direction)}
                        aria-label={`${label}: ${target.name}, instead of ${exercise.name}`}
                        title={`Swap for ${target.name}, keeping the dose where it fits`}
                      >
                        <span aria-hidden="true">{direction === "easier" ? "↓ " : "↑ "}</span>
                        {label}: {target.name}
                      </Button>
                    );
                  })}
                </div>
              ) : null}
            </div>
            <div className="flex flex-wrap gap-1 text-sm">
              <Button size="tool" id={id("up")} onClick={() => props.onMove(-1)} disabled={index === 0} aria-label={`Move ${exercise.name} up`} title="Move up">
                <span aria-hidden="true">↑</span>
              </Button>
              <Button size="tool" id={id("down")} onClick={() => props.onMove(1)} disabled={index === count - 1} aria-label={`Move ${exercise.name} down`} title="Move down">
                <span aria-hidden="true">↓</span>
              </Button>
              <Button size="tool" onClick={props.onDuplicate} aria-label={`Duplicate ${exercise.name}`}>
                Duplicate
              </Button>
              <Button size="tool" variant="danger-quiet" onClick={props.onRemove} aria-label={`Remove ${exercise.name}`}>
                Remove
              </Button>
            </div>
          </div>

          {cautions.map((caution) => (
            <p key={caution.name} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              <span className="font-semibold">Caution: </span>
              {exercise.name} is cautioned for {caution.name.toLowerCase()}
              {exercise.caution ? `: ${exercise.caution}` : "."}
            </p>
          ))}

          <div className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-7">
            {numberFields.map(({ field, label, unit, unitText }) => (
              <Field
                key={field}
                id={id(field)}
                compact
                errors={fieldError(field)}
                label={
                  <>
                    {label}
                    {unit ? (
                      <>
                        <span aria-hidden="true" className="font-normal text-slate-600">
                          {" "}
                          ({unit})
                        </span>
                        <span className="sr-only"> in {unitText}</span>
                      </>
                    ) : null}
                  </>
                }
              >
                {(control) => <input {...control} inputMode="numeric" autoComplete="off" value={item.dose[field]} onChange={(event) => props.onDose(field, event.target.value)} className={compactInputClass} />}
              </Field>
            ))}
          </div>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
            <SelectField id={id("side")} label="Side" value={item.dose.side} onChange={(event) => props.onDose("side", event.target.value)} options={sideOptions} compact className="lg:col-span-2">
              <option value="">Not set</option>
            </SelectField>
            {textFields.map(({ field, label, placeholder, wide }) => (
              <Field key={field} id={id(field)} label={label} compact errors={fieldError(field)} className={wide ? "lg:col-span-2" : undefined}>
                {(control) => (
                  <input {...control} value={item.dose[field]} placeholder={placeholder} autoComplete="off" onChange={(event) => props.onDose(field, event.target.value)} className={`${compactInputClass} placeholder:text-slate-500`} />
                )}
              </Field>
            ))}
          </div>
          <Field id={id("note")} label="Note for the patient" compact errors={fieldError("note")}>
            {(control) => <textarea {...control} rows={1} value={item.note} onChange={(event) => props.onNote(event.target.value)} className={`${compactInputClass} field-sizing-content min-h-9`} />}
          </Field>
          <div className="flex items-start gap-2 text-sm">
            <input
              id={id("show-variants")}
              type="checkbox"
              checked={item.showVariants}
              onChange={(event) => props.onShowVariants(event.target.checked)}
              aria-describedby={id("show-variants-hint")}
              className="mt-0.5 h-4 w-4 accent-brand-700"
            />
            <div>
              <label htmlFor={id("show-variants")} className="font-medium text-slate-800">
                Show &ldquo;Too easy? / Too hard?&rdquo; to the patient
              </label>
              <p id={id("show-variants-hint")} className="text-xs text-slate-600">
                {variantHint(exercise)}
              </p>
            </div>
          </div>
        </div>
      </div>
    </li>
  );
}

/** What the patient would be told, in the builder's words: the next variants, or a change of dose. */
function variantHint(exercise: ItemState["exercise"]): string {
  const harder = exercise.harder[0]?.name;
  const easier = exercise.easier[0]?.name;
  if (!harder && !easier) return "No easier or harder variant: the patient is told how to change the dose.";
  return `Names ${[harder ? `${harder} (harder)` : null, easier ? `${easier} (easier)` : null].filter(Boolean).join(" and ")}; never a variant cautioned for this patient.`;
}
