// The plan page's "Plan end" panel: when the plan ends and how (end date, complete, discharge),
// or how it ended and a way to re-open it.
import type { Plan } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { planEndedByName } from "@/lib/plans/end-plan";
import { effectiveEndDate, planEndReasonText, planEnding } from "@/lib/plans/ending";
import { clinicClock, addDays, clinicDate, formatDate, formatDateTime } from "@/lib/dates/format";
import { EndDateForm, EndPlanForm, ReopenPlanForm } from "./ending-forms";
import { Section } from "@/app/_components/page-parts";

export async function PlanEnding({ actor, plan }: { actor: Actor; plan: Plan }) {
  if (plan.latestVersion === 0 || plan.status === "archived") return null;
  const today = clinicDate(new Date(), actor.timeZone);
  const ending = planEnding(plan, today);
  const end = effectiveEndDate(plan);
  return (
    <Section id="ending" title="Plan end" card className="space-y-4">
      {ending ? (
        <>
          <div role="status" className="rounded-lg border-l-4 border-slate-500 bg-slate-50 px-4 py-3 text-slate-900">
            {ending.by === "clinician" ? (
              <p>
                <span className="font-semibold">{planEndReasonText[ending.reason]}</span>
                {ending.endedAt ? ` on ${formatDateTime(ending.endedAt, clinicClock(actor.timeZone))}` : ""}
                {await byLine(actor, plan.id)}.
              </p>
            ) : (
              <p>
                <span className="font-semibold">Ended</span>: its last day, {formatDate(ending.on)}, has passed.
              </p>
            )}
            {plan.endNote ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">Reason: {plan.endNote}</p> : null}
            <p className="mt-1 text-sm text-slate-700">The patient&rsquo;s link says the plan has ended and gives your clinic&rsquo;s phone number. Logging is closed and no alerts are raised.</p>
          </div>
          <ReopenPlanForm planId={plan.id} suggestedEndDate={plan.reviewDate && plan.reviewDate >= today ? plan.reviewDate : addDays(today, 28)} />
        </>
      ) : (
        <>
          <p className="text-slate-700">
            {end
              ? `Runs until ${formatDate(end)}${plan.endDate ? "" : " (its review date)"}. After that day the patient's link says the plan has ended.`
              : "No end date or review date: the plan runs until you complete or discharge it."}
          </p>
          <EndDateForm planId={plan.id} endDate={plan.endDate ?? ""} />
          <EndPlanForm planId={plan.id} />
        </>
      )}
    </Section>
  );
}

async function byLine(actor: Actor, planId: string): Promise<string> {
  const name = await planEndedByName(actor, { planId });
  return name ? ` by ${name}` : "";
}
