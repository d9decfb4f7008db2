// The parts of the patient page one issued version fixes (clinic, title, what changed, the
// exercises with their figures, safety, education, footer): React components rendered to static
// HTML once per version and then served from memory, since an issued version never changes.
// React escapes every value from the snapshot.
import "server-only";
import type { ReactNode } from "react";
import type { Condition, EducationSection } from "@/lib/catalogue/conditions";
import type { SafetyContent } from "@/lib/catalogue/safety";
import { BoundedCache } from "@/lib/cache/bounded-cache";
import { figureImagePath, storeFigureImages } from "@/lib/sharing/figure-images";
import { figureFile, type FigureFile } from "@/lib/figures/svg-file";
import { telHref } from "@/lib/clinic/phone";
import { defaultClinicClock, formatLongDate } from "@/lib/dates/format";
import { staticMarkup } from "@/lib/html/static-markup";
import type { PlanSnapshot, SnapshotItem } from "@/lib/plans/snapshot";
import { isKneePlan } from "@/lib/adherence/knee";
import { progressionAdvice } from "@/lib/plans/progression-advice";

// ---------------------------------------------------------------- sections

function Changes({ changes }: { changes: NonNullable<PlanSnapshot["changes"]> }) {
  const groups = [
    { label: "New", names: changes.added },
    { label: "Removed", names: changes.removed },
    { label: "Changed", names: changes.changed },
  ].filter((group) => group.names.length > 0);
  return (
    <section aria-labelledby="changes-heading" className="rounded-2xl border-2 border-brand-700 bg-brand-50 p-4 text-brand-900 print:bg-white">
      <h2 id="changes-heading" className="text-xl font-bold">
        What changed since version {changes.previousVersion}
      </h2>
      {groups.length === 0 ? (
        <p className="mt-2">Your exercises are the same; your physiotherapist updated other details.</p>
      ) : (
        <dl className="mt-2 space-y-2">
          {groups.map((group) => (
            <div key={group.label}>
              <dt className="font-semibold">{group.label}</dt>
              <dd>
                <ul className="list-disc pl-6">
                  {group.names.map((name, i) => (
                    <li key={i}>{name}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/**
 * A figure as an image file rather than inline SVG: the files are a few kilobytes each and never
 * change, so a patient's phone fetches them once, while the page itself (sent with `no-store`)
 * stays small on every visit.
 */
function Figure({ file, alt }: { file: FigureFile; alt: string }) {
  return <img src={figureImagePath(file)} alt={alt} width={Math.round(file.width)} height={Math.round(file.height)} className="h-auto w-full" />;
}

function Exercise({ item, number, figure }: { item: SnapshotItem; number: number; figure: FigureFile | null }) {
  const headingId = `exercise-${number}`;
  return (
    <article
      aria-labelledby={headingId}
      className="exercise-card"
    >
      <h3 id={headingId} className="exercise-heading">
        <span
          aria-hidden="true"
          className="exercise-number"
        >
          {number}
        </span>
        <span>
          <span className="sr-only">Exercise {number}: </span>
          {item.name}
        </span>
      </h3>
      <p className="dose-line">
        <span className="sr-only">How much: </span>
        {item.doseLine}
      </p>
      {item.progression ? (
        <p className="mt-2 px-3 text-slate-800 print:px-0" data-progression="">
          <span className="font-semibold">Too easy?</span> {item.progression.tooEasy} <span className="font-semibold">Too hard?</span> {item.progression.tooHard}
        </p>
      ) : null}
      {figure ? (
        <figure className="mx-auto mt-4 max-w-xl print:max-w-md">
          <Figure file={figure} alt={`${item.name}: start and end positions`} />
        </figure>
      ) : null}
      {item.summary ? <p className="mt-4 text-slate-700">{item.summary}</p> : null}
      {item.steps.length > 0 ? (
        <>
          <h4 className="mt-4 font-semibold text-slate-900">How to do it</h4>
          <ol className="mt-2 space-y-2">
            {item.steps.map((step, i) => (
              <li key={i} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="step-number"
                >
                  {i + 1}
                </span>
                <span>{step}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {item.cues.length > 0 ? (
        <div className="mt-4">
          <h4 className="font-semibold text-slate-900">{item.cues.length === 1 ? "Tip" : "Tips"}</h4>
          <BulletList items={item.cues} className="mt-1 list-disc space-y-1 pl-6" />
        </div>
      ) : null}
      {item.caution ? (
        <div className="callout border-amber-500 bg-amber-50 text-amber-950 print:bg-white">
          <h4 className="font-semibold">Take care</h4>
          <p>{item.caution}</p>
        </div>
      ) : null}
      {item.note ? (
        <div className="callout border-brand-700 bg-brand-50 text-brand-900 print:bg-white">
          <h4 className="font-semibold">Note from your physiotherapist</h4>
          <p className="whitespace-pre-line">{item.note}</p>
        </div>
      ) : null}
    </article>
  );
}

const bandStyles = ["border-emerald-600 bg-emerald-50 text-emerald-950", "border-amber-500 bg-amber-50 text-amber-950", "border-red-600 bg-red-50 text-red-950"];

function BulletList({ items, className = "mt-3 list-disc space-y-1.5 pl-6" }: { items: string[]; className?: string }) {
  return (
    <ul className={className}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

function Panel({ className, heading, intro, children }: { className: string; heading: string; intro: string; children: ReactNode }) {
  return (
    <div className={className}>
      <h3 className="text-xl font-bold">{heading}</h3>
      <p className="mt-2">{intro}</p>
      {children}
    </div>
  );
}

function Safety({ safety }: { safety: SafetyContent }) {
  return (
    <section aria-labelledby="safety-heading" id="safety" className="scroll-mt-14 space-y-5">
      <h2 id="safety-heading" className="text-2xl font-bold text-slate-900">
        Staying safe
      </h2>
      <div className="rounded-2xl border-2 border-red-700 bg-red-50 p-4 text-red-950 sm:p-6 print:break-inside-avoid print:bg-white">
        <h3 className="flex items-center gap-2 text-xl font-bold">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 shrink-0 fill-red-700">
            <path d="M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z" />
          </svg>
          {safety.urgent.heading}
        </h3>
        <p className="mt-2">{safety.urgent.intro}</p>
        <BulletList items={safety.urgent.items} className="mt-3 list-disc space-y-1.5 pl-6 font-medium" />
      </div>
      <Panel className="rounded-2xl border border-amber-400 bg-amber-50 p-4 text-amber-950 sm:p-6 print:break-inside-avoid print:bg-white" {...safety.sameDay}>
        <BulletList items={safety.sameDay.items} />
      </Panel>
      <Panel className="rounded-2xl border border-slate-200 bg-white p-4 text-slate-900 sm:p-6 print:break-inside-avoid" {...safety.painRule}>
        <ul className="mt-3 space-y-2">
          {safety.painRule.bands.map((band, i) => (
            <li key={i} className={`rounded-lg border-l-4 px-3 py-2 ${bandStyles[Math.min(i, bandStyles.length - 1)]} print:bg-white`}>
              <span className="font-bold">
                {band.from}–{band.to} out of 10: {band.label}.
              </span>{" "}
              {band.advice}
            </li>
          ))}
        </ul>
        <BulletList items={safety.painRule.notes} />
      </Panel>
      <Panel className="rounded-2xl border border-slate-200 bg-white p-4 text-slate-900 sm:p-6 print:break-inside-avoid" {...safety.seeClinician}>
        <BulletList items={safety.seeClinician.items} />
      </Panel>
    </section>
  );
}

/** Folded on a phone; printed, every section opens. */
function EducationPart({ section }: { section: EducationSection }) {
  return (
    <details className="group disclosure">
      <summary className="disclosure-summary">
        <span>{section.heading}</span>
        <span aria-hidden="true" className="text-brand-700 transition-transform group-open:rotate-180 print:hidden">
          ▾
        </span>
      </summary>
      <div className="space-y-3 px-4 pb-4 print:px-0">
        {section.paragraphs.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
        {section.bullets ? <BulletList items={section.bullets} className="list-disc space-y-1 pl-6" /> : null}
      </div>
    </details>
  );
}

function Education({ conditions, general }: { conditions: Condition[]; general: EducationSection[] }) {
  if (conditions.length === 0 && general.length === 0) return null;
  return (
    <section aria-labelledby="education-heading" id="education" className="scroll-mt-14 space-y-5">
      <h2 id="education-heading" className="text-2xl font-bold text-slate-900">
        Understanding your {conditions.length === 1 ? "condition" : "pain"}
      </h2>
      {conditions.map((condition) => (
        <div key={condition.slug} className="space-y-2">
          <h3 className="text-xl font-semibold text-slate-900">{condition.name}</h3>
          <p className="text-slate-700">{condition.summary}</p>
          <div className="space-y-2">
            {condition.education.map((section, i) => (
              <EducationPart key={i} section={section} />
            ))}
          </div>
        </div>
      ))}
      {general.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-xl font-semibold text-slate-900">Back and knee pain: the basics</h3>
          <div className="space-y-2">
            {general.map((section, i) => (
              <EducationPart key={i} section={section} />
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------- header and footer

/** The issue date in the clinic's time zone as it was when the version was issued (older snapshots carry none: UK). */
function formatIssued(snapshot: PlanSnapshot): string {
  return formatLongDate(snapshot.issuedAt, { ...defaultClinicClock, timeZone: snapshot.clinic.timeZone ?? defaultClinicClock.timeZone });
}

/** The clinic's phone as typed, linked to dial its digits; plain text if it does not read as a number (an older setting). */
export function PhoneLink({ phone, className }: { phone: string; className: string }) {
  const href = telHref(phone);
  return href ? (
    <a className={className} href={href}>
      {phone}
    </a>
  ) : (
    <>{phone}</>
  );
}

/** Who the plan is from and how to reach them. The logo is a data: URL from the snapshot: nothing loads from elsewhere. */
function ClinicBlock({ clinic }: { clinic: PlanSnapshot["clinic"] }) {
  const logo = clinic.logo ? `data:${clinic.logo.mimeType};base64,${clinic.logo.base64}` : null;
  return (
    <div className="flex items-start gap-3">
      {logo ? <img src={logo} alt="" className="h-12 w-auto max-w-24 shrink-0 object-contain" /> : null}
      <div className="min-w-0">
        <p className="text-lg font-bold leading-tight text-slate-900">{clinic.name}</p>
        <ul className="mt-1 space-y-0.5 text-base text-slate-700">
          {clinic.phone ? (
            <li>
              <span className="sr-only">Phone: </span>
              <PhoneLink phone={clinic.phone} className="font-medium text-brand-800 underline underline-offset-2" />
            </li>
          ) : null}
          {clinic.email ? (
            <li className="break-words">
              <span className="sr-only">Email: </span>
              <a href={`mailto:${clinic.email}`} className="text-brand-800 underline underline-offset-2">
                {clinic.email}
              </a>
            </li>
          ) : null}
          {clinic.address ? <li>{clinic.address}</li> : null}
        </ul>
      </div>
    </div>
  );
}

/** What the plan is, for whom, and when it last changed. */
function TitleBlock({ snapshot }: { snapshot: PlanSnapshot }) {
  return (
    <div>
      <h1 className="text-3xl font-bold leading-tight tracking-tight text-slate-900 sm:text-4xl">{snapshot.title}</h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700">
        <dt className="font-medium">For</dt>
        <dd>{snapshot.patient.displayName}</dd>
        <dt className="font-medium">From</dt>
        <dd>{snapshot.clinician.name}</dd>
        {snapshot.startDate ? (
          <>
            <dt className="font-medium">Start</dt>
            <dd>{formatLongDate(snapshot.startDate)}</dd>
          </>
        ) : null}
        {snapshot.reviewDate ? (
          <>
            <dt className="font-medium">Review</dt>
            <dd>{formatLongDate(snapshot.reviewDate)}</dd>
          </>
        ) : null}
      </dl>
      <p className="mt-3 text-slate-700">
        Updated on <time dateTime={snapshot.issuedAt}>{formatIssued(snapshot)}</time>
        <span className="text-slate-600"> · version {snapshot.version}</span>
      </p>
    </div>
  );
}

function Footer({ clinic }: { clinic: PlanSnapshot["clinic"] }) {
  return (
    <footer className="border-t border-slate-200 bg-white print:border-t-2 print:border-slate-900">
      <div className="mx-auto max-w-2xl px-4 py-6 text-base text-slate-700 sm:px-6">
        <p>
          Questions about your plan? Contact {clinic.name}
          {clinic.phone ? (
            <>
              {" on "}
              <PhoneLink phone={clinic.phone} className="font-medium text-brand-800 underline underline-offset-2" />
            </>
          ) : null}
          .
        </p>
        <p className="mt-2 text-sm text-slate-600">This page is private to you. Please do not share its address.</p>
      </div>
    </footer>
  );
}

/** What changed, the clinician's notes and the exercises: above the session log form. */
function Top({ snapshot, items, figures }: { snapshot: PlanSnapshot; items: SnapshotItem[]; figures: (FigureFile | null)[] }) {
  return (
    <>
      {snapshot.changes ? <Changes changes={snapshot.changes} /> : null}
      {snapshot.notes ? (
        <section aria-labelledby="notes-heading" className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0">
          <h2 id="notes-heading" className="text-xl font-bold text-slate-900">
            From {snapshot.clinician.name}
          </h2>
          <p className="mt-2 whitespace-pre-line">{snapshot.notes}</p>
        </section>
      ) : null}
      <section aria-labelledby="exercises-heading" id="exercises" className="scroll-mt-14 space-y-5">
        <div>
          <h2 id="exercises-heading" className="text-2xl font-bold text-slate-900">
            Your exercises
          </h2>
          <p className="mt-1 text-slate-700">
            {items.length} {items.length === 1 ? "exercise" : "exercises"}. Move slowly and stay within the pain guide below.
          </p>
          {items.some((item) => item.progression) ? <p className="mt-2 text-slate-700">{progressionAdvice}</p> : null}
        </div>
        {items.map((item, i) => (
          <Exercise key={i} item={item} number={i + 1} figure={figures[i]} />
        ))}
      </section>
    </>
  );
}

// ---------------------------------------------------------------- the cache

/** Everything on the page that one issued version fixes, rendered once and kept (HTML strings). */
export type PlanBody = {
  /** For the <title>: the plan and the clinic. */
  title: string;
  accentColour: string;
  /** The exercises as the log form lists them, in plan order. */
  items: { position: number; name: string }[];
  /** A knee plan: the log form asks about swelling too (lib/adherence/knee.ts). */
  knee: boolean;
  clinic: string;
  heading: string;
  /** What changed, the clinician's notes and the exercises: above the session log form. */
  top: string;
  /** Safety and education: below it. */
  bottom: string;
  footer: string;
};

export async function renderPlanBody(snapshot: PlanSnapshot): Promise<PlanBody & { figures: FigureFile[] }> {
  const render = await staticMarkup();
  const items = [...snapshot.items].sort((a, b) => a.position - b.position);
  const figures = items.map((item) => (item.figure ? figureFile(item.figure) : null));
  return {
    title: `${snapshot.title} · ${snapshot.clinic.name}`,
    accentColour: snapshot.clinic.accentColour,
    items: items.map((item) => ({ position: item.position, name: item.name })),
    knee: isKneePlan(snapshot),
    clinic: render(<ClinicBlock clinic={snapshot.clinic} />),
    heading: render(<TitleBlock snapshot={snapshot} />),
    top: render(<Top snapshot={snapshot} items={items} figures={figures} />),
    bottom: render(
      <>
        <Safety safety={snapshot.safety} />
        <Education conditions={snapshot.conditions} general={snapshot.generalEducation} />
      </>,
    ),
    footer: render(<Footer clinic={snapshot.clinic} />),
    figures: figures.filter((file): file is FigureFile => file !== null),
  };
}

const bodies = new BoundedCache<string, PlanBody>(100);

/** The body of one issued version, rendered (and its figure files stored) on first use. */
export async function planBodyOf(versionId: string, snapshot: PlanSnapshot): Promise<PlanBody> {
  const cached = bodies.get(versionId);
  if (cached) return cached;
  const { figures, ...body } = await renderPlanBody(snapshot);
  await storeFigureImages(figures);
  return bodies.set(versionId, body);
}
