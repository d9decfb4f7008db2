// One exercise in a grid: figure thumbnail, name, summary, level and tags. Server-safe (no client code).
import Link from "next/link";
import type { ExerciseSummary } from "@/lib/catalogue/search";
import { FigureSvg } from "@/lib/figures/svg";
import { categoryLabel, equipmentLabel, regionLabel } from "./exercise-labels";

export function ExerciseCard({ exercise, headingLevel = 2 }: { exercise: ExerciseSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const equipmentShown = exercise.equipment.filter((e) => e !== "none");
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-600">
      <div className="flex h-40 items-center justify-center border-b border-slate-100 bg-slate-50 px-3 py-2">
        {exercise.figure ? (
          // the box: h-40 less its padding, in a one-column grid on a 320 px phone
          <FigureSvg spec={exercise.figure} which="both" title={`${exercise.name}: start and end positions`} className="h-full w-full" box={{ width: 262, height: 144 }} />
        ) : (
          <p className="text-sm text-slate-600">No figure</p>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <div className="flex items-start justify-between gap-2">
          <Heading className="text-base font-semibold leading-snug">
            {/* The link covers the whole card; the focus ring is drawn on the card. */}
            <Link href={`/exercises/${exercise.id}`} className="text-slate-900 outline-none after:absolute after:inset-0 hover:text-brand-800">
              {exercise.name}
            </Link>
          </Heading>
          {exercise.clinicOwn ? <ClinicOwnBadge /> : null}
        </div>
        <p className="text-sm text-slate-700">{exercise.summary}</p>
        <ul aria-label="Tags" className="mt-auto flex flex-wrap gap-1.5 pt-1 text-xs">
          <li className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-900">Level {exercise.level}</li>
          {exercise.regions.map((r) => (
            <li key={`r-${r}`} className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800">
              {regionLabel(r)}
            </li>
          ))}
          {exercise.categories.map((c) => (
            <li key={`c-${c}`} className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800">
              {categoryLabel(c)}
            </li>
          ))}
          {equipmentShown.map((e) => (
            <li key={`e-${e}`} className="rounded-full border border-slate-200 px-2 py-0.5 text-slate-700">
              {equipmentLabel(e)}
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}

export function ClinicOwnBadge() {
  return <span className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Clinic&rsquo;s own</span>;
}
