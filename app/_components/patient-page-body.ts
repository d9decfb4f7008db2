// The patient page's body (what changed, the exercises with their figures, the safety section and
// the education) as HTML, rendered once per issued version and then served from memory. An issued
// version never changes, and rendering twelve figures and their text through React on every
// visit cost most of the page's time (docs/benchmarks-delivery.md). Every value from the snapshot
// goes through the `html` template, which escapes it; nothing here is parsed as markup.
import "server-only";
import type { Condition, EducationSection } from "@/lib/catalogue/conditions";
import type { SafetyContent } from "@/lib/catalogue/safety";
import type { FigureSpec } from "@/lib/figures/model";
import { renderFigure, type Primitive } from "@/lib/figures/render";
import type { PlanSnapshot, SnapshotItem } from "@/lib/plans/snapshot";

class Markup {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

type Value = Markup | string | number | null | undefined | false | Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escape(String(value));
}

/** A template whose interpolated values are escaped, unless they are Markup made by this template. */
function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Markup(out);
}

// ---------------------------------------------------------------- figures

function attributes(p: Record<string, string | number | undefined>): string {
  return Object.entries(p)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join("");
}

function primitive(p: Primitive): string {
  switch (p.kind) {
    case "line":
      return `<line${attributes({ x1: p.x1, y1: p.y1, x2: p.x2, y2: p.y2, stroke: p.stroke, "stroke-width": p.strokeWidth, opacity: p.opacity })}/>`;
    case "path":
      return `<path${attributes({ d: p.d, stroke: p.stroke, fill: p.fill, "stroke-width": p.strokeWidth, opacity: p.opacity })}/>`;
    case "circle":
      return `<circle${attributes({ cx: p.cx, cy: p.cy, r: p.r, fill: p.fill, stroke: p.stroke, "stroke-width": p.strokeWidth, opacity: p.opacity })}/>`;
    case "polygon":
      return `<polygon${attributes({ points: p.points, fill: p.fill, stroke: p.stroke, "stroke-width": p.strokeWidth, opacity: p.opacity })}/>`;
    case "rect":
      return `<rect${attributes({ x: p.x, y: p.y, width: p.width, height: p.height, rx: p.rx, fill: p.fill, stroke: p.stroke, "stroke-width": p.strokeWidth, opacity: p.opacity })}/>`;
    case "text":
      return `<text${attributes({
        x: p.x,
        y: p.y,
        "font-size": p.fontSize,
        fill: p.fill,
        "text-anchor": p.anchor,
        "font-weight": p.fontWeight,
        "font-family": "system-ui, sans-serif",
        "aria-hidden": "true",
      })}>${escape(p.text)}</text>`;
  }
}

/** The same drawing FigureSvg makes (lib/figures/svg.tsx), as a string. */
function figure(spec: FigureSpec, title: string, id: string): Markup {
  const drawing = renderFigure(spec, { which: "both" });
  const svg =
    `<svg role="img" aria-labelledby="${id}"${attributes({ viewBox: drawing.viewBox, width: drawing.width, height: drawing.height })}` +
    ` class="h-auto w-full" xmlns="http://www.w3.org/2000/svg" stroke-linecap="round" stroke-linejoin="round">` +
    `<title id="${id}">${escape(title)}</title>${drawing.primitives.map(primitive).join("")}</svg>`;
  return new Markup(svg);
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

function exercise(item: SnapshotItem, number: number): Markup {
  const headingId = `exercise-${number}`;
  return html`<article aria-labelledby="${headingId}" class="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 print:break-inside-avoid print:rounded-none print:border-0 print:border-t print:px-0 print:shadow-none">
<h3 id="${headingId}" class="flex items-baseline gap-3 text-xl font-semibold leading-snug text-slate-900 sm:text-2xl"><span aria-hidden="true" class="inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-brand-700 text-lg font-bold text-white print:border print:border-slate-900 print:bg-white print:text-slate-900">${number}</span><span><span class="sr-only">Exercise ${number}: </span>${item.name}</span></h3>
<p class="mt-3 rounded-lg bg-brand-50 px-3 py-2 font-semibold text-brand-900 print:bg-white print:px-0"><span class="sr-only">How much: </span>${item.doseLine}</p>
${item.figure ? html`<figure class="mx-auto mt-4 max-w-xl print:max-w-md">${figure(item.figure, `${item.name}: start and end positions`, `${headingId}-figure`)}</figure>` : null}
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

// ---------------------------------------------------------------- the cache

export type PlanBody = {
  /** What changed, the clinician's notes and the exercises: above the session log form. */
  top: string;
  /** Safety and education: below it. */
  bottom: string;
};

export function renderPlanBody(snapshot: PlanSnapshot): PlanBody {
  const items = [...snapshot.items].sort((a, b) => a.position - b.position);
  const top = html`${snapshot.changes ? changes(snapshot.changes) : null}
${
  snapshot.notes
    ? html`<section aria-labelledby="notes-heading" class="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0"><h2 id="notes-heading" class="text-xl font-bold text-slate-900">From ${snapshot.clinician.name}</h2><p class="mt-2 whitespace-pre-line">${snapshot.notes}</p></section>`
    : null
}
<section aria-labelledby="exercises-heading" id="exercises" class="scroll-mt-14 space-y-5">
<div><h2 id="exercises-heading" class="text-2xl font-bold text-slate-900">Your exercises</h2><p class="mt-1 text-slate-700">${items.length} ${items.length === 1 ? "exercise" : "exercises"}. Move slowly and stay within the pain guide below.</p></div>
${items.map((item, i) => exercise(item, i + 1))}
</section>`;
  const bottom = html`${safety(snapshot.safety)}
${education(snapshot.conditions, snapshot.generalEducation)}`;
  return { top: top.value, bottom: bottom.value };
}

const bodies = new Map<string, PlanBody>();
const cacheSize = 100;

/** The body of one issued version, rendered on first use. */
export function planBodyOf(versionId: string, snapshot: PlanSnapshot): PlanBody {
  let body = bodies.get(versionId);
  if (!body) {
    body = renderPlanBody(snapshot);
    if (bodies.size >= cacheSize) bodies.delete(bodies.keys().next().value!);
    bodies.set(versionId, body);
  }
  return body;
}
