// The one way a plan's state reads: never issued, issued, issued with changes not yet issued, or ended.
import { planEndReasonText, planEnding, type PlanEndReason } from "@/lib/plans/ending";
import { clinicDate, formatDate } from "@/lib/dates/format";

type StatusOf = {
  status: string;
  latestVersion: number;
  hasUnissuedChanges: boolean;
  endDate?: string | null;
  reviewDate?: string | null;
  endReason?: PlanEndReason | null;
};

/** `timeZone`: the clinic's, whose today decides whether the plan's last day has passed. */
export function planStatusText(plan: StatusOf, timeZone: string): string {
  if (plan.status === "archived") return "Archived";
  if (plan.latestVersion === 0) return "Draft, not issued";
  const ending = planEnding({ ...plan, endDate: plan.endDate ?? null, reviewDate: plan.reviewDate ?? null }, clinicDate(new Date(), timeZone));
  if (ending) return ending.by === "clinician" ? `Ended · ${planEndReasonText[ending.reason].toLowerCase()}` : `Ended · last day ${formatDate(ending.on)}`;
  return plan.hasUnissuedChanges ? `Version ${plan.latestVersion} issued · changes not yet issued` : `Version ${plan.latestVersion} issued`;
}

export function PlanStatusBadge({ plan, timeZone }: { plan: StatusOf; timeZone: string }) {
  const text = planStatusText(plan, timeZone);
  const ended = plan.status === "ended" || text.startsWith("Ended");
  const tone =
    plan.status === "archived" || ended
      ? "bg-slate-100 text-slate-700 ring-slate-300"
      : plan.latestVersion === 0
        ? "bg-amber-50 text-amber-900 ring-amber-300"
        : plan.hasUnissuedChanges
          ? "bg-sky-50 text-sky-900 ring-sky-300"
          : "bg-brand-50 text-brand-900 ring-brand-600/40";
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{text}</span>;
}
