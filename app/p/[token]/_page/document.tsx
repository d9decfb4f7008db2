// The whole patient page as one HTML document: the per-version parts from plan-body.tsx around
// what changes per visit (the download links, the session log form with a fresh form key, its
// answer, the last 14 days). No JavaScript: every control is a link or a plain form post, so the
// page works the same on any phone, and a patient's browser loads one HTML document and one
// stylesheet. React renders it to static HTML (and escapes every value).
import "server-only";
import type { ReactNode } from "react";
import { formatDay, formatLongDate } from "@/lib/dates/format";
import { commentMaxLength, type NextDayChange } from "@/lib/adherence/log-session";
import type { PatientSession } from "@/lib/adherence/recent-sessions";
import { logOutcomes, type LogOutcome } from "@/lib/adherence/log-messages";
import { BoundedCache } from "@/lib/cache/bounded-cache";
import { staticMarkup } from "@/lib/html/static-markup";
import type { EndedPlanNotice } from "@/lib/sharing/links";
import { PhoneLink, type PlanBody } from "./plan-body";
import { PsfsSection, type PsfsFormState } from "./psfs-section";
import { stylesheetHref } from "./stylesheet";

/** What the log form shows: the answer to the last submit and, when it was refused, what was typed. */
export type LogFormState = {
  outcome: LogOutcome | null;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: { done: number[]; pain: number | null; exercisePain?: number | null; nextDay?: string | null; swelling?: string | null; comment: string };
};

const painWords: Record<number, string> = { 0: "no pain", 5: "moderate", 10: "worst imaginable" };

/** A document with the patient page's head; `<!doctype html>` is React's to leave out, so it is added here. */
function documentHtml(render: (node: ReactNode) => string, title: string, body: ReactNode): string {
  return `<!doctype html>\n${render(
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{title}</title>
        <link rel="stylesheet" href={stylesheetHref()} />
      </head>
      {body}
    </html>,
  )}\n`;
}

const downloadClass = "inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-4 py-3 text-center font-semibold";

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-current">
      <path d="M11 3h2v9.6l3.3-3.3 1.4 1.4L12 16.4l-5.7-5.7 1.4-1.4 3.3 3.3V3zM5 19h14v2H5z" />
    </svg>
  );
}

