"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { formatDose } from "@/lib/catalogue/dose";
import { FigureSvg } from "@/lib/figures/svg";
import type { PlanExercise } from "@/lib/plans/exercises";
import { unansweredMessage } from "@/app/_components/action-errors";
import { searchExercisesAction } from "../../actions";
import type { Option } from "./builder-types";
import { Button } from "@/app/_components/button";
import { SearchField, SelectField } from "@/app/_components/form-fields";

export type FilterOptions = Record<"region" | "category" | "condition" | "equipment" | "level", Option[]>;
type Filters = Record<keyof FilterOptions, string> & { q: string };

const filterLabels: Record<keyof FilterOptions, string> = {
  region: "Region",
  category: "Type",
  condition: "Suits",
  equipment: "Equipment",
  level: "Level",
};

const empty: Filters = { q: "", region: "", category: "", condition: "", equipment: "", level: "" };

/** What the panel shows: the results so far, or why the last search failed. */
type SearchResults = { failure?: string; items: PlanExercise[]; total: number; offset: number };

export function ExerciseSearch({
  filterOptions,
  cautionNames,
  onAdd,
}: {
  filterOptions: FilterOptions;
  /** Conditions (slug → name) the builder warns about: the patient's and the plan's. */
  cautionNames: Map<string, string>;
  onAdd: (exercise: PlanExercise) => void;
}) {
  const [filters, setFilters] = useState<Filters>(empty);
  const [result, setResult] = useState<SearchResults>({ items: [], total: 0, offset: 0 });
  const [pending, startTransition] = useTransition();
  const latest = useRef(0);

  function run(next: Filters, offset = 0) {
    const ticket = ++latest.current;
    startTransition(async () => {
      const input: Record<string, unknown> = { offset };
      for (const [key, value] of Object.entries(next)) if (value) input[key] = key === "level" ? Number(value) : value;
      try {
        const found = await searchExercisesAction(input);
        // Only the newest search may fill the list: a slow early answer must not replace a later one.
        if (ticket !== latest.current) return;
        if (!found.ok) return setResult({ failure: found.message, items: [], total: 0, offset: 0 });
        setResult((previous) => ({ items: offset > 0 ? [...previous.items, ...found.items] : found.items, total: found.total, offset }));
      } catch (error) {
        if (ticket === latest.current) setResult({ failure: `The search failed. ${unansweredMessage(error)}`, items: [], total: 0, offset: 0 });
      }
    });
  }

  // Search as the clinician types, after a short pause; filters apply at once.
  const typed = useRef(filters.q);
  useEffect(() => {
    const delay = typed.current !== filters.q ? 250 : 0;
    typed.current = filters.q;
    const timer = setTimeout(() => run(filters), delay);
    return () => clearTimeout(timer);
  }, [filters]);

  const set = (key: keyof Filters, value: string) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <section aria-labelledby="add-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="add-heading" className="text-lg font-semibold">
        Add exercises
      </h2>
      <form
        role="search"
        aria-label="Exercise catalogue"
        onSubmit={(event) => {
          event.preventDefault();
          run(filters);
        }}
        className="space-y-2"
      >
        <SearchField id="exercise-q" label="Search exercises" value={filters.q} onChange={(event) => set("q", event.target.value)} placeholder="e.g. bridge, sciatic, clam" />
        <div className="grid grid-cols-2 gap-2">
          {(Object.keys(filterLabels) as (keyof FilterOptions)[]).map((key) => (
            <SelectField key={key} id={`exercise-${key}`} label={filterLabels[key]} value={filters[key]} onChange={(event) => set(key, event.target.value)} options={filterOptions[key]} compact>
              <option value="">Any</option>
            </SelectField>
          ))}
        </div>
      </form>

      <p role="status" className="text-sm text-slate-700">
        {result.failure ? result.failure : pending && result.items.length === 0 ? "Searching…" : `${result.total} ${result.total === 1 ? "exercise" : "exercises"}`}
      </p>

      <ul className="max-h-[60vh] divide-y divide-slate-100 overflow-y-auto" aria-label="Search results">
        {result.items.map((exercise) => {
          const cautions = exercise.cautionFor.filter((slug) => cautionNames.has(slug)).map((slug) => cautionNames.get(slug)!);
          return (
            <li key={exercise.id} className="flex gap-3 py-2">
              <span aria-hidden="true" className="flex h-12 w-16 shrink-0 items-center justify-center overflow-hidden rounded-md bg-slate-50 ring-1 ring-slate-200">
                {exercise.figure ? <FigureSvg spec={exercise.figure} which="end" title={exercise.name} className="h-12 w-auto" labels={false} /> : null}
              </span>
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-slate-900">{exercise.name}</p>
                <p className="line-clamp-2 text-xs text-slate-600">{exercise.summary}</p>
                <p className="text-xs text-slate-700">{formatDose(exercise.defaultDose)}</p>
                {cautions.length ? <p className="mt-0.5 text-xs font-medium text-amber-900">⚠ Cautioned for {cautions.join(", ").toLowerCase()}</p> : null}
              </div>
              <Button variant="outline" size="tool" onClick={() => onAdd(exercise)} aria-label={`Add ${exercise.name}`} className="self-center text-sm font-medium">
                Add
              </Button>
            </li>
          );
        })}
      </ul>
      {result.items.length < result.total ? (
        <Button size="xs" onClick={() => run(filters, result.items.length)} disabled={pending} className="w-full">
          {pending ? "Loading…" : "Show more"}
        </Button>
      ) : null}
    </section>
  );
}
