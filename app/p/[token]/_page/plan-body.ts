// The parts of the patient page one issued version fixes (clinic, title, what changed, the
// exercises with their figures, safety, education, footer), rendered to HTML once per version and
// then served from memory: an issued version never changes. Every value from the snapshot goes
// through the `html` template (markup.ts), which escapes it.
import "server-only";
import type { Condition, EducationSection } from "@/lib/catalogue/conditions";
import type { SafetyContent } from "@/lib/catalogue/safety";
import type { FigureSpec } from "@/lib/figures/model";
import { figureImagePath, storeFigureImages } from "@/lib/sharing/figure-images";
import { figureFile, type FigureFile } from "@/lib/figures/svg-file";
import type { PlanSnapshot, SnapshotItem } from "@/lib/plans/snapshot";
import { html, type Markup } from "@/lib/html/markup";
import { BoundedCache } from "@/lib/cache/bounded-cache";

// ---------------------------------------------------------------- figures

/**
 * A figure as an image file rather than inline SVG: the files are a few kilobytes each and never
 * change, so a patient's phone fetches them once, while the page itself (sent with `no-store`)
 * stays small on every visit. `files` collects them to be stored before the page is served.
 */
function figure(spec: FigureSpec, alt: string, files: FigureFile[]): Markup {
  const file = figureFile(spec);
  files.push(file);
  return html`<img src="${figureImagePath(file)}" alt="${alt}" width="${Math.round(file.width)}" height="${Math.round(file.height)}" class="h-auto w-full">`;
}

// ---------------------------------------------------------------- sections

function changes(changes: NonNullable<PlanSnapshot["changes"]>): Markup {
  const groups = [
    { label: "New", names: changes.added },
    { label: "Removed", names: changes.removed },
    { label: "Changed", names: changes.changed },
  ].filter((group) => group.names.length > 0);
  return html`<section aria-labelledby="changes-heading" class="rounded-2xl border-2 border-brand-700 bg-brand-50 p-4 text-brand-900 print:bg-white">
<h2 id="changes-heading" class="text-xl font-bold">What changed since version ${changes.previousVersion}</h2>
${
  groups.length === 0
    ? html`<p class="mt-2">Your exercises are the same; your physiotherapist updated other details.</p>`
    : html`<dl class="mt-2 space-y-2">${groups.map(
        (group) => html`<div><dt class="font-semibold">${group.label}</dt><dd><ul class="list-disc pl-6">${group.names.map((name) => html`<li>${name}</li>`)}</ul></dd></div>`,
      )}</dl>`
}
</section>`;
}

function exercise(item: SnapshotItem, number: number, files: FigureFile[]): Markup {
  const headingId = `exercise-${number}`;
  return html`<article aria-labelledby="${headingId}" class="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 print:break-inside-avoid print:rounded-none print:border-0 print:border-t print:px-0 print:shadow-none">
<h3 id="${headingId}" class="flex items-baseline gap-3 text-xl font-semibold leading-snug text-slate-900 sm:text-2xl"><span aria-hidden="true" class="inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-brand-700 text-lg font-bold text-white print:border print:border-slate-900 print:bg-white print:text-slate-900">${number}</span><span><span class="sr-only">Exercise ${number}: </span>${item.name}</span></h3>
<p class="mt-3 rounded-lg bg-brand-50 px-3 py-2 font-semibold text-brand-900 print:bg-white print:px-0"><span class="sr-only">How much: </span>${item.doseLine}</p>
${item.figure ? html`<figure class="mx-auto mt-4 max-w-xl print:max-w-md">${figure(item.figure, `${item.name}: start and end positions`, files)}</figure>` : null}
${item.summary ? html`<p class="mt-4 text-slate-700">${item.summary}</p>` : null}
${
  item.steps.length > 0
    ? html`<h4 class="mt-4 font-semibold text-slate-900">How to do it</h4><ol class="mt-2 space-y-2">${item.steps.map(
        (step, i) =>
          html`<li class="flex gap-3"><span aria-hidden="true" class="mt-0.5 inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full border-2 border-brand-700 text-base font-bold text-brand-800">${i + 1}</span><span>${step}</span></li>`,
      )}</ol>`
    : null
}
${
  item.cues.length > 0
    ? html`<div class="mt-4"><h4 class="font-semibold text-slate-900">${item.cues.length === 1 ? "Tip" : "Tips"}</h4><ul class="mt-1 list-disc space-y-1 pl-6">${item.cues.map((cue) => html`<li>${cue}</li>`)}</ul></div>`
    : null
}
${item.caution ? html`<div class="mt-4 rounded-lg border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950 print:bg-white"><h4 class="font-semibold">Take care</h4><p>${item.caution}</p></div>` : null}
${item.note ? html`<div class="mt-4 rounded-lg border-l-4 border-brand-700 bg-brand-50 px-3 py-2 text-brand-900 print:bg-white"><h4 class="font-semibold">Note from your physiotherapist</h4><p class="whitespace-pre-line">${item.note}</p></div>` : null}
</article>`;
}

