// The whole patient page as one HTML document: the per-version parts from plan-body.ts around
// what changes per visit (the session log form with a fresh form key, its answer, the last 14
// days). No JavaScript: every control is a link or a plain form post, so the page works the same
// on any phone, and a patient's browser loads one HTML document and one stylesheet.
import "server-only";
import { formatDay, formatFullDate } from "@/lib/adherence/dates";
import { commentMaxLength } from "@/lib/adherence/log-session";
import type { PatientSession } from "@/lib/adherence/recent-sessions";
import { logOutcomes, type LogOutcome } from "@/lib/adherence/log-messages";
import { html, type Markup } from "@/lib/html/markup";
import type { EndedPlanNotice } from "@/lib/sharing/links";
import type { PlanBody } from "./plan-body";
import { stylesheetHref } from "./stylesheet";

/** What the log form shows: the answer to the last submit and, when it was refused, what was typed. */
export type LogFormState = {
  outcome: LogOutcome | null;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: { done: number[]; pain: number | null; comment: string };
};

const painWords: Record<number, string> = { 0: "no pain", 5: "moderate", 10: "worst imaginable" };

function head(title: string): Markup {
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="${stylesheetHref()}">
</head>`;
}

const downloadClass = "inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-4 py-3 text-center font-semibold";
const downloadIcon = html`<svg aria-hidden="true" viewBox="0 0 24 24" class="h-5 w-5 fill-current"><path d="M11 3h2v9.6l3.3-3.3 1.4 1.4L12 16.4l-5.7-5.7 1.4-1.4 3.3 3.3V3zM5 19h14v2H5z"/></svg>`;

// The links wrap to a second row on the narrowest phones rather than scroll sideways (a 320 px
// screen has room for three of them).
const pageNav = html`<nav aria-label="On this page" class="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur print:hidden">
<ul class="mx-auto flex max-w-2xl flex-wrap gap-x-1 px-2 py-1 text-base sm:px-4">
${[
  ["#exercises", "Exercises"],
  ["#log", "Log a session"],
  ["#safety", "Safety"],
  ["#education", "Advice"],
].map(([href, label]) => html`<li class="shrink-0"><a href="${href}" class="inline-block rounded-lg px-2.5 py-2 font-medium text-brand-800 hover:bg-brand-50">${label}</a></li>`)}
</ul>
</nav>`;

function logForm(token: string, items: PlanBody["items"], clientKey: string, state: LogFormState): Markup {
  const result = state.outcome ? logOutcomes[state.outcome] : null;
  const values = state.values;
  const painError = state.fieldErrors?.pain?.[0];
  const commentError = state.fieldErrors?.comment?.[0];
  return html`<form action="/p/${token}/log" method="post" class="space-y-6"${result ? html` aria-describedby="log-status"` : null}>
<input type="hidden" name="clientKey" value="${clientKey}">
<div id="log-status">${
    result
      ? html`<p role="${result.ok ? "status" : "alert"}" class="rounded-xl border-2 px-4 py-3 font-semibold ${result.ok ? "border-emerald-700 bg-emerald-50 text-emerald-900" : "border-red-700 bg-red-50 text-red-900"}">${result.ok ? html`<span aria-hidden="true">✓ </span>` : null}${result.message}</p>`
      : null
  }</div>
<fieldset>
<legend class="text-lg font-semibold text-slate-900">Which exercises did you do?</legend>
<ul class="mt-3 space-y-2">${items.map(
    (item) =>
      html`<li><label class="flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border border-slate-300 bg-white px-3 py-2 has-checked:border-brand-700 has-checked:bg-brand-50"><input type="checkbox" name="done" value="${item.position}" class="h-6 w-6 shrink-0 accent-brand-700"${values?.done.includes(item.position) ? html` checked` : null}><span>${item.position + 1}. ${item.name}</span></label></li>`,
  )}</ul>
</fieldset>
<fieldset aria-describedby="${painError ? "pain-error pain-hint" : "pain-hint"}">
<legend class="text-lg font-semibold text-slate-900">How much pain did you have?</legend>
<p id="pain-hint" class="mt-1 text-slate-700">0 means no pain, 10 the worst pain you can imagine.</p>
<div class="mt-3 grid grid-cols-6 gap-2 sm:grid-cols-11">${Array.from(
    { length: 11 },
    (_, pain) =>
      html`<label class="flex min-h-12 cursor-pointer flex-col items-center justify-center rounded-xl border-2 border-slate-300 bg-white text-xl font-bold text-slate-900 has-checked:border-brand-800 has-checked:bg-brand-700 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"><input type="radio" name="pain" value="${pain}" required class="sr-only"${values?.pain === pain ? html` checked` : null}><span>${pain}</span>${painWords[pain] ? html`<span class="sr-only"> — ${painWords[pain]}</span>` : null}</label>`,
  )}</div>
<div aria-hidden="true" class="mt-1 flex justify-between text-sm text-slate-600"><span>0 — no pain</span><span>10 — worst imaginable</span></div>
${painError ? html`<p id="pain-error" class="mt-2 font-semibold text-red-800">${painError}</p>` : null}
</fieldset>
<div>
<label for="comment" class="block text-lg font-semibold text-slate-900">Anything to tell your physiotherapist? <span class="font-normal text-slate-600">(optional)</span></label>
<textarea id="comment" name="comment" rows="3" maxlength="${commentMaxLength}" aria-describedby="${commentError ? "comment-error comment-hint" : "comment-hint"}" class="mt-2 block w-full rounded-xl border border-slate-400 bg-white px-3 py-2 text-lg">${values?.comment ?? ""}</textarea>
<p id="comment-hint" class="mt-1 text-sm text-slate-600">Up to ${commentMaxLength} characters.</p>
${commentError ? html`<p id="comment-error" class="mt-1 font-semibold text-red-800">${commentError}</p>` : null}
</div>
<button type="submit" class="w-full rounded-xl bg-brand-700 px-5 py-4 text-lg font-bold text-white hover:bg-brand-800 sm:w-auto">Save today's session</button>
</form>`;
}

function history(sessions: PatientSession[], exerciseCount: number): Markup {
  return html`<div>
<h3 class="text-xl font-semibold text-slate-900">Your last 14 days</h3>
${
  sessions.length === 0
    ? html`<p class="mt-2 text-slate-700">Nothing logged yet. Your sessions will show here.</p>`
    : html`<table class="mt-3 w-full border-collapse text-left">
<caption class="sr-only">Sessions you logged in the last 14 days</caption>
<thead><tr class="border-b-2 border-slate-300 text-base text-slate-700"><th scope="col" class="py-2 pr-3 font-semibold">Date</th><th scope="col" class="py-2 pr-3 font-semibold">Exercises</th><th scope="col" class="py-2 font-semibold">Pain</th></tr></thead>
<tbody>${sessions.map(
        (session) =>
          html`<tr class="border-b border-slate-200"><td class="py-2 pr-3">${formatDay(session.loggedOn)}</td><td class="py-2 pr-3">${session.exercisesDone} of ${exerciseCount}</td><td class="py-2">${session.pain}/10</td></tr>`,
      )}</tbody>
</table>`
}
</div>`;
}

/**
 * The page around what changes per visit, as bytes: split where the link's own addresses and the
 * log section go, encoded once per issued version (kept as long as its PlanBody is).
 */
type Frame = { beforeLinks: Buffer; afterLinks: Buffer; afterLog: Buffer };
const frames = new WeakMap<PlanBody, Frame>();

function frameOf(body: PlanBody): Frame {
  let frame = frames.get(body);
  if (frame) return frame;
  const beforeLinks = html`${head(body.title)}
<body class="min-h-screen bg-slate-50 text-lg leading-relaxed text-slate-900 print:bg-white print:text-base">
<svg aria-hidden="true" class="block h-2 w-full print:hidden" viewBox="0 0 1 1" preserveAspectRatio="none"><rect width="1" height="1" fill="${body.accentColour}"/></svg>
<header class="border-b border-slate-200 bg-white print:border-b-2 print:border-slate-900">
<div class="mx-auto max-w-2xl space-y-5 px-4 py-5 sm:px-6">
${body.clinic}
${body.heading}
`;
  const afterLinks = html`</div>
</header>
${pageNav}
<main class="mx-auto max-w-2xl space-y-10 px-4 py-6 sm:px-6 print:space-y-6 print:py-2">
<div class="space-y-10 print:space-y-6">${body.top}</div>
`;
  const afterLog = html`
<div class="space-y-10 print:space-y-6">${body.bottom}</div>
</main>
${body.footer}
</body>
</html>
`;
  frame = { beforeLinks: Buffer.from(beforeLinks.value), afterLinks: Buffer.from(afterLinks.value), afterLog: Buffer.from(afterLog.value) };
  frames.set(body, frame);
  return frame;
}

/** The plan page of a live link, as the bytes of an HTML document. */
export function patientPageHtml({
  token,
  body,
  sessions,
  clientKey,
  form,
}: {
  token: string;
  body: PlanBody;
  sessions: PatientSession[];
  clientKey: string;
  form: LogFormState;
}): Buffer {
  const frame = frameOf(body);
  const pdf = `/p/${token}/handout.pdf`;
  const links = html`<div class="grid grid-cols-1 gap-2 sm:grid-cols-2 print:hidden">
<a href="${pdf}" download class="${downloadClass} bg-brand-700 text-white hover:bg-brand-800">${downloadIcon} Download PDF</a>
<a href="${pdf}?large=1" download class="${downloadClass} border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50">${downloadIcon} Large-print PDF</a>
</div>
`;
  const log = html`<section aria-labelledby="log-heading" id="log" class="scroll-mt-14 space-y-6 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 print:hidden">
<div><h2 id="log-heading" class="text-2xl font-bold text-slate-900">Log today’s session</h2><p class="mt-1 text-slate-700">Your physiotherapist sees what you log. It takes less than a minute.</p></div>
${logForm(token, body.items, clientKey, form)}
${history(sessions, body.items.length)}
</section>`;
  return Buffer.concat([frame.beforeLinks, Buffer.from(links.value), frame.afterLinks, Buffer.from(log.value), frame.afterLog]);
}

/**
 * What the link of a plan that has ended shows: a short note and how to reach the clinic, nothing
 * of the plan (its link may have been passed on since). `refused` says what was asked and not given:
 * a session log (not saved) or the handout.
 */
export function planEndedHtml({ notice, refused }: { notice: EndedPlanNotice; refused: "log" | "handout" | null }): Buffer {
  const tel = notice.phone ? notice.phone.replace(/[^+\d]/g, "") : "";
  return Buffer.from(
    html`${head("This plan has ended")}
<body class="min-h-screen bg-slate-50 text-lg leading-relaxed text-slate-900">
<main class="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-6 py-12">
${
  refused
    ? html`<p role="alert" class="mb-6 rounded-xl border-2 border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">${
        refused === "log" ? "Your session was not saved: this plan has ended, so it takes no more sessions." : "The handout is no longer available here: this plan has ended."
      }</p>`
    : null
}
<h1 class="text-3xl font-bold tracking-tight">This plan has ended</h1>
<p class="mt-4 text-slate-700">${notice.endedOn ? html`Your exercise plan ran until ${formatFullDate(notice.endedOn)}. ` : null}Please contact your clinic if you have questions, if your symptoms come back or get worse, or if you need a new plan.</p>
<div class="mt-6 rounded-2xl border border-slate-200 bg-white p-5">
<h2 class="text-xl font-semibold">${notice.clinicName}</h2>
<ul class="mt-2 space-y-1">
${notice.phone ? html`<li>Phone: <a class="font-semibold text-brand-800 underline" href="tel:${tel}">${notice.phone}</a></li>` : null}
${notice.email ? html`<li>Email: <a class="font-semibold text-brand-800 underline" href="mailto:${notice.email}">${notice.email}</a></li>` : null}
</ul>
</div>
</main>
</body>
</html>
`.value,
  );
}

/** What every unknown, revoked or expired link shows: one plain message that tells a guesser nothing. */
export function linkNotActiveHtml(): string {
  return html`${head("Link not active")}
<body class="min-h-screen bg-slate-50 text-lg leading-relaxed text-slate-900">
<main class="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-6 py-12">
<h1 class="text-3xl font-bold tracking-tight">This link is not active</h1>
<p class="mt-4 text-slate-700">Please ask your clinic for a new one.</p>
<p class="mt-2 text-slate-700">If you have a printed handout, its exercises and advice still apply until your physiotherapist tells you otherwise.</p>
</main>
</body>
</html>
`.value;
}
