import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/actor";
import { conditionName } from "@/lib/catalogue/conditions";
import { listPatients } from "@/lib/patients/patients";
import { patientListQuerySchema, type PatientListQuery } from "@/lib/patients/schema";
import { clinicClock, formatDate } from "@/lib/dates/format";
import { DataTable } from "@/app/_components/table-head";
import { Button, buttonClass } from "@/app/_components/button";
import { PageHeader, listCount } from "@/app/_components/page-parts";
import { SearchField, SelectField } from "@/app/_components/form-fields";

export const metadata: Metadata = { title: "Patients" };


function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

function hrefFor(query: PatientListQuery, page: number) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.sort !== "name") params.set("sort", query.sort);
  if (query.archived) params.set("archived", "1");
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `/patients?${text}` : "/patients";
}

const sortOptions = [
  { value: "name", label: "Name" },
  { value: "updated", label: "Last updated" },
];

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const query = patientListQuerySchema.parse({ q: first(raw.q), sort: first(raw.sort), archived: first(raw.archived), page: first(raw.page) });
  const list = await listPatients(actor, query);
  const { count, noun } = listCount(list.total, list.totalCapped, ["patient", "patients"]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Patients"
        actions={
          <Link href="/patients/new" className={buttonClass({ variant: "primary", size: "lg" })}>
            New patient
          </Link>
        }
      />
      {first(raw.erased) === "1" ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">
          The patient was erased. Their details, plans, handouts, links and session logs are gone.
        </p>
      ) : null}

      <form role="search" aria-label="Patients" action="/patients" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <SearchField id="q" name="q" label="Search by name" defaultValue={query.q} placeholder="e.g. Ellison or Marg" className="min-w-64 flex-1" />
        <SelectField name="sort" label="Sort by" defaultValue={query.sort} options={sortOptions} />
        <label className="flex items-center gap-2 py-2 text-sm">
          <input type="checkbox" name="archived" value="1" defaultChecked={query.archived} className="size-4 accent-brand-700" />
          Archived patients
        </label>
        <Button type="submit" variant="outline">
          Search
        </Button>
      </form>

      <div role="status" className="text-sm text-slate-700">
        {list.fuzzy ? (
          <p>
            No names contain &ldquo;{query.q}&rdquo;. Showing {count} close {list.total === 1 ? "match" : "matches"}.
          </p>
        ) : query.q ? (
          <p>
            {count} {query.archived ? "archived " : ""}
            {noun} matching &ldquo;{query.q}&rdquo;
          </p>
        ) : (
          <p>
            {count} {query.archived ? "archived " : ""}
            {noun}
          </p>
        )}
      </div>

      {list.items.length ? (
        <DataTable caption={<>{query.archived ? "Archived patients" : "Patients"}, sorted by {query.sort === "name" ? "name" : "last updated"}</>} columns={["Name", "Born", "Conditions", "Clinician", "Last updated"]}>
          {list.items.map((patient) => (
            <tr key={patient.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/patients/${patient.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                  {patient.lastName}, {patient.firstName}
                </Link>
              </td>
              <td className="px-4 py-3 text-slate-700">{patient.birthYear ?? "—"}</td>
              <td className="px-4 py-3 text-slate-700">{patient.conditions.map((slug) => conditionName(slug, "shortName")).join(", ") || "—"}</td>
              <td className="px-4 py-3 text-slate-700">{patient.clinicianName ?? "—"}</td>
              <td className="px-4 py-3 text-slate-700">{formatDate(patient.updatedAt, clinicClock(actor.timeZone))}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">
          {query.q ? (
            <p>No patients match &ldquo;{query.q}&rdquo;. Check the spelling, or add them as a new patient.</p>
          ) : (
            <p>No patients yet. Add your first patient to start building a plan.</p>
          )}
        </div>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-4 text-sm">
          {query.page > 1 ? (
            <Link href={hrefFor(query, query.page - 1)} className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-50">
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">
            Page {query.page} of {list.pageCount}
            {list.totalCapped ? "+" : ""}
          </span>
          {query.page < list.pageCount || (list.totalCapped && list.items.length === 25) ? (
            <Link href={hrefFor(query, query.page + 1)} className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-50">
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
