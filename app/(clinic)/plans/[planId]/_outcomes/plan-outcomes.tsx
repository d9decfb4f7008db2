// The plan page's "Outcome measures" panel: the Patient-Specific Functional Scale (chart, table,
// record form, and the request that the patient score their activities on their link) and the
// NPRS weekly averages from the session logs.
import type { Actor } from "@/lib/auth/actor";
import { getPlanOutcomes } from "@/lib/outcomes/psfs";
import { psfsMinimalImportantChange } from "@/lib/outcomes/psfs-form";
import { psfsSummary, type PsfsSummary } from "@/lib/outcomes/summary";
import { clinicClock, formatDate, formatDateTime } from "@/lib/dates/format";
import { AskPatientForm, RecordPsfsPanel } from "./outcome-forms";
import { PainWeeksChart } from "./pain-weeks-chart";
import { changeWords, PsfsChart, signed } from "./psfs-chart";
import { ScoreTableHead } from "@/app/_components/chart-axes";
import { Section } from "@/app/_components/page-parts";

export async function PlanOutcomes({ actor, planId, issued }: { actor: Actor; planId: string; issued: boolean }) {
  const outcomes = await getPlanOutcomes(actor, { planId });
  if (!outcomes) return null;
  const summary = psfsSummary(outcomes.activities, outcomes.occasions);
  const recordedBy = new Map(outcomes.occasions.map((o) => [o.id, o.source === "patient" ? "Patient (link)" : (o.recordedByName ?? "A former colleague")]));
  return (
    <Section id="outcomes" title="Outcome measures" card className="space-y-6">

      <div className="space-y-4">
        <div>
          <h3 className="font-semibold text-slate-900">Patient-Specific Functional Scale (PSFS)</h3>
          <p className="text-sm text-slate-700">
            Up to five activities the patient finds hard because of the problem, each scored 0 (unable) to 10 (as before the problem). The score is their
            average; a change of {psfsMinimalImportantChange} points or more is a meaningful change.
          </p>
        </div>
        {summary.points.length > 0 ? <PsfsVerdict summary={summary} /> : <p className="text-sm text-slate-600">No scores yet. Record the baseline below, or ask the patient to score on their link.</p>}
        {summary.points.length > 0 ? (
          <>
            <PsfsChart summary={summary} />
            <PsfsTable summary={summary} recordedBy={recordedBy} />
          </>
        ) : null}

        <div className="rounded-lg border border-slate-200 p-3">
          <h4 className="text-sm font-semibold text-slate-900">Ask the patient</h4>
          {outcomes.request ? (
            <p role="status" className="mt-1 text-sm text-slate-800">
              Asked on {formatDateTime(outcomes.request.requestedAt, clinicClock(actor.timeZone))}
              {outcomes.request.byName ? ` by ${outcomes.request.byName}` : ""}: the patient&rsquo;s link shows a short form
              {outcomes.activities.length ? " with these activities" : " where they name and score their activities"} until they answer.
            </p>
          ) : (
            <p className="mt-1 text-sm text-slate-700">
              {outcomes.canRequest
                ? `The patient's link can show a short form ${outcomes.activities.length ? "with these activities" : "where the patient names up to five activities and scores them"}. It closes when they answer.`
                : issued
                  ? "This plan has ended, so its link takes no more answers."
                  : "Issue the plan first: the patient scores on their link."}
            </p>
          )}
          {outcomes.request || outcomes.canRequest ? (
            <div className="mt-2">
              <AskPatientForm planId={planId} asked={Boolean(outcomes.request)} />
            </div>
          ) : null}
        </div>

        <RecordPsfsPanel planId={planId} activities={outcomes.activities} today={outcomes.today} initiallyOpen={summary.points.length === 0} />
      </div>

      <div className="space-y-2">
        <h3 className="font-semibold text-slate-900">Pain (NPRS): weekly averages</h3>
        <p className="text-sm text-slate-700">The 0–10 pain score of every logged session, averaged by week (Monday to Sunday). A change of 2 points or 30% is meaningful.</p>
        <PainWeeksChart weeks={outcomes.painWeeks} />
      </div>
    </Section>
  );
}

function PsfsVerdict({ summary }: { summary: PsfsSummary }) {
  const { baseline, latest, change, verdict } = summary;
  if (!baseline || !latest) return null;
  const tone = verdict === "better" ? "border-emerald-700 bg-emerald-50 text-emerald-950" : verdict === "worse" ? "border-red-700 bg-red-50 text-red-950" : "border-slate-400 bg-slate-50 text-slate-900";
  return (
    <p className={`rounded-lg border-l-4 px-4 py-2 text-sm ${tone}`} data-testid="psfs-verdict">
      Baseline <span className="font-semibold">{baseline.average.toFixed(1)}</span> ({formatDate(baseline.recordedOn)})
      {change === null ? (
        <>. A change of {psfsMinimalImportantChange} points or more from here will be meaningful.</>
      ) : (
        <>
          {" "}
          → latest <span className="font-semibold">{latest.average.toFixed(1)}</span> ({formatDate(latest.recordedOn)}): change{" "}
          <span className="font-semibold">{signed(change)}</span>, {changeWords(change)} (change ≥ {psfsMinimalImportantChange}: meaningful).
        </>
      )}
    </p>
  );
}

function PsfsTable({ summary, recordedBy }: { summary: PsfsSummary; recordedBy: Map<string, string> }) {
  const { points, activities, change } = summary;
  const cell = (score: number | undefined) => (score === undefined ? "—" : String(score));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="pb-1 text-left text-sm font-medium text-slate-800">PSFS scores</caption>
        <ScoreTableHead columns={["Date", "Scored by", ...activities.map((activity) => activity.name), "Average", "Change from baseline"]} />
        <tbody>
          {points.map((point, i) => (
            <tr key={point.id} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 font-normal">
                {formatDate(point.recordedOn)}
                {i === 0 ? " (baseline)" : ""}
              </th>
              <td className="py-1 pr-3">{recordedBy.get(point.id)}</td>
              {activities.map((activity) => (
                <td key={activity.id} className="py-1 pr-3 tabular-nums">
                  {cell(point.scores[activity.id])}
                </td>
              ))}
              <td className="py-1 pr-3 font-semibold tabular-nums">{point.average.toFixed(1)}</td>
              <td className="py-1 tabular-nums">{i === 0 ? "—" : `${signed(point.change)}${Math.abs(point.change) >= psfsMinimalImportantChange ? " (meaningful)" : ""}`}</td>
            </tr>
          ))}
        </tbody>
        {change !== null ? (
          <tfoot>
            <tr className="border-t-2 border-slate-300">
              <th scope="row" className="py-1 pr-3">
                Change since baseline
              </th>
              <td className="py-1 pr-3" />
              {activities.map((activity) => (
                <td key={activity.id} className="py-1 pr-3 font-medium tabular-nums">
                  {activity.change === null ? "—" : signed(activity.change)}
                </td>
              ))}
              <td className="py-1 pr-3 font-semibold tabular-nums">{signed(change)}</td>
              <td className="py-1 font-medium">{Math.abs(change) >= psfsMinimalImportantChange ? "Meaningful (≥ 2)" : "Below 2: not meaningful yet"}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
