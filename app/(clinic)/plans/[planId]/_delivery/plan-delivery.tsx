// The plan page's delivery panel: the patient link (copy, expiry, revoke, replace), the handout
// downloads, and adherence (days exercised per week, pain trend, comments, alerts).
import { listAlertAcknowledgements, type AlertAcknowledgementView } from "@/lib/adherence/acknowledge";
import { alertKindText, describeAlert, exercisePainAbove, nextDayAnswersCounted, nextDayWorseToAlert } from "@/lib/adherence/alerts";
import { chartDays, getPlanAdherence, type PlanAdherence } from "@/lib/adherence/summary";
import { requireActor } from "@/lib/auth/actor";
import { clinicClock, clinicDate, formatDateTime, formatDay, formatShortDate, type ClinicClock } from "@/lib/dates/format";
import { getIssuedVersion } from "@/lib/sharing/versions";
import { getShareLink, type ShareLinkView } from "@/lib/sharing/links";
import { patientLinkUrl, publicOrigin } from "@/lib/sharing/url";
import { planLinkEmailReadiness, type PlanLinkEmailReadiness } from "@/lib/email/plan-link";
import { EmailLinkForm } from "./email-link-form";
import { CopyLink, CreateLinkForm, DangerousLinkActions, ExpiryForm } from "./link-controls";
import { PainChart } from "./pain-chart";
import { Section } from "@/app/_components/page-parts";


