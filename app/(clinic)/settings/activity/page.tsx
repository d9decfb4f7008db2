import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { SelectField } from "@/app/_components/form-fields";
import { activityKindNames, activityKinds, describeActivity, listActivity } from "@/lib/audit/activity";
import { requireAdmin } from "@/lib/auth/admin";
import { clinicClock, formatDateTime } from "@/lib/dates/format";
import { listTeam } from "@/lib/team/team";
import { AdminTabs } from "../admin-tabs";
import { idSchema } from "@/lib/ids";
import { DataTable } from "@/app/_components/table-head";
import { Button } from "@/app/_components/button";
import { EmptyState, PageHeader } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "Activity" };

const querySchema = z.object({
  user: idSchema().optional().catch(undefined),
  kind: z.enum(activityKindNames as [string, ...string[]]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdmin();
  const clock = clinicClock(actor.timeZone);
  const raw = await searchParams;
  const query = querySchema.parse({ user: typeof raw.user === "string" && raw.user ? raw.user : undefined, kind: typeof raw.kind === "string" && raw.kind ? raw.kind : undefined, page: raw.page });
  const [activity, team] = await Promise.all([
    listActivity(actor, { userId: query.user, kind: query.kind as keyof typeof activityKinds | undefined, page: query.page }),
    listTeam(actor),
  ]);
  if (!activity || !team) notFound();
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (query.user) params.set("user", query.user);
    if (query.kind) params.set("kind", query.kind);
    params.set("page", String(page));
    return `/settings/activity?${params}`;
  };
  return (
    <div className="space-y-6">
      <PageHeader title="Activity">
        <AdminTabs current="/settings/activity" />
        <p className="text-slate-700">Sign-ins, password changes, team changes, clinic settings and emailed plan links: who did what, and when.</p>
      </PageHeader>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <SelectField id="activity-user" name="user" label="Person" defaultValue={query.user ?? ""} options={team.members.map((m) => ({ value: m.id, label: m.name }))}>
          <option value="">Everyone</option>
        </SelectField>
        <SelectField id="activity-kind" name="kind" label="Kind" defaultValue={query.kind ?? ""} options={activityKindNames.map((kind) => ({ value: kind, label: activityKinds[kind].label }))}>
          <option value="">All kinds</option>
        </SelectField>
        <Button type="submit" variant="primary" size="sm">
          Show
        </Button>
      </form>
      {activity.entries.length === 0 ? (
        <EmptyState>Nothing recorded for this choice.</EmptyState>
      ) : (
        <DataTable caption="Activity, newest first" columns={["When", "Who", "What"]}>
          {activity.entries.map((entry) => (
            <tr key={entry.id} className="align-top">
              <td className="whitespace-nowrap px-4 py-2 text-slate-700">{formatDateTime(entry.createdAt, clock)}</td>
              <td className="px-4 py-2">{entry.actorName ?? (entry.actorId ? "A former colleague" : "A patient")}</td>
              <td className="px-4 py-2">
                {describeActivity(entry)}
                {typeof entry.detail?.ip === "string" ? <span className="text-slate-600"> · from {entry.detail.ip}</span> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        <p className="text-slate-700">
          Page {activity.page} of {activity.pages} · {activity.total} {activity.total === 1 ? "event" : "events"}
        </p>
        <div className="flex gap-2">
          {activity.page > 1 ? (
            <Link href={pageHref(activity.page - 1)} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
              Newer
            </Link>
          ) : null}
          {activity.page < activity.pages ? (
            <Link href={pageHref(activity.page + 1)} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
              Older
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
