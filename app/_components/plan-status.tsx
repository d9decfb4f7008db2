// The one way a plan's state reads: never issued, issued, or issued with changes not yet issued.
export function planStatusText(plan: { status: string; latestVersion: number; hasUnissuedChanges: boolean }): string {
  if (plan.status === "archived") return "Archived";
  if (plan.latestVersion === 0) return "Draft, not issued";
  return plan.hasUnissuedChanges ? `Version ${plan.latestVersion} issued · changes not yet issued` : `Version ${plan.latestVersion} issued`;
}

export function PlanStatusBadge({ plan }: { plan: { status: string; latestVersion: number; hasUnissuedChanges: boolean } }) {
  const tone =
    plan.status === "archived"
      ? "bg-slate-100 text-slate-700 ring-slate-300"
      : plan.latestVersion === 0
        ? "bg-amber-50 text-amber-900 ring-amber-300"
        : plan.hasUnissuedChanges
          ? "bg-sky-50 text-sky-900 ring-sky-300"
          : "bg-brand-50 text-brand-900 ring-brand-600/40";
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{planStatusText(plan)}</span>;
}