export async function PlanDelivery({ planId }: { planId: string }) {
  const actor = await requireActor();
  const clock = clinicClock(actor.timeZone);
  const version = await getIssuedVersion(actor, { planId });
  if (!version) {
    return (
      <Section id="delivery" title="Patient link and handout" card className="space-y-1">
        <p className="text-slate-600">Issue this plan to get the patient&rsquo;s link, the PDF handout and adherence tracking.</p>
      </Section>
    );
  }

  // issuePlan creates the link with version 1; rendering never writes.
  const link = await getShareLink(actor, { planId });
  const origin = publicOrigin();
  const [adherence, acknowledgements] = await Promise.all([getPlanAdherence(actor, { planId, items: version.snapshot.items }), listAlertAcknowledgements(actor, { planId })]);
  const emailReadiness = await planLinkEmailReadiness(actor, { planId });

  return (
    <div className="space-y-6">
      <Section id="delivery" title="Patient link and handout" card className="space-y-5">
        <LinkPanel planId={planId} link={link} origin={origin} clock={clock} />
        {link?.token && !link.expired ? <EmailPanel planId={planId} readiness={emailReadiness} clock={clock} /> : null}
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Handout (version {version.version})</h3>
          {link?.token ? (
            <ul className="mt-2 flex flex-wrap gap-2">
              {[
                ["?paper=a4", "Download PDF (A4)"],
                ["?paper=a4&large=1", "Large print (A4)"],
                ["?paper=letter", "US Letter"],
                ["?paper=letter&large=1", "Large print (Letter)"],
              ].map(([query, label]) => (
                <li key={label}>
                  <a
                    href={`/plans/${planId}/handout.pdf${query}`}
                    download
                    className="inline-block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
                  >
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-600">The handout prints the patient link as a QR code: create a link to download it.</p>
          )}
        </div>
      </Section>
      {adherence ? <AdherencePanel adherence={adherence} acknowledgements={acknowledgements} clock={clock} /> : null}
    </div>
  );
}

function LinkPanel({ planId, link, origin, clock }: { planId: string; link: ShareLinkView | null; origin: string; clock: ClinicClock }) {
  if (!link) {
    return (
      <div className="space-y-2">
        <p className="text-slate-700">This plan has no active patient link. A revoked link stays dead; a new link has a new address.</p>
        <CreateLinkForm planId={planId} label="Create a new link" />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        One link for this plan: it always shows the newest issued version, and the handout&rsquo;s QR code opens it. Anyone with the link can read the plan, so give it only to the patient.
      </p>
      {link.token ? (
        <CopyLink url={patientLinkUrl(origin, link.token)} planId={planId} />
      ) : (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This link still works for the patient, but it can no longer be shown here (the server&rsquo;s secret changed). Replace it to copy and print a new one.
        </p>
      )}
      {link.expired ? (
        <p role="status" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          This link expired on {formatDateTime(link.expiresAt!, clock)}. The patient sees &ldquo;link not active&rdquo; until you change or remove the expiry.
        </p>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Created</dt>
        <dd>{formatDateTime(link.createdAt, clock)}</dd>
        <dt className="text-slate-600">Last opened</dt>
        <dd>{link.lastOpenedAt ? formatDateTime(link.lastOpenedAt, clock) : "Not opened yet"}</dd>
        <dt className="text-slate-600">Expires</dt>
        <dd>{link.expiresAt ? formatDateTime(link.expiresAt, clock) : "Never"}</dd>
      </dl>
      <ExpiryForm planId={planId} expiresOn={link.expiresAt ? clinicDate(new Date(link.expiresAt.getTime() - 1), clock.timeZone) : null} />
      <DangerousLinkActions planId={planId} />
    </div>
  );
}

function EmailPanel({ planId, readiness, clock }: { planId: string; readiness: PlanLinkEmailReadiness | null; clock: ClinicClock }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">Email</h3>
      {readiness?.patientEmail ? (
        <EmailLinkForm
          planId={planId}
          patientEmail={readiness.patientEmail}
          patientFirstName={readiness.patientFirstName}
          consentRecorded={readiness.consentAt ? formatDateTime(readiness.consentAt, clock) : null}
        />
      ) : (
        <p className="mt-1 text-sm text-slate-600">To email the link, add the patient&rsquo;s email address to their record.</p>
      )}
    </div>
  );
}

function AdherencePanel({ adherence, acknowledgements, clock }: { adherence: PlanAdherence; acknowledgements: AlertAcknowledgementView[]; clock: ClinicClock }) {
  const today = adherence.today;
  const target = adherence.targetDaysPerWeek;
  return (
    <section aria-labelledby="adherence-heading" className="space-y-5 rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="adherence-heading" className="text-lg font-semibold">
          Adherence
        </h2>
        <p className="text-sm text-slate-600">
          {adherence.totalSessions} {adherence.totalSessions === 1 ? "session" : "sessions"} logged in all
        </p>
      </div>

      {adherence.alerts.length > 0 ? (
        <div className="rounded-lg border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900" data-testid="adherence-alerts">
          <h3 className="font-semibold">Needs attention</h3>
          <ul className="mt-1 list-disc pl-5">
            {adherence.alerts.map((alert) => (
              <li key={alert.kind}>{describeAlert(alert, formatDay)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-700">
          No alerts: no pain of {adherence.painAlertAt} or more and no pain during exercise above {exercisePainAbove} in the last 3 days, no knee more swollen the morning after,
          not worse the next day after {nextDayWorseToAlert} of the last {nextDayAnswersCounted} sessions, and sessions are being logged (or the plan has ended).
        </p>
      )}
      {acknowledgements.length > 0 ? (
        <ul className="text-sm text-slate-600">
          {acknowledgements.map((ack) => (
            <li key={ack.kind}>
              The {alertKindText[ack.kind]} was last acknowledged by {ack.byName ?? "a former colleague"} on {formatDateTime(ack.at, clock)}; it stays quiet until the patient logs again.
            </li>
          ))}
        </ul>
      ) : null}

      <div>
        <h3 className="text-sm font-semibold text-slate-900">Days exercised per week{target ? ` (plan: ${target} a week)` : ""}</h3>
        <ul className="mt-2 space-y-1.5">
          {adherence.weeks.map((week) => {
            const share = target ? Math.min(1, week.daysExercised / target) : 0;
            return (
              <li key={week.weekStart} className="grid grid-cols-[7rem_1fr_5.5rem] items-center gap-3 text-sm">
                <span className="text-slate-700">w/c {formatShortDate(week.weekStart)}</span>
                <span aria-hidden="true" className="h-3 overflow-hidden rounded-full bg-slate-100">
                  <span className="block h-full rounded-full bg-brand-700" style={{ width: `${Math.round(share * 100)}%` }} />
                </span>
                <span className="text-right tabular-nums text-slate-800">
                  {week.daysExercised}
                  {target ? ` of ${target}` : ""} {week.daysExercised === 1 && !target ? "day" : "days"}
                </span>
              </li>
            );
          })}
        </ul>
      </div>

      <div>
        <h3 className="text-sm font-semibold text-slate-900">Pain trend</h3>
        <PainChart sessions={adherence.sessions} today={today} days={chartDays} painAlertAt={adherence.painAlertAt} />
      </div>

      <div>
        <h3 className="text-sm font-semibold text-slate-900">Recent comments</h3>
        {adherence.recentComments.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No comments yet.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {adherence.recentComments.map((s) => (
              <li key={s.id} className="rounded-lg bg-slate-50 px-3 py-2 text-sm">
                <p className="text-slate-600">
                  {formatDay(s.loggedOn)} · pain {s.pain}/10{s.exercisePain === null ? "" : ` · during exercise ${s.exercisePain}/10`}
                </p>
                <p className="mt-0.5 whitespace-pre-line text-slate-900">{s.comment}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