const bandStyles = ["border-emerald-600 bg-emerald-50 text-emerald-950", "border-amber-500 bg-amber-50 text-amber-950", "border-red-600 bg-red-50 text-red-950"];

function list(items: string[], className = "mt-3 list-disc space-y-1.5 pl-6"): Markup {
  return html`<ul class="${className}">${items.map((item) => html`<li>${item}</li>`)}</ul>`;
}

function safety(safety: SafetyContent): Markup {
  return html`<section aria-labelledby="safety-heading" id="safety" class="scroll-mt-14 space-y-5">
<h2 id="safety-heading" class="text-2xl font-bold text-slate-900">Staying safe</h2>
<div class="rounded-2xl border-2 border-red-700 bg-red-50 p-4 text-red-950 sm:p-6 print:break-inside-avoid print:bg-white">
<h3 class="flex items-center gap-2 text-xl font-bold"><svg aria-hidden="true" viewBox="0 0 24 24" class="h-6 w-6 shrink-0 fill-red-700"><path d="M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z"/></svg>${safety.urgent.heading}</h3>
<p class="mt-2">${safety.urgent.intro}</p>
${list(safety.urgent.items, "mt-3 list-disc space-y-1.5 pl-6 font-medium")}
</div>
<div class="rounded-2xl border border-amber-400 bg-amber-50 p-4 text-amber-950 sm:p-6 print:break-inside-avoid print:bg-white">
<h3 class="text-xl font-bold">${safety.sameDay.heading}</h3>
<p class="mt-2">${safety.sameDay.intro}</p>
${list(safety.sameDay.items)}
</div>
<div class="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 print:break-inside-avoid">
<h3 class="text-xl font-bold text-slate-900">${safety.painRule.heading}</h3>
<p class="mt-2">${safety.painRule.intro}</p>
<ul class="mt-3 space-y-2">${safety.painRule.bands.map(
    (band, i) =>
      html`<li class="rounded-lg border-l-4 px-3 py-2 ${bandStyles[Math.min(i, bandStyles.length - 1)]} print:bg-white"><span class="font-bold">${band.from}–${band.to} out of 10: ${band.label}.</span> ${band.advice}</li>`,
  )}</ul>
${list(safety.painRule.notes)}
</div>
<div class="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 print:break-inside-avoid">
<h3 class="text-xl font-bold text-slate-900">${safety.seeClinician.heading}</h3>
<p class="mt-2">${safety.seeClinician.intro}</p>
${list(safety.seeClinician.items)}
</div>
</section>`;
}

/** Folded on a phone; printed, every section opens. */
function educationSection(section: EducationSection): Markup {
  return html`<details class="group rounded-xl border border-slate-200 bg-white print:break-inside-avoid print:border-0 print:[&::details-content]:[content-visibility:visible] print:[&::details-content]:block">
<summary class="flex cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-4 py-3 font-semibold text-slate-900 hover:bg-slate-50 print:px-0 [&::-webkit-details-marker]:hidden"><span>${section.heading}</span><span aria-hidden="true" class="text-brand-700 transition-transform group-open:rotate-180 print:hidden">▾</span></summary>
<div class="space-y-3 px-4 pb-4 print:px-0">${section.paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}${section.bullets ? list(section.bullets, "list-disc space-y-1 pl-6") : null}</div>
</details>`;
}

function education(conditions: Condition[], general: EducationSection[]): Markup | null {
  if (conditions.length === 0 && general.length === 0) return null;
  return html`<section aria-labelledby="education-heading" id="education" class="scroll-mt-14 space-y-5">
<h2 id="education-heading" class="text-2xl font-bold text-slate-900">Understanding your ${conditions.length === 1 ? "condition" : "pain"}</h2>
${conditions.map(
  (condition) => html`<div class="space-y-2"><h3 class="text-xl font-semibold text-slate-900">${condition.name}</h3><p class="text-slate-700">${condition.summary}</p><div class="space-y-2">${condition.education.map(educationSection)}</div></div>`,
)}
${general.length > 0 ? html`<div class="space-y-2"><h3 class="text-xl font-semibold text-slate-900">Back and knee pain: the basics</h3><div class="space-y-2">${general.map(educationSection)}</div></div>` : null}
</section>`;
}

// ---------------------------------------------------------------- header and footer

/** The issue date in the clinic's time zone as it was when the version was issued. */
function formatIssued(snapshot: PlanSnapshot): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: snapshot.clinic.timeZone ?? "Europe/London", day: "numeric", month: "long", year: "numeric" }).format(new Date(snapshot.issuedAt));
}
const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T12:00:00Z`));
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, "")}`;
}

