"use client";

// The catalogue's search box and filters. A plain GET form (works without JavaScript); with JavaScript it
// navigates to a tidy URL without empty fields, and a changed filter applies at once.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { SearchField, SelectField } from "@/app/_components/form-fields";

export type FilterOption = { value: string; label: string };
export type FilterField = { name: string; label: string; allLabel: string; options: FilterOption[]; value: string };

export function CatalogueFilters({ q, fields, hasFilters }: { q: string; fields: FilterField[]; hasFilters: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function submit(form: HTMLFormElement) {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") params.set(key, value.trim());
    }
    const query = params.toString();
    startTransition(() => router.push(query ? `/exercises?${query}` : "/exercises"));
  }

  return (
    <form
      role="search"
      aria-label="Exercises"
      action="/exercises"
      method="get"
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      aria-busy={pending || undefined}
    >
      <div className="flex flex-wrap items-end gap-3">
        <SearchField id="q" name="q" label="Search exercises" defaultValue={q} maxLength={100} placeholder="e.g. bridge, knee to chest, sciatica" className="min-w-64 flex-1" />
        <Button type="submit" variant="primary">
          Search
        </Button>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {fields.map((field) => (
          <SelectField
            key={field.name}
            id={`filter-${field.name}`}
            name={field.name}
            label={field.label}
            defaultValue={field.value}
            onChange={(event) => event.currentTarget.form && submit(event.currentTarget.form)}
            options={field.options}
          >
            <option value="">{field.allLabel}</option>
          </SelectField>
        ))}
      </div>
      {hasFilters ? (
        <p className="text-sm">
          <Link href="/exercises" className="font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900">
            Clear search and filters
          </Link>
        </p>
      ) : null}
    </form>
  );
}