function PageNav() {
  const links = [
    ["#exercises", "Exercises"],
    ["#log", "Log a session"],
    ["#safety", "Safety"],
    ["#education", "Advice"],
  ];
  return (
    // The links wrap to a second row on the narrowest phones rather than scroll sideways (a 320 px
    // screen has room for three of them).
    <nav aria-label="On this page" className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur print:hidden">
      <ul className="mx-auto flex max-w-2xl flex-wrap gap-x-1 px-2 py-1 text-base sm:px-4">
        {links.map(([href, label]) => (
          <li key={href} className="shrink-0">
            <a href={href} className="inline-block rounded-lg px-2.5 py-2 font-medium text-brand-800 hover:bg-brand-50">
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function DownloadLinks({ token }: { token: string }) {
  const pdf = `/p/${token}/handout.pdf`;
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 print:hidden">
      <a href={pdf} download className={`${downloadClass} bg-brand-700 text-white hover:bg-brand-800`}>
        <DownloadIcon /> Download PDF
      </a>
      <a href={`${pdf}?large=1`} download className={`${downloadClass} border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50`}>
        <DownloadIcon /> Large-print PDF
      </a>
    </div>
  );
}

const describedBy = (error: string | undefined, id: string) => (error ? `${id}-error ${id}-hint` : `${id}-hint`);


/** A 0–10 scale as big radio buttons; `srPrefix` tells a screen reader which scale a number is on when the page has two. */
function PainScale({
  name,
  legend,
  hint,
  error,
  value,
  srPrefix,
  required,
}: {
  name: string;
  legend: ReactNode;
  hint: string;
  error: string | undefined;
  value: number | null | undefined;
  srPrefix: string;
  required: boolean;
}) {
  return (
    <fieldset aria-describedby={describedBy(error, name)}>
      <legend className="text-lg font-semibold text-slate-900">{legend}</legend>
      <p id={`${name}-hint`} className="mt-1 text-slate-700">
        {hint}
      </p>
      <div className="mt-3 grid grid-cols-6 gap-2 sm:grid-cols-11">
        {Array.from({ length: 11 }, (_, pain) => (
          <label key={pain} className="scale-choice">
            <input type="radio" name={name} value={pain} required={required} className="sr-only" defaultChecked={value === pain} />
            {srPrefix ? <span className="sr-only">{srPrefix} </span> : null}
            <span>{pain}</span>
            {painWords[pain] ? <span className="sr-only"> — {painWords[pain]}</span> : null}
          </label>
        ))}
      </div>
      <div aria-hidden="true" className="mt-1 flex justify-between text-sm text-slate-600">
        <span>0 — no pain</span>
        <span>10 — worst imaginable</span>
      </div>
      {error ? (
        <p id={`${name}-error`} className="mt-2 font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Three choices (better, the same, worse) as big buttons. */
function ChoiceRow({
  name,
  legend,
  hint,
  choices,
  error,
  value,
}: {
  name: string;
  legend: string;
  hint: string;
  choices: [NextDayChange, string][];
  error: string | undefined;
  value: string | null | undefined;
}) {
  return (
    <fieldset aria-describedby={describedBy(error, name)}>
      <legend className="text-lg font-semibold text-slate-900">{legend}</legend>
      <p id={`${name}-hint`} className="mt-1 text-slate-700">
        {hint}
      </p>
      <div className="mt-3 grid grid-cols-3 gap-2">
        {choices.map(([choice, label]) => (
          <label
            key={choice}
            className="choice justify-center px-2 py-2 text-center font-semibold leading-tight"
          >
            <input type="radio" name={name} value={choice} className="sr-only" defaultChecked={value === choice} />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} className="mt-2 font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The session before today (the clinic's date) the next-day questions ask about: the newest logged
 * before today. None (a first session, or only today's) asks nothing.
 */
export function previousSessionDay(sessions: PatientSession[], today: string): string | null {
  return sessions.find((session) => session.loggedOn < today)?.loggedOn ?? null;
}

function NextDayQuestions({ previousOn, knee, state }: { previousOn: string; knee: boolean; state: LogFormState }) {
  const values = state.values;
  return (
    <div className="space-y-6 rounded-xl border border-slate-200 bg-slate-50 p-4">
      <h3 className="text-lg font-bold text-slate-900">After your last session ({formatDay(previousOn)})</h3>
      <ChoiceRow
        name="nextDay"
        legend="How were your pain and stiffness the next morning, compared with before the session?"
        hint="If they were worse, make today’s session a little easier: fewer repetitions or a smaller movement."
        choices={[
          ["better", "Better"],
          ["same", "The same"],
          ["worse", "Worse"],
        ]}
        error={state.fieldErrors?.nextDay?.[0]}
        value={values?.nextDay}
      />
      {knee ? (
        <ChoiceRow
          name="swelling"
          legend="Was your knee more swollen the next morning than before the session?"
          hint="If it was more swollen, make today’s session easier."
          choices={[
            ["better", "Less swollen"],
            ["same", "No change"],
            ["worse", "More swollen"],
          ]}
          error={state.fieldErrors?.swelling?.[0]}
          value={values?.swelling}
        />
      ) : null}
    </div>
  );
}

function LogForm({ token, body, previousOn, clientKey, state }: { token: string; body: PlanBody; previousOn: string | null; clientKey: string; state: LogFormState }) {
  const result = state.outcome ? logOutcomes[state.outcome] : null;
  const values = state.values;
  const commentError = state.fieldErrors?.comment?.[0];
  return (
    <form action={`/p/${token}/log`} method="post" className="space-y-6" aria-describedby={result ? "log-status" : undefined}>
      <input type="hidden" name="clientKey" value={clientKey} />
      <div id="log-status">
        {result ? (
          <p
            role={result.ok ? "status" : "alert"}
            className={`rounded-xl border-2 px-4 py-3 font-semibold ${result.ok ? "border-emerald-700 bg-emerald-50 text-emerald-900" : "border-red-700 bg-red-50 text-red-900"}`}
          >
            {result.ok ? <span aria-hidden="true">✓ </span> : null}
            {result.message}
          </p>
        ) : null}
      </div>
      {previousOn ? <NextDayQuestions previousOn={previousOn} knee={body.knee} state={state} /> : null}
      <fieldset>
        <legend className="text-lg font-semibold text-slate-900">Which exercises did you do today?</legend>
        <ul className="mt-3 space-y-2">
          {body.items.map((item) => (
            <li key={item.position}>
              <label className="check-choice">
                <input type="checkbox" name="done" value={item.position} className="h-6 w-6 shrink-0 accent-brand-700" defaultChecked={values?.done.includes(item.position)} />
                <span>
                  {item.position + 1}. {item.name}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <PainScale
        name="exercisePain"
        legend={
          <>
            How much pain did you have <em>during</em> the exercises?
          </>
        }
        hint="Up to 5 is acceptable; above 5, make the next session easier. Leave this out if you did not exercise."
        error={state.fieldErrors?.exercisePain?.[0]}
        value={values?.exercisePain}
        srPrefix="During exercise:"
        required={false}
      />
      <PainScale
        name="pain"
        legend="How much pain have you had today, overall?"
        hint="0 means no pain, 10 the worst pain you can imagine."
        error={state.fieldErrors?.pain?.[0]}
        value={values?.pain}
        srPrefix=""
        required
      />
      <div>
        <label htmlFor="comment" className="block text-lg font-semibold text-slate-900">
          Anything to tell your physiotherapist? <span className="font-normal text-slate-600">(optional)</span>
        </label>
        <textarea
          id="comment"
          name="comment"
          rows={3}
          maxLength={commentMaxLength}
          aria-describedby={describedBy(commentError, "comment")}
          className="mt-2 block w-full rounded-xl border border-slate-400 bg-white px-3 py-2 text-lg"
          defaultValue={values?.comment ?? ""}
        />
        <p id="comment-hint" className="mt-1 text-sm text-slate-600">
          Up to {commentMaxLength} characters.
        </p>
        {commentError ? (
          <p id="comment-error" className="mt-1 font-semibold text-red-800">
            {commentError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="w-full rounded-xl bg-brand-700 px-5 py-4 text-lg font-bold text-white hover:bg-brand-800 sm:w-auto">
        Save today&apos;s session
      </button>
    </form>
  );
}

function History({ sessions, exerciseCount }: { sessions: PatientSession[]; exerciseCount: number }) {
  return (
    <div>
      <h3 className="text-xl font-semibold text-slate-900">Your last 14 days</h3>
      {sessions.length === 0 ? (
        <p className="mt-2 text-slate-700">Nothing logged yet. Your sessions will show here.</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-left">
          <caption className="sr-only">Sessions you logged in the last 14 days</caption>
          <thead>
            <tr className="border-b-2 border-slate-300 text-base text-slate-700">
              <th scope="col" className="py-2 pr-3 font-semibold">
                Date
              </th>
              <th scope="col" className="py-2 pr-3 font-semibold">
                Exercises
              </th>
              <th scope="col" className="py-2 font-semibold">
                Pain
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id} className="border-b border-slate-200">
                <td className="py-2 pr-3">{formatDay(session.loggedOn)}</td>
                <td className="py-2 pr-3">
                  {session.exercisesDone} of {exerciseCount}
                </td>
                <td className="py-2">{session.pain}/10</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The log section around its form and the patient's last 14 days (markers: see below). */
function LogSection({ form, history }: { form: string; history: string }) {
  return (
    <section aria-labelledby="log-heading" id="log" className="scroll-mt-14 space-y-6 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 print:hidden">
      <div>
        <h2 id="log-heading" className="text-2xl font-bold text-slate-900">
          Log today’s session
        </h2>
        <p className="mt-1 text-slate-700">Your physiotherapist sees what you log. It takes less than a minute.</p>
      </div>
      {form}
      {history}
    </section>
  );
}

/**
 * The page around what changes per visit, as bytes. The document is rendered once per issued
 * version with a marker (plain text React leaves as it is) where each part goes: the version's own
 * parts, already rendered by plan-body.tsx, are put in place, and the page is split where the
 * download links, the activity scores (first in the page, while asked for) and the log section go,
 * per visit. Kept as long as its PlanBody is.
 */
type Frame = { beforeLinks: Buffer; afterLinks: Buffer; top: Buffer; afterLog: Buffer };
const frames = new WeakMap<PlanBody, Frame>();
const marker = (name: string) => `@@physioplan:${name}@@`;

function frameOf(render: (node: ReactNode) => string, body: PlanBody): Frame {
  let frame = frames.get(body);
  if (frame) return frame;
  const page = documentHtml(
    render,
    body.title,
    <body className="min-h-screen bg-slate-50 text-lg leading-relaxed text-slate-900 print:bg-white print:text-base">
      <svg aria-hidden="true" className="block h-2 w-full print:hidden" viewBox="0 0 1 1" preserveAspectRatio="none">
        <rect width="1" height="1" fill={body.accentColour} />
      </svg>
      <header className="border-b border-slate-200 bg-white print:border-b-2 print:border-slate-900">
        <div className="mx-auto max-w-2xl space-y-5 px-4 py-5 sm:px-6">
          {marker("clinic")}
          {marker("heading")}
          {marker("links")}
        </div>
      </header>
      <PageNav />
      <main className="mx-auto max-w-2xl space-y-10 px-4 py-6 sm:px-6 print:space-y-6 print:py-2">
        {marker("activities")}
        <div className="space-y-10 print:space-y-6">{marker("top")}</div>
        {marker("log")}
        <div className="space-y-10 print:space-y-6">{marker("bottom")}</div>
      </main>
      {marker("footer")}
    </body>,
  );
  // Split the skeleton before any text goes in: a plan's own words (its title, an exercise, a note)
  // could spell a marker, and must never be searched for one.
  const [head, clinic, heading, links, activities, top, log, bottom, footer] = splitAtMarkers(page, ["clinic", "heading", "links", "activities", "top", "log", "bottom", "footer"]);
  frame = {
    beforeLinks: Buffer.from(head + body.clinic + clinic + body.heading + heading),
    afterLinks: Buffer.from(links),
    top: Buffer.from(activities + body.top + top),
    afterLog: Buffer.from(log + body.bottom + bottom + body.footer + footer),
  };
  frames.set(body, frame);
  return frame;
}

/** The text around each marker, in order: `names.length + 1` pieces. Each marker must stand exactly once. */
function splitAtMarkers(html: string, names: string[]): string[] {
  const pieces: string[] = [];
  let rest = html;
  for (const name of names) {
    const at = rest.split(marker(name));
    if (at.length !== 2) throw new Error(`patient page: marker ${name} found ${at.length - 1} times`);
    pieces.push(at[0]);
    rest = at[1];
  }
  return [...pieces, rest];
}

/**
 * The per-visit parts as far as they are the same for every visit to a version: the links and the
 * fresh log form with markers for the token and the form key (a token is URL-safe base64 and a form
 * key a UUID: neither needs escaping), and the log section around its form and history.
 */
type VisitParts = { links: string; logSection: [string, string, string]; noHistory: string; freshForm: (previousOn: string | null) => string };
const visitParts = new WeakMap<PlanBody, VisitParts>();
const tokenMarker = marker("token");
const clientKeyMarker = marker("client-key");

function visitPartsOf(render: (node: ReactNode) => string, body: PlanBody): VisitParts {
  let parts = visitParts.get(body);
  if (parts) return parts;
  // One per day an earlier session can fall on: a handful at most, kept with the version.
  const forms = new BoundedCache<string, string>(32);
  parts = {
    links: render(<DownloadLinks token={tokenMarker} />),
    logSection: splitAtMarkers(render(<LogSection form={marker("log-form")} history={marker("history")} />), ["log-form", "history"]) as [string, string, string],
    noHistory: render(<History sessions={[]} exerciseCount={body.items.length} />),
    freshForm: (previousOn) =>
      forms.getOrSet(previousOn ?? "", () =>
        render(<LogForm token={tokenMarker} body={body} previousOn={previousOn} clientKey={clientKeyMarker} state={{ outcome: null }} />),
      ),
  };
  visitParts.set(body, parts);
  return parts;
}

/** The plan page of a live link, as the bytes of an HTML document. */
export async function patientPageHtml({
  token,
  body,
  sessions,
  today,
  clientKey,
  form,
  activities = null,
}: {
  token: string;
  body: PlanBody;
  sessions: PatientSession[];
  /** The clinic's date, in its time zone: which sessions came before today's. */
  today: string;
  clientKey: string;
  form: LogFormState;
  /** The PSFS form's state (psfs-section.tsx): shown when the clinician asked for scores or the patient just gave them. */
  activities?: PsfsFormState | null;
}): Promise<Buffer> {
  const render = await staticMarkup();
  const frame = frameOf(render, body);
  const parts = visitPartsOf(render, body);
  const previousOn = previousSessionDay(sessions, today);
  // A fresh visit's form is the same for every visit to this version but for the link's token and
  // the form key (and whether there is an earlier session to ask about): rendered once, filled in.
  const fresh = form.outcome === null && !form.values && !form.fieldErrors;
  const logForm = fresh
    ? parts.freshForm(previousOn).replaceAll(tokenMarker, token).replace(clientKeyMarker, clientKey)
    : render(<LogForm token={token} body={body} previousOn={previousOn} clientKey={clientKey} state={form} />);
  const history = sessions.length === 0 ? parts.noHistory : render(<History sessions={sessions} exerciseCount={body.items.length} />);
  // Joined, not searched: the form may hold what the patient typed, the history their comments.
  const [beforeForm, betweenFormAndHistory, afterHistory] = parts.logSection;
  const log = beforeForm + logForm + betweenFormAndHistory + history + afterHistory;
  // Most visits have no activity scores asked for and no answer to show: nothing to render.
  const scores = activities && (activities.request || activities.outcome) ? render(<PsfsSection token={token} clientKey={clientKey} state={activities} />) : "";
  return Buffer.concat([
    frame.beforeLinks,
    Buffer.from(parts.links.replaceAll(tokenMarker, token)),
    frame.afterLinks,
    Buffer.from(scores),
    frame.top,
    Buffer.from(log),
    frame.afterLog,
  ]);
}

/**
 * What the link of a plan that has ended shows: a short note and how to reach the clinic, nothing
 * of the plan (its link may have been passed on since). `refused` says what was asked and not given:
 * a session log (not saved) or the handout.
 */
export async function planEndedHtml({ notice, refused }: { notice: EndedPlanNotice; refused: "log" | "scores" | "handout" | null }): Promise<Buffer> {
  const render = await staticMarkup();
  return Buffer.from(
    documentHtml(
      render,
      "This plan has ended",
      <body className="min-h-screen bg-slate-50 text-lg leading-relaxed text-slate-900">
        <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-6 py-12">
          {refused ? (
            <p role="alert" className="mb-6 rounded-xl border-2 border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
              {refused === "log"
                ? "Your session was not saved: this plan has ended, so it takes no more sessions."
                : refused === "scores"
                  ? "Your activity scores were not saved: this plan has ended."
                  : "The handout is no longer available here: this plan has ended."}
            </p>
          ) : null}
          <h1 className="text-3xl font-bold tracking-tight">This plan has ended</h1>
          <p className="mt-4 text-slate-700">
            {notice.endedOn ? `Your exercise plan ran until ${formatLongDate(notice.endedOn)}. ` : null}
            Please contact your clinic if you have questions, if your symptoms come back or get worse, or if you need a new plan.
          </p>
          <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-5">
            <h2 className="text-xl font-semibold">{notice.clinicName}</h2>
            <ul className="mt-2 space-y-1">
              {notice.phone ? (
                <li>
                  Phone:{" "}
                  <PhoneLink phone={notice.phone} className="font-semibold text-brand-800 underline" />
                </li>
              ) : null}
              {notice.email ? (
                <li>
                  Email:{" "}
                  <a className="font-semibold text-brand-800 underline" href={`mailto:${notice.email}`}>
                    {notice.email}
                  </a>
                </li>
              ) : null}
            </ul>
          </div>
        </main>
      </body>,
    ),
  );
}

/** What every unknown, revoked or expired link shows: one plain message that tells a guesser nothing. */
export async function linkNotActiveHtml(): Promise<string> {
  const render = await staticMarkup();
  return documentHtml(
    render,
    "Link not active",
    <body className="min-h-screen bg-slate-50 text-lg leading-relaxed text-slate-900">
      <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-6 py-12">
        <h1 className="text-3xl font-bold tracking-tight">This link is not active</h1>
        <p className="mt-4 text-slate-700">Please ask your clinic for a new one.</p>
        <p className="mt-2 text-slate-700">If you have a printed handout, its exercises and advice still apply until your physiotherapist tells you otherwise.</p>
      </main>
    </body>,
  );
}
