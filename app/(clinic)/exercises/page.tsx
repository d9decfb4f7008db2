import type { Metadata } from "next";
import Link from "next/link";
import { ExerciseCard } from "@/app/_components/exercise-card";
import { conditionLabel, levelLabels } from "@/app/_components/exercise-labels";
import { requireActor } from "@/lib/auth/actor";
import { exerciseFiltersSchema, searchExercises, type ExerciseFilters } from "@/lib/catalogue/search";
import { categories, categoryLabels, conditionSlugs, equipment, equipmentLabels, regionLabels, regions } from "@/lib/catalogue/types";
import { CatalogueFilters, type FilterField } from "./catalogue-filters";
import { PageHeader, listCount } from "@/app/_components/page-parts";
import { buttonClass } from "@/app/_components/button";

export const metadata: Metadata = { title: "Exercises" };

const pageSize = 24;
type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

/** Each search param on its own: a bad or unknown value is dropped rather than failing the whole page. */
function filtersFrom(raw: SearchParams): ExerciseFilters {
  const filters: Record<string, unknown> = {};
  for (const key of Object.keys(exerciseFiltersSchema.shape) as (keyof ExerciseFilters)[]) {
    const value = first(raw[key])?.trim();
    if (!value) continue;
    const parsed = exerciseFiltersSchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  return filters as ExerciseFilters;
}

function hrefFor(filters: ExerciseFilters, page: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "") params.set(key, String(value));
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `/exercises?${text}` : "/exercises";
}

export default async function ExercisesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const filters = filtersFrom(raw);
  const requestedPage = Number(first(raw.page));
  const page = Number.isInteger(requestedPage) && requestedPage > 1 ? Math.min(requestedPage, 1000) : 1;
  const result = await searchExercises(actor, filters, { limit: pageSize, offset: (page - 1) * pageSize });
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const hasFilters = Object.keys(filters).length > 0;

  const fields: FilterField[] = [
    { name: "region", label: "Region", allLabel: "All regions", value: filters.region ?? "", options: regions.map((r) => ({ value: r, label: regionLabels[r] })) },
    { name: "category", label: "Category", allLabel: "All categories", value: filters.category ?? "", options: categories.map((c) => ({ value: c, label: categoryLabels[c] })) },
    { name: "condition", label: "Condition", allLabel: "All conditions", value: filters.condition ?? "", options: conditionSlugs.map((c) => ({ value: c, label: conditionLabel(c) })) },
    { name: "equipment", label: "Equipment", allLabel: "Any equipment", value: filters.equipment ?? "", options: equipment.map((e) => ({ value: e, label: equipmentLabels[e] })) },
    { name: "level", label: "Level", allLabel: "All levels", value: filters.level ? String(filters.level) : "", options: [1, 2, 3].map((l) => ({ value: String(l), label: levelLabels[l] })) },
  ];

  const { count, noun } = listCount(result.total, result.capped, ["exercise", "exercises"]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Exercises"
        actions={
          <>
            <Link href="/exercises/figures" className={buttonClass({ size: "lg" })}>
              Figure contact sheet
            </Link>
            <Link href="/exercises/new" className={buttonClass({ variant: "primary", size: "lg" })}>
              New exercise
            </Link>
          </>
        }
      >
        <p className="text-slate-600">The built-in catalogue and your clinic&rsquo;s own exercises.</p>
      </PageHeader>

      {/* Keyed by the URL, so the back button shows the fields as they were for that URL. */}
      <CatalogueFilters key={hrefFor(filters, 1)} q={filters.q ?? ""} fields={fields} hasFilters={hasFilters} />

      <div role="status" className="text-sm text-slate-700">
        <p>
          {count} {noun}
          {filters.q ? <> matching &ldquo;{filters.q}&rdquo;</> : null}
          {pages > 1 ? ` · page ${page} of ${pages}` : null}
        </p>
      </div>

      {result.items.length ? (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {result.items.map((exercise) => (
            <li key={exercise.id}>
              <ExerciseCard exercise={exercise} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">No exercises match</h2>
          <p className="mx-auto mt-2 max-w-prose text-slate-700">
            {result.total > 0
              ? "There are no more results on this page."
              : filters.q
                ? "Check the spelling, try another name for the exercise (for example “bridge” or “knee hug”), or remove a filter."
                : "No exercise has all of these filters. Remove one or two to see more."}
          </p>
          <p className="mt-4 flex flex-wrap justify-center gap-3">
            <Link href="/exercises" className="font-medium text-brand-800 underline underline-offset-2">
              Show all exercises
            </Link>
            <Link href="/exercises/new" className="font-medium text-brand-800 underline underline-offset-2">
              Create your own exercise
            </Link>
          </p>
        </div>
      )}

      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-4 text-sm">
          {page > 1 ? (
            <Link href={hrefFor(filters, page - 1)} className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link href={hrefFor(filters, page + 1)} className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
      {result.capped ? <p className="text-sm text-slate-700">Many exercises match: add a word or a filter to narrow the list.</p> : null}
    </div>
  );
}