/** Who the plan is from and how to reach them. The logo is a data: URL from the snapshot: nothing loads from elsewhere. */
function clinicBlock(clinic: PlanSnapshot["clinic"]): Markup {
  const logo = clinic.logo ? `data:${clinic.logo.mimeType};base64,${clinic.logo.base64}` : null;
  return html`<div class="flex items-start gap-3">
${logo ? html`<img src="${logo}" alt="" class="h-12 w-auto max-w-24 shrink-0 object-contain">` : null}
<div class="min-w-0"><p class="text-lg font-bold leading-tight text-slate-900">${clinic.name}</p>
<ul class="mt-1 space-y-0.5 text-base text-slate-700">
${clinic.phone ? html`<li><span class="sr-only">Phone: </span><a href="${telHref(clinic.phone)}" class="font-medium text-brand-800 underline underline-offset-2">${clinic.phone}</a></li>` : null}
${clinic.email ? html`<li class="break-words"><span class="sr-only">Email: </span><a href="mailto:${clinic.email}" class="text-brand-800 underline underline-offset-2">${clinic.email}</a></li>` : null}
${clinic.address ? html`<li>${clinic.address}</li>` : null}
</ul></div>
</div>`;
}

/** What the plan is, for whom, and when it last changed. */
function titleBlock(snapshot: PlanSnapshot): Markup {
  return html`<div>
<h1 class="text-3xl font-bold leading-tight tracking-tight text-slate-900 sm:text-4xl">${snapshot.title}</h1>
<dl class="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700">
<dt class="font-medium">For</dt><dd>${snapshot.patient.displayName}</dd>
<dt class="font-medium">From</dt><dd>${snapshot.clinician.name}</dd>
${snapshot.startDate ? html`<dt class="font-medium">Start</dt><dd>${formatDate(snapshot.startDate)}</dd>` : null}
${snapshot.reviewDate ? html`<dt class="font-medium">Review</dt><dd>${formatDate(snapshot.reviewDate)}</dd>` : null}
</dl>
<p class="mt-3 text-slate-700">Updated on <time datetime="${snapshot.issuedAt}">${formatIssued(snapshot)}</time><span class="text-slate-600"> · version ${snapshot.version}</span></p>
</div>`;
}

function footer(clinic: PlanSnapshot["clinic"]): Markup {
  return html`<footer class="border-t border-slate-200 bg-white print:border-t-2 print:border-slate-900">
<div class="mx-auto max-w-2xl px-4 py-6 text-base text-slate-700 sm:px-6">
<p>Questions about your plan? Contact ${clinic.name}${clinic.phone ? html` on <a href="${telHref(clinic.phone)}" class="font-medium text-brand-800 underline underline-offset-2">${clinic.phone}</a>` : null}.</p>
<p class="mt-2 text-sm text-slate-600">This page is private to you. Please do not share its address.</p>
</div>
</footer>`;
}

// ---------------------------------------------------------------- the cache

/** Everything on the page that one issued version fixes, rendered once and kept. */
export type PlanBody = {
  /** For the <title>: the plan and the clinic. */
  title: string;
  accentColour: string;
  /** The exercises as the log form lists them, in plan order. */
  items: { position: number; name: string }[];
  clinic: Markup;
  heading: Markup;
  /** What changed, the clinician's notes and the exercises: above the session log form. */
  top: Markup;
  /** Safety and education: below it. */
  bottom: Markup;
  footer: Markup;
};

export function renderPlanBody(snapshot: PlanSnapshot): PlanBody & { figures: FigureFile[] } {
  const figures: FigureFile[] = [];
  const items = [...snapshot.items].sort((a, b) => a.position - b.position);
  const top = html`${snapshot.changes ? changes(snapshot.changes) : null}
${
  snapshot.notes
    ? html`<section aria-labelledby="notes-heading" class="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0"><h2 id="notes-heading" class="text-xl font-bold text-slate-900">From ${snapshot.clinician.name}</h2><p class="mt-2 whitespace-pre-line">${snapshot.notes}</p></section>`
    : null
}
<section aria-labelledby="exercises-heading" id="exercises" class="scroll-mt-14 space-y-5">
<div><h2 id="exercises-heading" class="text-2xl font-bold text-slate-900">Your exercises</h2><p class="mt-1 text-slate-700">${items.length} ${items.length === 1 ? "exercise" : "exercises"}. Move slowly and stay within the pain guide below.</p></div>
${items.map((item, i) => exercise(item, i + 1, figures))}
</section>`;
  const bottom = html`${safety(snapshot.safety)}
${education(snapshot.conditions, snapshot.generalEducation)}`;
  return {
    title: `${snapshot.title} · ${snapshot.clinic.name}`,
    accentColour: snapshot.clinic.accentColour,
    items: items.map((item) => ({ position: item.position, name: item.name })),
    clinic: clinicBlock(snapshot.clinic),
    heading: titleBlock(snapshot),
    top,
    bottom,
    footer: footer(snapshot.clinic),
    figures,
  };
}

const bodies = new BoundedCache<string, PlanBody>(100);

/** The body of one issued version, rendered (and its figure files stored) on first use. */
export async function planBodyOf(versionId: string, snapshot: PlanSnapshot): Promise<PlanBody> {
  const cached = bodies.get(versionId);
  if (cached) return cached;
  const { figures, ...body } = renderPlanBody(snapshot);
  await storeFigureImages(figures);
  return bodies.set(versionId, body);
}
